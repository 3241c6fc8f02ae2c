import type { FootnoteDefinition, FootnoteReference, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { didYouMean, closestMatch } from '../lib/closest.ts';
import { listChoices } from '../data/references.ts';
import { formatPartialDate } from '../lib/format.ts';

/**
 * Citations are GFM footnotes whose label is a source id from the entry's frontmatter:
 * `…in 2017.[^newstack-py3]`. This plugin writes each footnote's text from that source (title,
 * publisher, date, linked to the original), so a source is typed once and every citation of it
 * reads the same. A label that names no source stops the build with the file, the label, the valid
 * ids and the closest one. No published plugin does this: remark-gfm needs the definitions written
 * out by hand.
 */

interface SourceLike {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date?: string | undefined;
}

interface VFileLike {
  path?: string;
  cwd?: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

function isSource(value: unknown): value is SourceLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.title === 'string' && typeof v.publisher === 'string' && typeof v.url === 'string';
}

function relativePath(file: VFileLike): string {
  const path = file.path ?? '(unknown file)';
  const cwd = file.cwd ?? '';
  return cwd && path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}

export class CitationError extends Error {
  override name = 'CitationError';
}

/** The footnote text for one source: "Title. Publisher, 14 June 2017." with the title linked. */
export function citationContent(source: SourceLike): PhrasingContent[] {
  const published = source.date ? `, ${formatPartialDate(source.date)}` : '';
  return [
    { type: 'link', url: source.url, children: [{ type: 'text', value: source.title }] },
    { type: 'text', value: `. ${source.publisher}${published}.` },
  ];
}

const citationPattern = /\[\^([^\]\s]+)\]/g;

/**
 * GFM only parses `[^label]` as a footnote reference when a definition with that label exists, so a
 * citation with no written definition arrives as plain text. This turns each such `[^label]` in a
 * text node back into a footnote reference, keeping the line it came from for error messages.
 */
export function citationsFromText(tree: Root): void {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('[^')) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(citationPattern)) {
      const offset = match.index;
      if (offset > last) parts.push({ type: 'text', value: node.value.slice(last, offset) });
      const line = node.position ? node.position.start.line + (node.value.slice(0, offset).match(/\n/g)?.length ?? 0) : undefined;
      const reference: FootnoteReference = { type: 'footnoteReference', identifier: match[1]!.toLowerCase(), label: match[1]! };
      if (line !== undefined) reference.position = { start: { line, column: 1 }, end: { line, column: 1 } };
      parts.push(reference);
      last = offset + match[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...(parts as typeof parent.children));
    return index + parts.length;
  });
}

export default function remarkCiteSources() {
  return (tree: Root, file: VFileLike) => {
    citationsFromText(tree);
    const raw = file.data.astro?.frontmatter?.sources;
    const sources = Array.isArray(raw) ? raw.filter(isSource) : [];
    const byId = new Map(sources.map((s) => [s.id.toLowerCase(), s]));

    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      defined.add(node.identifier.toLowerCase());
    });

    const cited: string[] = [];
    const unknown: { label: string; line?: number }[] = [];
    visit(tree, 'footnoteReference', (node) => {
      const id = node.identifier.toLowerCase();
      if (defined.has(id) || cited.includes(id)) return;
      if (byId.has(id)) cited.push(id);
      else unknown.push({ label: node.label ?? node.identifier, ...(node.position ? { line: node.position.start.line } : {}) });
    });

    if (unknown.length > 0) {
      const ids = sources.map((s) => s.id);
      const where = relativePath(file);
      const lines = unknown.map(
        ({ label, line }) =>
          `  ${where}${line ? `:${line}` : ''}: footnote [^${label}] names no source.${didYouMean(label, ids)}`,
      );
      const hint = unknown.map((u) => closestMatch(u.label, ids)).find(Boolean);
      throw new CitationError(
        [
          `Citation to an unknown source in ${where}:`,
          ...lines,
          `  Valid source ids (from \`sources\` in the frontmatter): ${listChoices(ids)}.`,
          `  Fix: use one of these ids as the footnote label${hint ? ` (e.g. [^${hint}])` : ''}, or add the source to \`sources\`.`,
        ].join('\n'),
      );
    }

    for (const id of cited) {
      const source = byId.get(id)!;
      const definition: FootnoteDefinition = {
        type: 'footnoteDefinition',
        identifier: id,
        label: source.id,
        children: [{ type: 'paragraph', children: citationContent(source) }],
      };
      tree.children.push(definition);
    }
  };
}
