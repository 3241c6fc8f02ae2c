/**
 * A claim's body is rendered inside other pages (a profile's claims section, /claims/), several to a
 * page and beside the page's own footnotes, so GFM's fixed footnote ids (`user-content-fn-<label>`,
 * `footnote-label`) would repeat. For files in a `claims` folder this prefixes every footnote id and
 * link with the claim's id, and turns the "Citations" h2 into a label that stays out of the outline.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const claimFile = /[\\/]claims[\\/]([a-z0-9-]+)\.mdx?$/;
const prefix = 'user-content-';

/** The claim id of a content file, or undefined for any other file. */
export function claimIdOf(filePath: string | undefined): string | undefined {
  return filePath ? claimFile.exec(filePath)?.[1] : undefined;
}

export default function rehypeClaimFootnotes() {
  return (tree: Root, file: { path?: string }) => {
    const id = claimIdOf(file.path);
    if (!id) return;
    const label = `${id}-citations`;
    visit(tree, 'element', (node: Element) => {
      const props = node.properties;
      if (typeof props.id === 'string' && props.id.startsWith(prefix)) props.id = `${id}-${props.id.slice(prefix.length)}`;
      if (typeof props.href === 'string' && props.href.startsWith(`#${prefix}`)) props.href = `#${id}-${props.href.slice(prefix.length + 1)}`;
      const describedBy: unknown = props['ariaDescribedBy'];
      if (describedBy === 'footnote-label' || (Array.isArray(describedBy) && describedBy.includes('footnote-label'))) props['ariaDescribedBy'] = [label];
      if (node.tagName === 'h2' && props.id === 'footnote-label') {
        node.tagName = 'p';
        props.id = label;
      }
    });
  };
}
