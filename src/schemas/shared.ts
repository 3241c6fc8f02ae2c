import { z } from 'astro/zod';
import { closestMatch } from '../lib/closest.ts';
import { SLUG_PATTERN } from '../lib/urls.ts';

/*
 * Every schema here carries its own error text, so that a content error stops the build with the bad
 * value and the fix rather than zod's "Invalid input". Astro prints each issue as `field: message`
 * under the file name, so a message never repeats the field; it says what was received, what the
 * field holds and how to write it.
 */

/** What a zod error function receives; only the parts the messages use. */
interface IssueLike {
  input?: unknown;
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A received value as a message shows it: text in quotes, a date as YYYY-MM-DD, lists and groups as short JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${value.toISOString().slice(0, 10)}`;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `the list ${clip(JSON.stringify(value))}`;
  if (typeof value === 'object') return `the group ${clip(JSON.stringify(value))}`;
  return `the ${typeof value} ${String(value)}`;
}

/** Describes one frontmatter field for its error messages. */
export interface FieldHelp {
  /** What the field holds, as a phrase: "the company's name as readers know it". */
  holds: string;
  /** The field written correctly, as a YAML line or block: `name: Instagram`. */
  example: string;
}

/**
 * A field's help as its schema's metadata: the JSON Schemas under /api/schema/ carry it as the
 * field's description, so what a field holds is written once, where its error messages read it.
 */
export function described<T extends z.ZodType>(schema: T, { holds }: { holds: string }): T {
  return schema.meta({ description: `${holds.charAt(0).toUpperCase()}${holds.slice(1)}.` });
}

/** The message for a field that is missing (undefined) or left empty (null), or undefined for any other input. */
export function missing(input: unknown, { holds, example }: FieldHelp): string | undefined {
  if (input !== undefined && input !== null) return undefined;
  return `is ${input === undefined ? 'required' : 'empty'}: ${holds}. Write it as${inline(example)}`;
}

/** A YAML example after "Write it as": a one-liner in backticks, a block on its own indented lines. */
function inline(example: string): string {
  return example.includes('\n') ? `:\n${example.replace(/^/gm, '      ')}` : ` \`${example}\``;
}

/** The error function of a field that wants a value of one type: required, or must be <expected>. */
export function typeError(expected: string, help: FieldHelp) {
  return (issue: IssueLike) => missing(issue.input, help) ?? `must be ${expected}, not ${shown(issue.input)}. Write it as${inline(help.example)}`;
}

/** A line of text that must not be empty, such as a name. */
export function text(help: FieldHelp) {
  return described(
    z
      .string({ error: typeError('text', help) })
      .trim()
      .min(1, { error: `must not be empty: ${help.holds}. Write it as${inline(help.example)}` }),
    help,
  );
}

/** One sentence of plain text: no line breaks, and not empty. */
export function sentence(help: FieldHelp) {
  return described(
    z
      .string({ error: typeError('one sentence of text', help) })
      .trim()
      .min(1, { error: `must not be empty: ${help.holds}. Write it as${inline(help.example)}` })
      .refine((value) => !/\n/.test(value), {
        error: (issue) =>
          `must be a single line, not ${String(issue.input).split('\n').length} lines (${shown(issue.input)}). ` +
          'Fix: write it as one sentence on one line.',
      }),
    help,
  );
}


/** "Static Analysis!" → "static-analysis": the slug an author most likely meant. */
export function slugified(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An id or slug: lower-case words joined by single hyphens. An entry's id is its file name and its
 * permalink, so the same rule applies to every id that a reference may name.
 */
export function slug(help: FieldHelp & { folder?: string }) {
  const id = z.string({ error: typeError('an id such as "static-python"', help) }).regex(SLUG_PATTERN, {
    error: (issue) => {
      const value = String(issue.input);
      // A reference names an entry that exists: a slug made from the value may not, so never suggest one.
      if (help.folder) {
        return `must be the id of an entry in content/${help.folder} (its file name, without .mdx), not ${shown(value)}. Fix: write the id; every id is listed in docs/ids.md.`;
      }
      const suggestion = slugified(value);
      return (
        `must be lower-case letters and digits joined by single hyphens, such as "static-python", not ${shown(value)}.` +
        (suggestion && suggestion !== value ? ` Did you mean "${suggestion}"?` : '')
      );
    },
  });
  return described(id, help);
}

/** Any id or slug: the generic form of `slug()`. */
export const slugSchema = slug({ holds: 'an id: lower-case words joined by hyphens', example: 'source: static-analysis-post' });

const partialDatePattern = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const partialDateRule = 'must be a date written as "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes';

/** The field line with the value quoted, for a partial date YAML read as a number or a date. */
function quotedHint(input: unknown, key: string): string | undefined {
  if (typeof input === 'number' && Number.isInteger(input)) return `${key}: "${input}"`;
  if (input instanceof Date && !Number.isNaN(input.getTime())) return `${key}: "${input.toISOString().slice(0, 10)}"`;
  return undefined;
}

/**
 * A date known to the year, the month or the day: "2019", "2019-05" or "2019-05-20". Sources often
 * give only a year, and writing a made-up day would overstate what is known.
 */
export function partialDate(help: FieldHelp & { key: string }) {
  const date = z
    .string({
      error: (issue) => {
        const gone = missing(issue.input, help);
        if (gone) return gone;
        const quoted = quotedHint(issue.input, help.key);
        return quoted
          ? `${partialDateRule}, not ${shown(issue.input)} without quotes. Fix: ${quoted}`
          : `${partialDateRule}, not ${shown(issue.input)}. Fix, for example: ${help.example}`;
      },
    })
    .regex(partialDatePattern, {
      error: (issue) => `${partialDateRule}, not ${shown(issue.input)}. Fix, for example: ${help.example}`,
    });
  return described(date, help);
}

const calendarDayPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A calendar date string ("2026-11-21") as a Date, or the value unchanged when it is not one. */
function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const day = calendarDayPattern.exec(value.trim())?.[1];
  if (!day) return value;
  const date = new Date(value.trim());
  // Rejects days that do not exist, such as 2026-02-31, which Date would roll into March.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? date : value;
}

/** "2026-02-30" → the message for a day that does not exist, or undefined for anything else. */
function impossibleDay(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return `month ${match[2]} does not exist`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${year} has ${days} days`;
}

/** Today as "YYYY-MM-DD", in UTC, as the build sees it. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A full calendar date, such as `2026-11-21`, quoted or not. The content check reads it as text
 * (src/node/content-check/), so a day that does not exist, such as 2026-02-30, is refused instead of
 * rolling into March. Anything else, such as "last week" or a bare year, is refused with the value
 * and the form. With `notAfterToday`, a day in the future is refused too.
 */
export function calendarDate(help: FieldHelp & { notAfterToday?: boolean }) {
  const date = z.date({
    error: (issue) => {
      const gone = missing(issue.input, help);
      if (gone) return gone;
      const impossible = impossibleDay(issue.input);
      return impossible
        ? `must be a day that exists, not ${shown(issue.input)} (${impossible}). Write it as \`${help.example}\``
        : `must be a date such as 2026-11-21 (YYYY-MM-DD), not ${shown(issue.input)}. Write it as \`${help.example}\``;
    },
  });
  const day = help.notAfterToday
    ? date.refine((value) => value.toISOString().slice(0, 10) <= today(), {
        error: (issue) =>
          `must not be in the future, not ${shown(issue.input)} (today is ${today()}). ` +
          `Fix: write the day it actually happened, today or earlier, e.g. \`${help.example}\``,
      })
    : date;
  return described(z.preprocess(toDate, day), help);
}

/**
 * A full day kept as text ("2026-11-28"), quoted or not: YAML's own date reading is undone, the day
 * must exist and must not lie in the future.
 */
export function checkedDay(help: FieldHelp) {
  const day = z
    .string({ error: typeError('a day written as "YYYY-MM-DD"', help) })
    .refine((value) => typeof toDate(value) !== 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value), {
      error: (issue) => `must be a day that exists, written as "YYYY-MM-DD", not ${shown(issue.input)}. Write it as \`${help.example}\``,
    })
    .refine((value) => value <= today(), {
      error: (issue) => `must not be in the future, not ${shown(issue.input)}. Fix: write the day the source was actually read.`,
    });
  const asText = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);
  return described(z.preprocess(asText, day), help);
}

/** The error function of a closed list: the bad value, the closest valid one and every valid one. */
export function choiceError(what: string, choices: readonly string[], help: FieldHelp) {
  const valid = choices.join(', ');
  return (issue: IssueLike) => {
    const gone = missing(issue.input, { holds: `${help.holds}, one of: ${valid}`, example: help.example });
    if (gone) return gone;
    if (typeof issue.input !== 'string') return `must be one ${what} from the list (${valid}), not ${shown(issue.input)}.`;
    const match = closestMatch(issue.input, choices);
    return (
      `unknown ${what} ${shown(issue.input)}.${match ? ` Did you mean "${match}"?` : ''} Valid choices: ${valid}. ` +
      `Fix: use one of these${match ? ` (e.g. "${match}")` : ''}; the list is in src/lib/vocabulary.ts.`
    );
  };
}

/** A value from a closed list, with the choice error and the field's description. */
export function choice<const T extends readonly [string, ...string[]]>(what: string, choices: T, help: FieldHelp) {
  return described(z.enum(choices, { error: choiceError(what, choices, help) }), help);
}

/** Describes a list field: what it holds and how to write it, given what the author wrote instead. */
export interface ListHelp {
  holds: string;
  /** The field written as a YAML list, built around a value the author gave (when it is usable). */
  example: (value?: string) => string;
}

/** A list field, with messages for a missing list and for one written as a single value. */
export function listOf<T extends z.ZodType>(item: T, help: ListHelp) {
  const list = z.array(item, {
    error: (issue) => {
      const value = typeof issue.input === 'string' && SLUG_PATTERN.test(issue.input) ? issue.input : undefined;
      const form = inline(help.example(value));
      if (issue.input === undefined || issue.input === null) {
        return `is ${issue.input === undefined ? 'required' : 'empty'}: ${help.holds}. Write it as a YAML list${form}`;
      }
      return `must be a list, not ${typeof issue.input === 'string' ? 'the single value ' : ''}${shown(issue.input)}. Write it as a YAML list${form}`;
    },
  });
  return described(list, help);
}

/** What zod reports for keys a strict group does not know. */
interface UnknownKeysIssue {
  code: 'unrecognized_keys';
  keys: string[];
}

function isUnknownKeys(issue: { code?: string }): issue is UnknownKeysIssue {
  return issue.code === 'unrecognized_keys';
}

/**
 * The message for a frontmatter key the schema does not know: a misspelled key would otherwise be
 * dropped in silence (`scaletricks:` left the tricks table empty). Names the nearest valid field.
 */
/** One line per key, in the order of the keys, so a caller can report each key on its own line. */
export function unknownKeysMessage(keys: readonly string[], valid: readonly string[]): string {
  return keys
    .map((key) => {
      const match = closestMatch(key.toLowerCase(), valid.map((v) => v.toLowerCase()));
      const field = match ? valid.find((v) => v.toLowerCase() === match) : undefined;
      return (
        `unknown field "${key}".${field ? ` Did you mean ${field}?` : ''} Valid fields here: ${valid.join(', ')}. ` +
        `Fix: ${field ? `rename it to \`${field}:\`` : 'remove it, or rename it to one of these'} (optional fields are listed in docs/authoring.md).`
      );
    })
    .join('\n');
}

/**
 * A group of frontmatter fields that refuses keys it does not know, with the nearest valid name.
 * Used for the top level of every collection and for every group inside it.
 */
export function strictGroup<Shape extends z.ZodRawShape>(shape: Shape, error?: (issue: IssueLike & { code?: string }) => string | undefined) {
  const valid = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (isUnknownKeys(issue) ? unknownKeysMessage(issue.keys, valid) : error?.(issue)),
  });
}

/** A group of fields inside a list (one library use, one figure), with a message for an item of the wrong shape. */
export function itemOf<Shape extends z.ZodRawShape>(shape: Shape, help: ListHelp) {
  return strictGroup(shape, (issue) => {
    const value = typeof issue.input === 'string' && SLUG_PATTERN.test(issue.input) ? issue.input : undefined;
    return `must be a group of fields (${Object.keys(shape).join(', ')}), not ${shown(issue.input)}. Write the list as${inline(help.example(value))}`;
  });
}

/**
 * The top-level check of a collection's frontmatter: when none of its required fields is there, the
 * file most likely has no frontmatter at all (an empty file, or a body without the `---` block), so
 * say that, and show the block to start the file with. Reported as the field `frontmatter`.
 */
export function withFrontmatter<T extends z.ZodObject>(schema: T, collection: string): T {
  const required = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
  const block = ['---', ...required.map((key) => `${key}: …`), '---'].join('\n');
  return schema.refine(() => false, {
    when: (payload) => {
      const value = payload.value as Record<string, unknown> | null;
      return typeof value === 'object' && value !== null && required.every((key) => !(key in value) || value[key] === undefined);
    },
    path: ['frontmatter'],
    error:
      `is missing or empty: the file has none of the required fields (${required.join(', ')}). ` +
      `Fix: start the file with a frontmatter block, as docs/authoring.md shows for ${collection}${inline(block)}`,
  });
}

/**
 * Old ids of a renamed entry (and other slugs that should lead to it): each becomes a redirect to
 * the entry's page, so a published link to the old address keeps working (optional).
 */
export function pageAliasesSchema(collection: string, example: string) {
  return listOf(slug({ holds: `an old id or another slug that leads to this page (/${collection}/<alias>/)`, example: `aliases: [${example}]` }), {
    holds: 'old ids or other slugs that lead to this page',
    example: (alias = example) => `aliases: [${alias}]`,
  }).default([]);
}

/**
 * Old anchors of renamed body headings → the anchor each now has: `anchorAliases: { reporting:
 * metrics-and-reporting }`. A published anchor is a promise (ledger/published.json); the page keeps
 * the old one as an empty target at the start of the renamed heading.
 */
export const anchorAliasesSchema = z
  .record(
    z.string().regex(SLUG_PATTERN, { error: (issue) => `each old anchor must be lower-case words joined by hyphens, as the ledger lists it, not ${shown(issue.input)}.` }),
    slug({ holds: "the renamed heading's anchor", example: 'anchorAliases: { reporting: metrics-and-reporting }' }),
    {
      error: (issue) =>
        `must be a group of old anchor: new anchor pairs, not ${shown(issue.input)}. Write it as \`anchorAliases: { reporting: metrics-and-reporting }\``,
    },
  )
  .optional();
