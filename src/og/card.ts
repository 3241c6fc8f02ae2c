/**
 * The social preview card (1200×630) as a satori element tree: the only place its design lives.
 * Pure data, so the tree also names the card's cache file (see store.ts).
 */
import { collections, type CollectionName } from '../lib/collections.ts';
import { palette } from './palette.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const MARGIN = 80;

export interface OgCardInput {
  /** A company, library or trick name, or an article's headline, drawn large. */
  title: string;
  /** The collection the card is about, or `site` for pages that are not entries. */
  collection: CollectionName | 'site';
  /** One or two sentences, cut with an ellipsis after three lines. */
  summary: string;
  /** The site's name, drawn at the top. */
  site: string;
}

/** An element as satori takes it without JSX. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | OgNode | (string | OgNode)[] };
}

const node = (style: Record<string, string | number>, children?: OgNode['props']['children']): OgNode => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

const square = (offset: number, fill: string, edge = 0) =>
  node({ position: 'absolute', left: offset - edge, top: offset - edge, width: 34 + 2 * edge, height: 34 + 2 * edge, borderRadius: 8 + edge, background: fill });

export function ogCardTree({ title, collection, summary, site }: OgCardInput): OgNode {
  const long = title.length > 40;
  const label = collection === 'site' ? 'Knowledge base' : collections[collection].cardLabel;
  const og = palette;
  return node(
    { display: 'flex', flexDirection: 'column', width: OG_WIDTH, height: OG_HEIGHT, paddingTop: 56, paddingLeft: MARGIN, background: og.background, fontFamily: 'Inter' },
    [
      // A two-square mark in the Python colours, and the site's name.
      node({ display: 'flex', alignItems: 'center', height: 50 }, [
        node({ display: 'flex', position: 'relative', width: 50, height: 50 }, [square(0, og.blue), square(16, og.background, 4), square(16, og.yellow)]),
        node({ marginLeft: 18, fontSize: 30, fontWeight: 700, color: og.blue }, site),
      ]),
      node(
        { display: 'flex', alignSelf: 'flex-start', marginTop: 40, padding: '8px 20px', borderRadius: 20, background: og.pill, color: og.label, fontSize: 20, fontWeight: 700, letterSpacing: 2 },
        label.toUpperCase(),
      ),
      // Large on up to two lines, or smaller on up to three when the title is long.
      node({ display: 'block', width: OG_WIDTH - 2 * MARGIN, marginTop: 36, fontSize: long ? 54 : 68, fontWeight: 700, lineHeight: 1.16, color: og.title, lineClamp: long ? 3 : 2 }, title),
      node({ display: 'block', width: OG_WIDTH - 2 * MARGIN, marginTop: 24, fontSize: 30, lineHeight: 1.4, color: og.summary, lineClamp: long ? 2 : 3 }, summary),
      // A band in the two colours along the bottom edge.
      node({ display: 'flex', position: 'absolute', left: 0, bottom: 0, width: OG_WIDTH, height: 14 }, [
        node({ flexGrow: 1, background: og.blue }),
        node({ width: 300, background: og.yellow }),
      ]),
    ],
  );
}
