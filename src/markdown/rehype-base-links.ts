/**
 * Authors write links between entries root-relative (`/libraries/django/`). When the site is served
 * under a sub-path (`base: '/kb/'`), those links must carry it, so this prefixes the base onto every
 * root-relative href in a body. Written here because the well-known plugins only rewrite absolute
 * or external URLs; with the default base it does nothing.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { normaliseBase } from '../lib/urls.ts';

export default function rehypeBaseLinks({ base = '/' }: { base?: string } = {}) {
  const prefix = normaliseBase(base);
  return (tree: Root) => {
    if (prefix === '') return;
    visit(tree, 'element', (node) => {
      const href = node.properties?.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(`${prefix}/`)) {
        node.properties.href = `${prefix}${href}`;
      }
    });
  };
}
