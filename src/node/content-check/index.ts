/**
 * The content check: reads every entry file under the content root before Astro's content layer
 * does, and reports every problem at once, each with file and line: file names that are not ids,
 * frontmatter that is not valid YAML or does not match its collection's schema (read without YAML's
 * date conversion, see frontmatter.ts), and bodies with clashing headings, relative links between
 * entries, unknown footnotes or too few citations. The build calls it from the content-check
 * integration; `npm run test:content` runs it alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { collectionNames, type CollectionName } from '../../lib/collections.ts';
import { SLUG_PATTERN } from '../../lib/urls.ts';
import { companySchema } from '../../schemas/company.ts';
import { librarySchema } from '../../schemas/library.ts';
import { postSchema } from '../../schemas/post.ts';
import { claimSchema } from '../../schemas/claim.ts';
import { slugified } from '../../schemas/shared.ts';
import { trickSchema } from '../../schemas/trick.ts';
import { checkBody, citationCount, type NamedEntity } from './body.ts';
import { unknownId } from '../../data/references.ts';
import { parseFrontmatter, splitFile } from './frontmatter.ts';

export const schemas: Record<CollectionName, z.ZodType> = {
  companies: companySchema,
  libraries: librarySchema,
  tricks: trickSchema,
  posts: postSchema,
  claims: claimSchema,
};

/**
 * The fewest citations a body may make. Company profiles and articles state facts sentence by
 * sentence, each with a footnote (docs/authoring.md); a body with fewer is unfinished.
 */
export const minimumCitations: Record<CollectionName, number> = { companies: 1, posts: 1, claims: 1, libraries: 0, tricks: 0 };

export interface ContentProblem {
  /** The file, relative to the working directory. */
  file: string;
  line: number;
  /** The frontmatter field as a path (`figures.0.value`), for frontmatter problems. */
  field?: string;
  message: string;
}

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
}

export interface ContentReport {
  problems: ContentProblem[];
  /** Entries whose frontmatter passed their schema, with the parsed data. */
  entries: CheckedEntry[];
  /** How many files were read. */
  files: number;
}

const charNames: Record<string, string> = { '\u2013': 'an en dash', '\u2014': 'an em dash', _: 'an underscore', '.': 'a full stop', ' ': 'a space' };

/** "–" → 'an en dash "–" (U+2013)': a character as a message names it. */
function named(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const name = charNames[char] ?? (/\p{Lu}/u.test(char) ? 'the capital letter' : /\s/.test(char) ? 'a space' : 'the character');
  return `${name} "${char}" (U+${code})`;
}

function fileNameProblem(name: string, collection: CollectionName): string | undefined {
  const id = name.slice(0, -'.mdx'.length);
  if (SLUG_PATTERN.test(id)) return undefined;
  const bad = [...new Set([...id].filter((char) => !/[a-z0-9-]/.test(char)))];
  const suggestion = slugified(id);
  const why = bad.length
    ? `has ${bad.map(named).join(', ')}, which ${bad.length === 1 ? 'is' : 'are'} not allowed in an id`
    : 'has a hyphen at an end or two in a row';
  return (
    `file name "${name}" ${why}: the file name is the entry's id and its URL, and only a-z, 0-9 and single hyphens are kept ` +
    `(Astro would publish it at /${collection}/${id.normalize('NFKD').toLowerCase().replace(/[^a-z0-9-]/g, '')}/). ` +
    `Fix: rename the file to ${suggestion || 'an id such as my-entry'}.mdx`
  );
}

/** Id → display name of every entry of a collection, read from the files, valid or not. */
export type EntryNames = Record<CollectionName, Record<string, string>>;

interface ReadFile {
  collection: CollectionName;
  id: string;
  file: string;
  text: string;
}

export function checkContent(contentRoot: string, cwd = process.cwd()): ContentReport {
  const problems: ContentProblem[] = [];
  const entries: CheckedEntry[] = [];
  const read: ReadFile[] = [];
  for (const collection of collectionNames) {
    const dir = path.join(contentRoot, collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const absolute = path.join(dir, name);
      const file = path.relative(cwd, absolute) || absolute;
      if (!name.endsWith('.mdx')) {
        problems.push({ file, line: 1, message: `only .mdx files are read, so this file is left out of the site. Fix: rename it to ${name.replace(/\.[^.]*$/, '')}.mdx, or move it out of ${path.relative(cwd, dir)}/.` });
        continue;
      }
      const badName = fileNameProblem(name, collection);
      if (badName) problems.push({ file, line: 1, message: badName });
      read.push({ collection, id: name.slice(0, -'.mdx'.length), file, text: readFileSync(absolute, 'utf8') });
    }
  }
  const names = Object.fromEntries(collectionNames.map((c) => [c, {}])) as EntryNames;
  for (const { collection, id, text } of read) {
    const name = /^(?:name|title):[ \t]*["']?(.+?)["']?[ \t]*$/m.exec(splitFile(text).yaml ?? '')?.[1];
    names[collection][id] = name ?? id;
  }
  for (const { collection, id, file, text } of read) problems.push(...checkFile(text, { collection, id, file }, entries, names));
  return { problems, entries, files: read.length };
}

/** Reference fields: a value that is not even an id (a display name, say) gets the id it most likely names. */
const referenceFields: { pattern: RegExp; collection: CollectionName; kind: string }[] = [
  { pattern: /^libraries\.\d+\.library$/, collection: 'libraries', kind: 'library' },
  { pattern: /^scaleTricks\.\d+\.trick$/, collection: 'tricks', kind: 'trick' },
  { pattern: /^companies\.\d+$/, collection: 'companies', kind: 'company' },
];

function referenceMessage(field: string, value: unknown, names: EntryNames | undefined): string | undefined {
  if (!names || typeof value !== 'string' || SLUG_PATTERN.test(value)) return undefined;
  const reference = referenceFields.find(({ pattern }) => pattern.test(field));
  if (!reference) return undefined;
  const known = names[reference.collection];
  return unknownId(reference.kind, value, Object.keys(known).sort(), reference.collection, known);
}

/** The value at a zod issue path in the parsed frontmatter. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);
}

// One list per set of names, so the content check indexes the names once (see body.ts).
const entityLists = new WeakMap<EntryNames, NamedEntity[]>();

/** The companies and libraries a body must link when it names them. */
function linkable(names: EntryNames | undefined): NamedEntity[] {
  if (!names) return [];
  let list = entityLists.get(names);
  if (!list) {
    list = (['companies', 'libraries'] as const).flatMap((collection) => Object.entries(names[collection]).map(([id, name]) => ({ name, path: `/${collection}/${id}/` })));
    entityLists.set(names, list);
  }
  return list;
}

/** A claim is shown on the profiles of the companies it is about, so it need not link those. */
function claimCompanies(data: unknown): Set<string> {
  const companies = (data as { companies?: unknown } | undefined)?.companies;
  return new Set(Array.isArray(companies) ? companies.filter((c): c is string => typeof c === 'string').map((c) => `/companies/${c}/`) : []);
}

/** Checks one entry file's text; pushes the entry to `entries` when its frontmatter is valid. */
export function checkFile(
  text: string,
  { collection, id, file }: { collection: CollectionName; id: string; file: string },
  entries: CheckedEntry[] = [],
  names?: EntryNames,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const split = splitFile(text);
  const parsed = parseFrontmatter(split.yaml ?? '', split.yamlLine);
  if (parsed.errors.length > 0) {
    return parsed.errors.map(({ line, message }) => ({ file, line, message }));
  }
  const result = schemas[collection].safeParse(parsed.data ?? {});
  let data: Record<string, unknown> | undefined;
  if (result.success) {
    data = result.data as Record<string, unknown>;
    entries.push({ collection, id, file, data });
  } else {
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
      if (keys) {
        const messages = issue.message.split('\n');
        keys.forEach((key, i) =>
          problems.push({ file, line: parsed.lineOf(issue.path, key), field: [...issue.path, key].join('.'), message: messages[i] ?? issue.message }),
        );
        continue;
      }
      const field = issue.path.join('.') || 'frontmatter';
      const message = referenceMessage(field, valueAt(parsed.data, issue.path), names) ?? issue.message;
      problems.push({ file, line: parsed.lineOf(issue.path), field, message });
    }
  }

  const rawSources = (parsed.data as { sources?: unknown } | undefined)?.sources;
  const sourceIds = Array.isArray(rawSources)
    ? rawSources.flatMap((s) => (typeof s === 'object' && s !== null && typeof (s as { id?: unknown }).id === 'string' ? [(s as { id: string }).id] : []))
    : [];
  const rawAliases = (parsed.data as { anchorAliases?: unknown } | undefined)?.anchorAliases;
  const anchorAliases =
    typeof rawAliases === 'object' && rawAliases !== null
      ? Object.entries(rawAliases).flatMap(([alias, target]) =>
          typeof target === 'string' ? [{ alias, target, line: parsed.lineOf(['anchorAliases', alias]) }] : [],
        )
      : [];
  for (const problem of checkBody(split.body, { collection, id, firstLine: split.bodyLine, sourceIds, anchorAliases, entities: linkable(names), needNotLink: claimCompanies(parsed.data) }))
    problems.push({ file, ...problem });
  const minimum = minimumCitations[collection];
  const cited = citationCount(split.body);
  if (cited < minimum) {
    problems.push({
      file,
      line: split.bodyLine,
      message:
        `the body cites its sources ${cited} time${cited === 1 ? '' : 's'}; ${collection} need at least ${minimum}, ` +
        'because every factual sentence ends with a footnote. Fix: cite the source of each fact with [^source-id] (docs/authoring.md).',
    });
  }
  return problems;
}

/** The report an author reads: every problem, grouped by file, each with file:line, and one summary line. */
export function formatContentProblems(problems: readonly ContentProblem[]): string {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(`${file}`);
    for (const p of [...list].sort((a, b) => a.line - b.line)) {
      const [first, ...rest] = `${p.field ? `${p.field}: ` : ''}${p.message}`.split('\n');
      lines.push(`  ${file}:${p.line}: ${first}`, ...rest.map((text) => `    ${text}`));
    }
  }
  lines.push('', summaryLine(problems.length, byFile.size));
  return lines.join('\n');
}

export function summaryLine(problems: number, files: number): string {
  return `${problems} content problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} — see docs/authoring.md for how to write each field.`;
}
