import { z } from 'astro/zod';
import { keysOf, roleAreas } from '../lib/vocabulary';
import { partialDateSchema, sentenceSchema, slugSchema } from './shared';
import { sourceListSchema } from './source';

/** A scale figure, such as monthly active users, always qualified by when it held and who said so. */
export const figureSchema = z.object({
  /** What is counted, e.g. "Monthly active users". */
  label: z.string().trim().min(1),
  /** The number itself; large values are shown in words ("2 billion"). */
  value: z.number({ message: 'must be a number, without quotes or units' }),
  /** What one unit is, e.g. "users", "lines of Python", "requests a second". */
  unit: z.string().trim().min(1),
  /** When the figure was true: "2019", "2019-05" or "2019-05-20". */
  asOf: partialDateSchema,
  /** The id of the entry's source that reports it. */
  source: slugSchema,
});

/** Something that used to be Python there and is now written in another language. */
export const movedAwaySchema = z.object({
  /** What moved, e.g. "The sync engine core (Nucleus)". */
  what: z.string().trim().min(1),
  /** The language or system it moved to. */
  to: z.string().trim().min(1),
  /** When, as a partial date. */
  when: partialDateSchema,
  /** Why, in one sentence, as the source gives it. */
  why: sentenceSchema,
  /** The id of the entry's source that reports it. */
  source: slugSchema,
});

/** One dated event in the company's history with Python. */
export const timelineEventSchema = z.object({
  /** When, as a partial date. */
  date: partialDateSchema,
  /** What happened, in one sentence. */
  event: sentenceSchema,
  /** The id of the entry's source that reports it. */
  source: slugSchema,
});

/** A library the company uses, and how. */
export const libraryUseSchema = z.object({
  /** The id of an entry in content/libraries. */
  library: slugSchema,
  /** How this company uses it, in one sentence. */
  use: sentenceSchema,
  /** The id of the entry's source that reports it. */
  source: slugSchema,
});

/** A scale trick the company uses, and how it does it. */
export const trickUseSchema = z.object({
  /** The id of an entry in content/tricks. */
  trick: slugSchema,
  /** How this company does it, in one sentence. */
  how: sentenceSchema,
  /** The id of the entry's source that reports it. */
  source: slugSchema,
});

/** The frontmatter of a company profile in content/companies. */
export const companySchema = z.object({
  /** The company's name as readers know it, e.g. "Google / YouTube". */
  name: z.string().trim().min(1),
  /** One sentence: used in cards, the meta description and search excerpts. */
  summary: sentenceSchema,
  /** Other slugs that lead to this profile, e.g. "youtube": each gets a redirect. */
  aliases: z.array(slugSchema).default([]),
  /** What Python does at the company. */
  role: z.object({
    /** One line on what Python does there. */
    summary: sentenceSchema,
    /** Where Python is used, from a closed list. */
    areas: z.array(z.enum(keysOf(roleAreas))).min(1, { message: 'name at least one area' }),
  }),
  /** Libraries the company uses, each with how. */
  libraries: z.array(libraryUseSchema).default([]),
  /** Scale tricks the company uses, each with how. */
  scaleTricks: z.array(trickUseSchema).default([]),
  /** Scale figures, each with an as-of date and a source. */
  figures: z.array(figureSchema).default([]),
  /** What left Python, for which language, when and why. */
  movedAway: z.array(movedAwaySchema).default([]),
  /** Dated events, oldest first. */
  timeline: z.array(timelineEventSchema).default([]),
  /** Every source the profile cites; footnotes in the body use these ids as labels. */
  sources: sourceListSchema.min(1, { message: 'a profile needs at least one source' }),
  /** When the profile was last checked against its sources. */
  reviewed: z.coerce.date({ message: 'must be a date such as 2026-11-21' }),
});

export type CompanyData = z.infer<typeof companySchema>;
