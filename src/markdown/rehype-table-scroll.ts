/**
 * Puts each table of an entry body in a region that scrolls sideways when the table is wider than
 * the column (a phone, a long cell), so the page itself never does. A scrolling region must be
 * reachable by keyboard and named (axe: scrollable-region-focusable), so it gets tabindex="0" and
 * a label from the heading the table sits under. The same markup as TableScroll.astro.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { textOf } from './heading-links.ts';

export default function rehypeTableScroll() {
  return (tree: Root) => {
    let heading = '';
    const used = new Map<string, number>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'h2' || node.tagName === 'h3') heading = textOf(node).trim();
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      // Region names must differ on one page, so a second table under one heading is numbered.
      const base = heading ? `Table: ${heading}` : 'Table';
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: count > 1 ? `${base} (${count})` : base },
        children: [node],
      };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
