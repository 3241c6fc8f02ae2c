/**
 * Keeps GFM footnotes out of the search index with `data-pagefind-ignore`: the references (the
 * superscript citation numbers) and the footnotes section at the end of the body. Pagefind stores
 * every element with an id as an anchor in the page's search fragment, which each result shown
 * downloads: a profile's forty-odd citation links were a quarter of its fragment, and their
 * numbers were noise in its text. The footnotes section repeats, with "↩ ↩2 ↩3" back-links, the
 * titles, publishers and dates that the page's source list already gives search.
 * Written here because no plugin sets attributes on footnotes; it is a few lines.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isFootnoteRef = (node: Element) =>
  node.children.some((child) => child.type === 'element' && child.tagName === 'a' && child.properties?.dataFootnoteRef !== undefined);

export default function rehypeUnindexedFootnotes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'sup' && isFootnoteRef(node)) node.properties.dataPagefindIgnore = '';
      else if (node.tagName === 'section' && node.properties?.dataFootnotes !== undefined) node.properties.dataPagefindIgnore = '';
    });
  };
}
