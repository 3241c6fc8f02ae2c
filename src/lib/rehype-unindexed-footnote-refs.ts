/**
 * Keeps GFM footnote references (the superscript citation numbers) out of the search index by
 * marking their `<sup>` with `data-pagefind-ignore`. Pagefind stores every element with an id as an
 * anchor in the page's search fragment, which each result shown downloads: a profile's forty-odd
 * citation links were a quarter of its fragment, and their numbers were noise in its text.
 * Written here because no plugin sets attributes on footnote references; it is a few lines.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isFootnoteRef = (node: Element) =>
  node.children.some((child) => child.type === 'element' && child.tagName === 'a' && child.properties?.dataFootnoteRef !== undefined);

export default function rehypeUnindexedFootnoteRefs() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'sup' && isFootnoteRef(node)) node.properties.dataPagefindIgnore = '';
    });
  };
}
