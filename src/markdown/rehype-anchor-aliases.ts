/**
 * Keeps a renamed heading's published anchor working: `anchorAliases: { old-anchor: new-anchor }` in
 * an entry's frontmatter puts an empty `<span id="old-anchor">` at the start of the heading whose id
 * is `new-anchor`, so `#old-anchor` lands on the renamed section. The content check has already
 * refused an alias whose target is not a heading of the body. Left out of the search index, where
 * Pagefind would list every element with an id as an anchor of the page.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

interface VFileLike {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export default function rehypeAnchorAliases() {
  return (tree: Root, file: VFileLike) => {
    const raw = file.data.astro?.frontmatter?.['anchorAliases'];
    if (typeof raw !== 'object' || raw === null) return;
    const byTarget = new Map<string, string[]>();
    for (const [alias, target] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof target === 'string') byTarget.set(target, [...(byTarget.get(target) ?? []), alias]);
    }
    visit(tree, 'element', (node: Element) => {
      const aliases = /^h[2-6]$/.test(node.tagName) ? byTarget.get(String(node.properties?.id ?? '')) : undefined;
      if (!aliases) return;
      node.children.unshift(
        ...aliases.map((alias): Element => ({ type: 'element', tagName: 'span', properties: { id: alias, dataPagefindIgnore: '' }, children: [] })),
      );
    });
  };
}
