/**
 * On pages whose layout prints the entry's sources as one numbered list (libraries and tricks, under
 * a "Sources" heading), the GFM footnotes section would print the same sources a second time. This
 * drops that section and points each citation marker at its source in the list instead
 * (`#source-<id>`), numbered as the list numbers it. Profiles and articles keep their footnotes,
 * numbered in reading order. Which collections: by the folder the file is in.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

interface Options {
  /** Content folders (collections) whose pages list their sources once, under `#sources`. */
  collections: string[];
}

interface VFileLike {
  path?: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

const footnotePrefix = '#user-content-fn-';

function sourceIds(file: VFileLike): string[] {
  const sources = file.data.astro?.frontmatter?.['sources'];
  if (!Array.isArray(sources)) return [];
  return sources.map((s) => (typeof s === 'object' && s !== null && typeof (s as { id?: unknown }).id === 'string' ? (s as { id: string }).id : ''));
}

export default function rehypeSourceListCitations({ collections }: Options) {
  return (tree: Root, file: VFileLike) => {
    if (!file.path || !collections.includes(path.basename(path.dirname(file.path)))) return;
    const ids = sourceIds(file).map((id) => id.toLowerCase());
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'section' && node.properties?.dataFootnotes !== undefined && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const target = node.properties?.href;
      if (node.tagName !== 'a' || node.properties?.dataFootnoteRef === undefined || typeof target !== 'string') return undefined;
      if (!target.startsWith(footnotePrefix)) return undefined;
      const id = decodeURIComponent(target.slice(footnotePrefix.length)).toLowerCase();
      const position = ids.indexOf(id);
      if (position === -1) return undefined;
      node.properties.href = `#source-${sourceIds(file)[position]}`;
      node.properties.ariaDescribedBy = ['sources'];
      node.children = [{ type: 'text', value: String(position + 1) }];
      return undefined;
    });
  };
}
