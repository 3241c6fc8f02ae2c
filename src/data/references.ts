import { closestMatch, didYouMean } from '../lib/closest.ts';
import { slugified } from '../schemas/shared.ts';
import { SLUG_PATTERN } from '../lib/urls.ts';
import type { PageCollection } from '../lib/collections.ts';

/**
 * Reference validation for the whole content set. Astro's `reference()` only logs a broken reference
 * and lets the build pass, so the catalog checks every id itself and fails the build with a message
 * that names the file, the field, the bad value and the fix.
 */

export interface ReferenceProblem {
  /** The content file, relative to the project root. */
  file: string;
  /** The frontmatter field, as a path: `libraries[2].library`. */
  field: string;
  /** The bad value. */
  value: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export interface CompanyReferences {
  id: string;
  file: string;
  aliases: readonly string[];
  libraries: readonly { library: string; source: string }[];
  scaleTricks: readonly { trick: string; source: string }[];
  figures: readonly { source: string }[];
  movedAway: readonly { source: string }[];
  timeline: readonly { source: string }[];
  sources: readonly { id: string }[];
}

export interface KnownIds {
  libraryIds: readonly string[];
  trickIds: readonly string[];
  /** Id → display name, so that a name written where an id belongs finds its id. */
  names?: Readonly<Record<string, string>>;
}

const shownChoices = 25;

/**
 * "a, b, c" — or the first few and a count, so that a message stays readable at any corpus size.
 * `keep` (the suggested id) is always among those shown.
 */
export function listChoices(choices: readonly string[], keep?: string): string {
  if (choices.length === 0) return '(none)';
  if (choices.length <= shownChoices) return choices.join(', ');
  let shown = choices.slice(0, shownChoices);
  if (keep && choices.includes(keep) && !shown.includes(keep)) shown = [...shown.slice(0, shownChoices - 1), keep];
  return `${shown.join(', ')}, … (${choices.length - shown.length} more)`;
}

/**
 * The existing id an author most likely meant by `value`: an id written in other case, an entry's
 * display name ("TFX (TensorFlow Extended)" → tfx, by the name, the part before the brackets or the
 * part inside them), or the closest id or name. Never an id that is not in `ids`.
 */
export function suggestId(value: string, ids: readonly string[], names: Readonly<Record<string, string>> = {}): string | undefined {
  if (ids.length === 0) return undefined;
  const valid = new Set(ids);
  const forms = (text: string) => {
    const outside = text.replace(/\([^)]*\)/g, ' ');
    const inside = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
    return [text, outside, ...inside].map(slugified).filter(Boolean);
  };
  const wanted = forms(value);
  for (const form of wanted) if (valid.has(form)) return form;
  const byName = new Map<string, string>();
  for (const id of ids) for (const form of forms(names[id] ?? '')) if (!byName.has(form)) byName.set(form, id);
  for (const form of wanted) {
    const id = byName.get(form);
    if (id) return id;
  }
  for (const form of wanted) {
    const id = closestMatch(form, ids);
    if (id) return id;
    const name = closestMatch(form, [...byName.keys()]);
    if (name) return byName.get(name);
  }
  return undefined;
}

/** The message for a reference to an id that does not exist, with the id it most likely meant. */
export function unknownId(kind: string, value: string, valid: readonly string[], folder: string, names?: Readonly<Record<string, string>>): string {
  const match = suggestId(value, valid, names);
  const named = match && names?.[match] && names[match] !== match ? ` (${names[match]})` : '';
  const fix = SLUG_PATTERN.test(value)
    ? `Fix: use one of these, or add content/${folder}/${value}.mdx.`
    : `Fix: write the entry's id (its file name), not its name${match ? `: "${match}"` : ''}.`;
  return `unknown ${kind} "${value}".${match ? ` Did you mean "${match}"${named}?` : ''} Valid ids: ${listChoices(valid, match)}. ${fix}`;
}

export function validateCompanyReferences(
  companies: readonly CompanyReferences[],
  index: KnownIds,
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const libraryIds = new Set(index.libraryIds);
  const trickIds = new Set(index.trickIds);

  for (const company of companies) {
    const { file } = company;
    const sourceIds = company.sources.map((s) => s.id);
    const sourceSet = new Set(sourceIds);
    const checkSource = (field: string, value: string) => {
      if (!sourceSet.has(value)) {
        problems.push({
          file,
          field,
          value,
          message:
            `cites source "${value}", which is not in this entry's sources.${didYouMean(value, sourceIds)} ` +
            `Valid source ids: ${listChoices(sourceIds)}. Fix: use one of these, or add the source to \`sources\`.`,
        });
      }
    };

    const checkUses = <U extends { source: string }>(
      uses: readonly U[],
      field: 'libraries' | 'scaleTricks',
      idOf: (use: U) => string,
      valid: Set<string>,
      validList: readonly string[],
      kind: 'library' | 'trick',
      folder: string,
      mergeField: string,
    ) => {
      const seen = new Set<string>();
      uses.forEach((use, i) => {
        const id = idOf(use);
        const path = `${field}[${i}].${kind === 'library' ? 'library' : 'trick'}`;
        if (!valid.has(id)) {
          problems.push({ file, field: path, value: id, message: unknownId(kind, id, validList, folder, index.names) });
        } else if (seen.has(id)) {
          problems.push({ file, field: path, value: id, message: `${kind} "${id}" is listed twice. Fix: keep one entry and merge the two \`${mergeField}\` lines.` });
        }
        seen.add(id);
        checkSource(`${field}[${i}].source`, use.source);
      });
    };
    checkUses(company.libraries, 'libraries', (u) => u.library, libraryIds, index.libraryIds, 'library', 'libraries', 'use');
    checkUses(company.scaleTricks, 'scaleTricks', (u) => u.trick, trickIds, index.trickIds, 'trick', 'tricks', 'how');

    for (const key of ['figures', 'movedAway', 'timeline'] as const) {
      company[key].forEach(({ source }, i) => checkSource(`${key}[${i}].source`, source));
    }

  }
  problems.push(...validateAliases('companies', companies));
  return problems;
}

/** Words for an entry of each collection with pages, in the alias messages. */
const aliasWords: Record<PageCollection, { entry: string; page: string }> = {
  companies: { entry: 'company', page: 'profile' },
  libraries: { entry: 'library', page: 'page' },
  tricks: { entry: 'scale trick', page: 'page' },
  posts: { entry: 'article', page: 'page' },
};

/**
 * `aliases` (old ids after a rename, other names) become redirects to the entry's page, so each must
 * be free: not the entry's own id, not another entry's id, not another entry's alias.
 */
export function validateAliases(
  collection: PageCollection,
  entries: readonly { id: string; file: string; aliases: readonly string[] }[],
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const { entry: noun, page } = aliasWords[collection];
  const fileOf = new Map(entries.map((e) => [e.id, e.file]));
  const aliasOwner = new Map<string, string>();
  for (const { id, file, aliases } of entries) {
    aliases.forEach((alias, i) => {
      const problem = (message: string) => problems.push({ file, field: `aliases[${i}]`, value: alias, message });
      if (alias === id) {
        problem(`alias "${alias}" is this ${noun}'s own id: /${collection}/${alias}/ is already its page. Fix: remove the alias.`);
        return;
      }
      const idOwner = fileOf.get(alias);
      if (idOwner !== undefined) {
        problem(
          `alias "${alias}" is the id of another ${noun} (${idOwner}), so /${collection}/${alias}/ is taken by that ${page}. ` +
            `Fix: remove "${alias}" from this entry's aliases.`,
        );
        return;
      }
      const owner = aliasOwner.get(alias);
      if (owner !== undefined) {
        problem(
          owner === id
            ? `alias "${alias}" is already an alias of this ${noun} (listed twice). Fix: keep it once.`
            : `alias "${alias}" is already an alias of "${owner}" (${fileOf.get(owner)}), and one address can lead to one ${page} only. ` +
                `Fix: keep it in one of the two files and remove it from the other.`,
        );
        return;
      }
      aliasOwner.set(alias, id);
    });
  }
  return problems;
}

/** An article's `companies` must name company profiles. */
export function validatePostReferences(
  posts: readonly { file: string; companies: readonly string[] }[],
  companyIds: readonly string[],
  names?: Readonly<Record<string, string>>,
): ReferenceProblem[] {
  const valid = new Set(companyIds);
  return posts.flatMap(({ file, companies }) =>
    companies.flatMap((id, i) =>
      valid.has(id) ? [] : [{ file, field: `companies[${i}]`, value: id, message: unknownId('company', id, companyIds, 'companies', names) }],
    ),
  );
}

/** One error message for all the problems, grouped by file, ready to throw. */
export function formatProblems(problems: readonly ReferenceProblem[]): string {
  const byFile = Map.groupBy(problems, (problem) => problem.file);
  const lines = [`${problems.length} broken reference${problems.length === 1 ? '' : 's'} in content:`];
  for (const [file, list] of byFile) {
    lines.push(`  ${file}`);
    for (const p of list) lines.push(`    ${p.field}: ${p.message}`);
  }
  return lines.join('\n');
}
