/**
 * "Copy link to this section" controls beside every h2 and h3. In MDX bodies they come from
 * rehype-autolink-headings with these options; page headings use SectionHeading.astro, which writes
 * the same markup. The link sits after the heading (not inside it) so the heading's accessible name
 * stays its own text, and it carries data-pagefind-ignore so its label never reaches search results.
 */
import type { Element, ElementContent } from 'hast';
import type { Options } from 'rehype-autolink-headings';

/** The visible text of a hast element. */
export function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export function headingLinkLabel(text: string): string {
  return `Copy link to section: ${text.trim()}`;
}

export const headingLinkOptions: Options = {
  behavior: 'after',
  test: ['h2', 'h3'],
  group: (heading) => ({
    type: 'element',
    tagName: 'div',
    properties: { className: ['heading-group', `heading-group--${heading.tagName}`] },
    children: [],
  }),
  properties: (heading) => ({
    className: ['heading-link'],
    ariaLabel: headingLinkLabel(textOf(heading)),
    dataPagefindIgnore: 'all',
  }),
  content: { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
};
