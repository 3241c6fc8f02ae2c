import { z } from 'astro/zod';
import { keysOf, trickCategories } from '../lib/vocabulary';
import { sentenceSchema } from './shared';
import { sourceListSchema } from './source';

/** The frontmatter of a scale trick in content/tricks. */
export const trickSchema = z.object({
  /** The pattern's name, e.g. "Pre-fork workers sharing memory". */
  name: z.string().trim().min(1),
  /** One sentence on what the pattern is. */
  summary: sentenceSchema,
  /** Which concern it addresses, from a closed list. */
  category: z.enum(keysOf(trickCategories)),
  /** Sources that footnotes in the body cite by id. */
  sources: sourceListSchema.default([]),
});

export type TrickData = z.infer<typeof trickSchema>;
