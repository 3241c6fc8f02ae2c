/**
 * The "On this page" list: a page's h2 and h3 headings as a two-level tree, shown only where a page
 * has enough sections to need one.
 */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface ContentsItem {
  slug: string;
  text: string;
  children: ContentsItem[];
}

/** Fewer sections than this and the page gets no list: it would only repeat what fits on a screen. */
export const CONTENTS_MIN_HEADINGS = 4;

/** GFM's footnotes heading ("Citations"): the list ends with the page's sources instead. */
const skipped = new Set(['footnote-label']);

/** h2s at the top level, each h3 under the h2 before it (an h3 before any h2 stands alone). */
export function contentsTree(headings: readonly Heading[]): ContentsItem[] {
  const tree: ContentsItem[] = [];
  for (const { depth, slug, text } of headings) {
    if ((depth !== 2 && depth !== 3) || skipped.has(slug)) continue;
    const item = { slug, text, children: [] };
    const parent = tree.at(-1);
    if (depth === 3 && parent) parent.children.push(item);
    else tree.push(item);
  }
  return tree;
}

/** Whether a page with these headings gets an "On this page" list. */
export function hasContents(headings: readonly Heading[]): boolean {
  const tree = contentsTree(headings);
  return tree.length + tree.reduce((n, item) => n + item.children.length, 0) >= CONTENTS_MIN_HEADINGS;
}
