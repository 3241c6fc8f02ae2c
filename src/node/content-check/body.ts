/**
 * Checks on an entry's Markdown body that the MDX compiler lets pass: heading anchors that repeat
 * (the second silently becomes `#reporting-1`) or collide with a section the page generates
 * (`## Timeline` next to the rendered timeline), links between entries written relative to the page
 * (they work, but the backlink index reads root-relative links only), and footnotes that name no
 * source. Pure: lines are file lines, given the body's first line.
 */
import type { Heading, Nodes, Root } from 'mdast';
import { slug } from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { didYouMean } from '../../lib/closest.ts';
import { generatedIds, sectionOrigin } from '../../lib/page-sections.ts';
import type { CollectionName as EntryKind } from '../../lib/collections.ts';

export interface BodyProblem {
  line: number;
  message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** A heading's anchor as the build makes it (github-slugger over its text, as rehypeHeadingIds does). */
export function headingAnchor(heading: Heading): string {
  return slug(textOf(heading).replace(/\[\^[^\]\s]+\]/g, '').trim());
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

export interface BodyContext {
  collection: EntryKind;
  id: string;
  /** The file line of the body's first line. */
  firstLine: number;
  /** The entry's source ids, for its footnote labels. */
  sourceIds: readonly string[];
  /** `anchorAliases` from the frontmatter, with the file line of each alias. */
  anchorAliases?: { alias: string; target: string; line: number }[];
}

export function checkBody(body: string, { collection, id, firstLine, sourceIds, anchorAliases = [] }: BodyContext): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const tree = parser.parse(body) as Root;
  const lineOf = (node: { position?: { start: { line: number } } | undefined }) => (node.position?.start.line ?? 1) + firstLine - 1;
  const generated = new Set(generatedIds[collection]);

  const seen = new Map<string, number>();
  visit(tree, 'heading', (heading) => {
    const anchor = headingAnchor(heading);
    const text = textOf(heading).trim();
    const line = lineOf(heading);
    if (!anchor) return;
    if (generated.has(anchor)) {
      problems.push({
        line,
        message:
          `heading "${text}" makes the anchor #${anchor}, which the page already uses for ${sectionOrigin[anchor] ?? 'a section it generates'}, ` +
          `so the page would have two id="${anchor}". Fix: ${anchor === 'timeline' || anchor === 'sources' ? `remove this section (the page renders it from the frontmatter) or give it` : 'give it'} other heading text.`,
      });
    }
    const first = seen.get(anchor);
    if (first !== undefined) {
      problems.push({
        line,
        message:
          `heading "${text}" repeats the anchor #${anchor} of the heading on line ${first}, so this one would silently become #${anchor}-1 ` +
          'and a link to it would land on the first. Fix: give each heading its own text.',
      });
    } else seen.set(anchor, line);
  });

  const sections = Object.keys(sectionOrigin).filter((section) => generated.has(section) && section !== 'footnote-label');
  for (const { alias, target, line } of anchorAliases) {
    if (!seen.has(target) && !sections.includes(target)) {
      problems.push({
        line,
        message:
          `anchorAliases: "${alias}" points at #${target}, which is neither a heading of the body nor a section of the page. ` +
          `Fix: use the anchor of the renamed heading (headings here: ${[...seen.keys()].map((a) => `#${a}`).join(', ') || 'none'}) ` +
          `or a section of the page (${sections.map((a) => `#${a}`).join(', ')}).`,
      });
    } else if (seen.has(alias) || generated.has(alias)) {
      problems.push({ line, message: `anchorAliases: "${alias}" is an anchor the page still has, so it needs no alias. Fix: remove it.` });
    }
  }

  const page = new URL(`https://site.invalid/${collection}/${id}/`);
  visit(tree, ['link', 'definition'], (node) => {
    const url = (node as { url: string }).url;
    if (!url || url.startsWith('/') || url.startsWith('#') || hasScheme.test(url)) return;
    const target = new URL(url, page);
    const fixed = `${target.pathname}${target.search}${target.hash}`;
    problems.push({
      line: lineOf(node),
      message:
        `link "${url}" is relative to the page; links to other pages must start at the site root, or the "Mentioned in" backlink is lost. ` +
        `Fix: write it as (${fixed})`,
    });
  });

  // GFM parses `[^label]` as a footnote only when a definition exists; citations have none, so they arrive as text.
  const known = new Set(sourceIds.map((s) => s.toLowerCase()));
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
      const label = match[1]!;
      if (known.has(label.toLowerCase())) continue;
      const line = lineOf(node) + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
      problems.push({
        line,
        message:
          `footnote [^${label}] names no source.${didYouMean(label, sourceIds)} ` +
          `Valid source ids: ${sourceIds.length ? sourceIds.join(', ') : '(none)'}. Fix: use one of these as the label, or add the source to \`sources\`.`,
      });
    }
  });
  return problems;
}

/** How many citations (`[^source-id]`) a body makes. */
export function citationCount(body: string): number {
  return [...body.replace(/```[\s\S]*?```/g, '').matchAll(/\[\^[^\]\s]+\]/g)].length;
}
