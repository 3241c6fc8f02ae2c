import { z } from 'astro/zod';
import { keysOf, roleAreas } from '../lib/vocabulary.ts';
import { choice, described, anchorAliasesSchema, calendarDate, itemOf, listOf, missing, partialDate, sentence, shown, slug, strictGroup, text, typeError, withFrontmatter } from './shared.ts';
import { sourceListSchema } from './source.ts';

const sourceId = slug({ holds: "the id of one of this entry's `sources`", example: 'source: static-analysis-post' });

/** "1,000,000" or "1 000 000" → "1000000": the same number without separators, so the fix keeps its value. */
export function plainNumber(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const digits = input.trim().replace(/(?<=\d)[,\s_'  ](?=\d{3}(?:\D|$))/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(digits) ? String(Number(digits)) : undefined;
}

const figureExample = () =>
  [
    'figures:',
    '  - label: Monthly active users',
    '    value: 1000000000',
    '    unit: users',
    '    asOf: "2018-06"',
    '    source: static-analysis-post',
  ].join('\n');

/** A scale figure, such as monthly active users, always qualified by when it held and who said so. */
export const figureSchema = itemOf(
  {
    /** What is counted, e.g. "Monthly active users". */
    label: text({ holds: 'what is counted', example: 'label: Monthly active users' }),
    // Large values are shown in words ("2 billion").
    value: described(
      z.number({
        error: (issue) =>
          missing(issue.input, { holds: 'the number itself', example: 'value: 1000000000' }) ??
          `must be a number, without quotes or units, not ${shown(issue.input)}. Write it as \`value: ${plainNumber(issue.input) ?? 1000000000}\``,
      }),
      { holds: 'the number itself' },
    ),
    /** What one unit is, e.g. "users", "lines of Python", "requests a second". */
    unit: text({ holds: 'what one unit is', example: 'unit: users' }),
    /** When the figure was true: "2019", "2019-05" or "2019-05-20". */
    asOf: partialDate({ holds: 'when the figure was true', key: 'asOf', example: 'asOf: "2018-06"' }),
    /** The id of the entry's source that reports it. */
    source: sourceId,
  },
  { holds: 'scale figures', example: figureExample },
);

const movedAwayExample = () =>
  [
    'movedAway:',
    '  - what: The sync engine core',
    '    to: Rust',
    '    when: "2020"',
    '    why: One sentence, as the source gives it.',
    '    source: a-source-id',
  ].join('\n');

/** Something that used to be Python there and is now written in another language. */
export const movedAwaySchema = itemOf(
  {
    /** What moved, e.g. "The sync engine core (Nucleus)". */
    what: text({ holds: 'what moved', example: 'what: The sync engine core' }),
    to: text({ holds: 'the language or system it moved to', example: 'to: Rust' }),
    /** When, as a partial date. */
    when: partialDate({ holds: 'when it moved', key: 'when', example: 'when: "2020"' }),
    why: sentence({ holds: 'why, in one sentence, as the source gives it', example: 'why: To cut memory use.' }),
    /** The id of the entry's source that reports it. */
    source: sourceId,
  },
  { holds: 'what moved away from Python', example: movedAwayExample },
);

const timelineExample = () =>
  ['timeline:', '  - date: "2017"', '    event: Moved the web backend to Python 3.', '    source: a-source-id'].join('\n');

/** One dated event in the company's history with Python. */
export const timelineEventSchema = itemOf(
  {
    /** When, as a partial date. */
    date: partialDate({ holds: 'when it happened', key: 'date', example: 'date: "2017"' }),
    event: sentence({ holds: 'what happened, in one sentence', example: 'event: Moved the web backend to Python 3.' }),
    /** The id of the entry's source that reports it. */
    source: sourceId,
  },
  { holds: 'dated events', example: timelineExample },
);

const libraryUseExample = (library = 'django') =>
  ['libraries:', `  - library: ${library}`, '    use: One sentence on how this company uses it.', '    source: a-source-id'].join('\n');

/** A library the company uses, and how. */
export const libraryUseSchema = itemOf(
  {
    library: slug({ holds: 'the id of an entry in content/libraries', example: 'library: django', folder: 'libraries' }),
    use: sentence({ holds: 'how this company uses it, in one sentence', example: 'use: The whole web backend is one Django codebase.' }),
    /** The id of the entry's source that reports it. */
    source: sourceId,
  },
  { holds: 'libraries the company uses', example: libraryUseExample },
);

const trickUseExample = (trick = 'prefork-copy-on-write') =>
  ['scaleTricks:', `  - trick: ${trick}`, '    how: One sentence on how this company does it.', '    source: a-source-id'].join('\n');

/** A scale trick the company uses, and how it does it. */
export const trickUseSchema = itemOf(
  {
    trick: slug({ holds: 'the id of an entry in content/tricks', example: 'trick: prefork-copy-on-write', folder: 'tricks' }),
    how: sentence({ holds: 'how this company does it, in one sentence', example: 'how: Workers fork from a warmed-up parent.' }),
    /** The id of the entry's source that reports it. */
    source: sourceId,
  },
  { holds: 'scale tricks the company uses', example: trickUseExample },
);

const areaChoices = keysOf(roleAreas);
const roleExample = (area = 'web-backend') => ['role:', '  summary: One line on what Python does there.', `  areas: [${area}]`].join('\n');

/** The frontmatter of a company profile in content/companies. */
export const companySchema = withFrontmatter(
  strictGroup({
    name: text({ holds: "the company's name as readers know it", example: 'name: Instagram' }),
    summary: sentence({
      holds: 'one sentence used in cards, the meta description and search excerpts',
      example: 'summary: Runs one of the largest Django deployments.',
    }),
    /** Other slugs that lead to this profile, e.g. "youtube": each gets a redirect. */
    aliases: listOf(slug({ holds: 'another slug that leads to this profile', example: 'aliases: [youtube]' }), {
      holds: 'other slugs that lead to this profile',
      example: (alias = 'youtube') => `aliases: [${alias}]`,
    }).default([]),
    /** What Python does at the company. */
    role: described(
      strictGroup(
        {
          summary: sentence({ holds: 'one line on what Python does there', example: 'summary: Python serves the web backend.' }),
          /** Where Python is used, from a closed list. */
          areas: listOf(
            choice('role area', areaChoices, { holds: 'where Python is used', example: 'areas: [web-backend]' }),
            { holds: `where Python is used, from: ${areaChoices.join(', ')}`, example: (area = 'web-backend') => `areas: [${area}]` },
          ).min(1, { error: `name at least one area, e.g. \`areas: [web-backend]\` (choices: ${areaChoices.join(', ')})` }),
        },
        typeError('a group with summary and areas', { holds: 'what Python does at the company', example: roleExample() }),
      ),
      { holds: 'what Python does at the company' },
    ),
    /** Libraries the company uses, each with how. */
    libraries: listOf(libraryUseSchema, { holds: 'libraries the company uses', example: libraryUseExample }).default([]),
    /** Scale tricks the company uses, each with how. */
    scaleTricks: listOf(trickUseSchema, { holds: 'scale tricks the company uses', example: trickUseExample }).default([]),
    /** Scale figures, each with an as-of date and a source. */
    figures: listOf(figureSchema, { holds: 'scale figures', example: figureExample }).default([]),
    /** What left Python, for which language, when and why. */
    movedAway: listOf(movedAwaySchema, { holds: 'what moved away from Python', example: movedAwayExample }).default([]),
    /** Dated events, oldest first. */
    timeline: listOf(timelineEventSchema, { holds: 'dated events', example: timelineExample }).default([]),
    /** Every source the profile cites; footnotes in the body use these ids as labels. */
    sources: sourceListSchema.min(1, { error: 'a profile needs at least one source: list every source it cites under `sources`' }),
    reviewed: calendarDate({ holds: 'when the profile was last checked against its sources', example: 'reviewed: "2026-11-21"', notAfterToday: true }),
    /** Old anchors of renamed body headings → their new anchors, so published links keep landing (optional). */
    anchorAliases: anchorAliasesSchema,
  }),
  'companies',
);

export type CompanyData = z.infer<typeof companySchema>;
export type LibraryUse = z.infer<typeof libraryUseSchema>;
export type TrickUse = z.infer<typeof trickUseSchema>;
