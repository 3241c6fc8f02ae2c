/**
 * Which social images the site has, and the words on each: /og/site.png for pages that are not
 * entries, then one card per company, library, trick and article. The route that writes them
 * (src/pages/og/[...slug].png.ts) builds this list from the catalog; the build's early step
 * (scripts/draw-og-images.ts) builds it from the content files, to draw the cards while Astro is
 * still bundling. Both go through `ogCards`, so they name the same cards with the same words.
 */
import { readFrontmatterFiles } from './frontmatter-files.ts';
import type { OgCard, OgKind } from './og-image.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './site-meta.ts';

export type EntryKind = Exclude<OgKind, 'site'>;

export interface CardEntry {
  id: string;
  /** The name, or an article's headline. */
  title: string;
  /** The one-sentence summary, or an article's description. */
  summary: string;
}

export type CardEntries = Record<EntryKind, readonly CardEntry[]>;

export const ogEntryKinds: readonly EntryKind[] = ['companies', 'libraries', 'tricks', 'posts'];

export const SITE_CARD_TITLE = 'How large companies use Python at scale';

/** Every card, the site's first, then each kind's entries in the order given. */
export function ogCards(entries: CardEntries): OgCard[] {
  return [
    { key: 'site', input: { kind: 'site', title: SITE_CARD_TITLE, summary: SITE_DESCRIPTION, site: SITE_TITLE } },
    ...ogEntryKinds.flatMap((kind) =>
      entries[kind].map(({ id, title, summary }) => ({ key: `${kind}/${id}`, input: { kind, title, summary, site: SITE_TITLE } })),
    ),
  ];
}

/** The frontmatter fields a card's words come from, by kind. */
const fields: Record<EntryKind, { title: string; summary: string }> = {
  companies: { title: 'name', summary: 'summary' },
  libraries: { title: 'name', summary: 'summary' },
  tricks: { title: 'name', summary: 'summary' },
  posts: { title: 'title', summary: 'description' },
};

/**
 * The cards, read straight from the content files under `contentRoot`. The schemas trim these
 * fields, so this trims them too; an entry whose fields are not text is left out (the content
 * layer reports it, and the build draws whatever the catalog holds).
 */
export function ogCardsFromContent(contentRoot: string): OgCard[] {
  const entriesOf = (kind: EntryKind): CardEntry[] =>
    readFrontmatterFiles(contentRoot, kind).flatMap(({ id, data }) => {
      const title = data[fields[kind].title];
      const summary = data[fields[kind].summary];
      return typeof title === 'string' && typeof summary === 'string' ? [{ id, title: title.trim(), summary: summary.trim() }] : [];
    });
  return ogCards({ companies: entriesOf('companies'), libraries: entriesOf('libraries'), tricks: entriesOf('tricks'), posts: entriesOf('posts') });
}
