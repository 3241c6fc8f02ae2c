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
  /** The companies and libraries a body must link when it names them: display name and page. */
  entities?: readonly NamedEntity[];
  /** Pages of `entities` this body need not link (a claim's own companies). */
  needNotLink?: ReadonlySet<string>;
}

export interface NamedEntity {
  name: string;
  path: string;
}

/** Where a name in the text is not a mention to link: already a link, a heading, a note, code. */
const notProse = new Set(['link', 'linkReference', 'heading', 'footnoteDefinition', 'inlineCode', 'code', 'html']);

const words = (text: string) => text.match(/[\p{L}\p{N}_]+/gu) ?? [];

interface NameIndex {
  /** First word of a name → the entities whose name starts with it, each with its whole-name pattern. */
  byFirstWord: Map<string, { entity: NamedEntity; pattern: RegExp }[]>;
}

// Built once per entity list: a body is scanned word by word, not once per entity, so the check
// stays linear in the corpus (2,000 companies took a minute with a pattern per entity and body).
const indexes = new WeakMap<readonly NamedEntity[], NameIndex>();

function nameIndex(entities: readonly NamedEntity[]): NameIndex {
  let index = indexes.get(entities);
  if (index) return index;
  const byFirstWord = new Map<string, { entity: NamedEntity; pattern: RegExp }[]>();
  for (const entity of entities) {
    const first = words(entity.name)[0];
    if (!first) continue;
    const escaped = entity.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words, case and all: "Django's" and "Baseplate.py" name Django and Baseplate, "Rayleigh" and "web.pyx" do not name Ray or web.py.
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_.-])${escaped}(?![\\p{L}\\p{N}_])`, 'u');
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { entity, pattern }]);
  }
  index = { byFirstWord };
  indexes.set(entities, index);
  return index;
}

/**
 * Each company or library the body names in its prose but never links, with the text node of its
 * first mention, so the message can say where to put the link. `ignore`: pages not to ask for.
 */
function unlinkedMentions(tree: Root, entities: readonly NamedEntity[], ignore: ReadonlySet<string> = new Set()): { entity: NamedEntity; node: Nodes }[] {
  const linked = new Set<string>(ignore);
  visit(tree, ['link', 'definition'], (node) => {
    const url = (node as { url: string }).url;
    if (url.startsWith('/')) linked.add(url.replace(/[?#].*$/, ''));
  });
  const { byFirstWord } = nameIndex(entities);
  const found = new Map<NamedEntity, Nodes>();
  visit(tree, (node) => {
    if (notProse.has(node.type)) return 'skip';
    if (node.type !== 'text') return undefined;
    // Citations (`[^source-id]`) arrive as text; a source id is not a mention.
    const prose = node.value.replace(/\[\^[^\]\s]+\]/g, (citation) => ' '.repeat(citation.length));
    for (const word of new Set(words(prose))) {
      for (const { entity, pattern } of byFirstWord.get(word) ?? []) {
        if (!found.has(entity) && !linked.has(entity.path) && pattern.test(prose)) found.set(entity, node);
      }
    }
    return undefined;
  });
  return [...found].map(([entity, node]) => ({ entity, node }));
}

export function checkBody(body: string, { collection, id, firstLine, sourceIds, anchorAliases = [], entities = [], needNotLink = new Set() }: BodyContext): BodyProblem[] {
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

  const self = `/${collection}/${id}/`;
  for (const { entity, node } of unlinkedMentions(tree, entities, new Set([...needNotLink, self]))) {
    problems.push({
      line: lineOf(node),
      message:
        `names ${entity.name} but never links its page, so a reader cannot follow it. ` +
        `Fix: link its first mention in the text, [${entity.name}](${entity.path}).`,
    });
  }

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
