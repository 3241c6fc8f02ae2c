import { z } from 'astro/zod';
import { keysOf, libraryKinds } from '../lib/vocabulary';
import { sentenceSchema } from './shared';
import { sourceListSchema } from './source';

/** The frontmatter of a library entry in content/libraries. */
export const librarySchema = z.object({
  /** The library's name as its project writes it, e.g. "NumPy". */
  name: z.string().trim().min(1),
  /** What sort of library it is, from a closed list; the libraries index groups by it. */
  kind: z.enum(keysOf(libraryKinds)),
  /** The language it is written in, e.g. "Python and C". */
  language: z.string().trim().min(1),
  /** The project's own home page or repository, as an absolute https URL. */
  homepage: z.url({ protocol: /^https$/, message: 'must be an absolute https:// URL' }),
  /** One sentence on what it is. */
  summary: sentenceSchema,
  /** Sources that footnotes in the body cite by id. */
  sources: sourceListSchema.default([]),
});

export type LibraryData = z.infer<typeof librarySchema>;
