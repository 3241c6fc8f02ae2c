import { z } from 'astro/zod';
import { keysOf, libraryKinds } from '../lib/vocabulary.ts';
import { anchorAliasesSchema, pageAliasesSchema, calendarDate, choiceError, sentence, strictGroup, text, typeError, withFrontmatter } from './shared.ts';
import { sourceListSchema } from './source.ts';

const kindChoices = keysOf(libraryKinds);

/** The frontmatter of a library entry in content/libraries. */
export const librarySchema = withFrontmatter(
  strictGroup({
    /** The library's name as its project writes it, e.g. "NumPy". */
    name: text({ holds: "the library's name as its project writes it", example: 'name: NumPy' }),
    /** What sort of library it is, from a closed list; the libraries index groups by it. */
    kind: z.enum(kindChoices, {
      error: choiceError('library kind', kindChoices, { holds: 'what sort of library it is', example: 'kind: web' }),
    }),
    /** The language it is written in, e.g. "Python and C". */
    language: text({ holds: 'the language it is written in', example: 'language: Python and C' }),
    /** The project's own home page or repository, as an absolute https URL. */
    homepage: z.url({
      protocol: /^https$/,
      error: typeError('an absolute https:// URL', { holds: "the project's own home page or repository", example: 'homepage: https://numpy.org/' }),
    }),
    /** One sentence on what it is. */
    summary: sentence({ holds: 'one sentence on what it is', example: 'summary: The array library that scientific Python is built on.' }),
    /** Sources that footnotes in the body cite by id. */
    sources: sourceListSchema.default([]),
    /** When the entry was last checked against its sources; shown on the page and in the sitemap. */
    reviewed: calendarDate({ holds: 'when the entry was last checked against its sources', example: 'reviewed: 2026-11-28' }),
    /** Old ids of this entry after a rename: each redirects here, so published links keep working (optional). */
    aliases: pageAliasesSchema('libraries', 'tensorflow-serving'),
    /** Old anchors of renamed body headings → their new anchors, so published links keep landing (optional). */
    anchorAliases: anchorAliasesSchema,
  }),
  'libraries',
);

export type LibraryData = z.infer<typeof librarySchema>;
