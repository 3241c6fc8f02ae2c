import { z } from 'astro/zod';
import { keysOf, libraryKinds } from '../lib/vocabulary.ts';
import { choice, described, anchorAliasesSchema, pageAliasesSchema, calendarDate, sentence, strictGroup, text, typeError, withFrontmatter } from './shared.ts';
import { sourceListSchema } from './source.ts';

const kindChoices = keysOf(libraryKinds);
const homepageHelp = { holds: "the project's own home page or repository", example: 'homepage: https://numpy.org/' };

/** The frontmatter of a library entry in content/libraries. */
export const librarySchema = withFrontmatter(
  strictGroup({
    name: text({ holds: "the library's name as its project writes it", example: 'name: NumPy' }),
    /** What sort of library it is, from a closed list; the libraries index groups by it. */
    kind: choice('library kind', kindChoices, { holds: 'what sort of library it is', example: 'kind: web' }),
    language: text({ holds: 'the language it is written in', example: 'language: Python and C' }),
    homepage: described(
      z.url({ protocol: /^https$/, error: typeError('an absolute https:// URL', homepageHelp) }),
      homepageHelp,
    ),
    summary: sentence({ holds: 'one sentence on what it is', example: 'summary: The array library that scientific Python is built on.' }),
    /** Sources that footnotes in the body cite by id. */
    sources: sourceListSchema.default([]),
    // Shown on the page and used as its sitemap lastmod.
    reviewed: calendarDate({ holds: 'when the entry was last checked against its sources', example: 'reviewed: 2026-11-28' }),
    /** Old ids of this entry after a rename: each redirects here, so published links keep working (optional). */
    aliases: pageAliasesSchema('libraries', 'tensorflow-serving'),
    /** Old anchors of renamed body headings → their new anchors, so published links keep landing (optional). */
    anchorAliases: anchorAliasesSchema,
  }),
  'libraries',
);

export type LibraryData = z.infer<typeof librarySchema>;
