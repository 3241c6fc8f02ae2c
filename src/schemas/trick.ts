import { z } from 'astro/zod';
import { keysOf, trickCategories } from '../lib/vocabulary.ts';
import { choice, anchorAliasesSchema, pageAliasesSchema, calendarDate, sentence, strictGroup, text, withFrontmatter } from './shared.ts';
import { sourceListSchema } from './source.ts';

const categoryChoices = keysOf(trickCategories);

/** The frontmatter of a scale trick in content/tricks. */
export const trickSchema = withFrontmatter(
  strictGroup({
    /** The pattern's name, e.g. "Pre-fork workers sharing memory". */
    name: text({ holds: "the pattern's name", example: 'name: Pre-fork workers sharing memory' }),
    summary: sentence({ holds: 'one sentence on what the pattern is', example: 'summary: Load the app once, then fork workers that share its memory.' }),
    /** Which concern it addresses, from a closed list. */
    category: choice('trick category', categoryChoices, { holds: 'which concern it addresses', example: 'category: memory' }),
    /** Sources that footnotes in the body cite by id. */
    sources: sourceListSchema.default([]),
    // Shown on the page and used as its sitemap lastmod.
    reviewed: calendarDate({ holds: 'when the entry was last checked against its sources', example: 'reviewed: 2026-11-28' }),
    /** Old ids of this entry after a rename: each redirects here, so published links keep working (optional). */
    aliases: pageAliasesSchema('tricks', 'fork-and-share'),
    /** Old anchors of renamed body headings → their new anchors, so published links keep landing (optional). */
    anchorAliases: anchorAliasesSchema,
  }),
  'tricks',
);

export type TrickData = z.infer<typeof trickSchema>;
