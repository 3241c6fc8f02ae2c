import { z } from 'astro/zod';
import { sentenceSchema, slugSchema } from './shared';
import { sourceListSchema } from './source';

/** The frontmatter of an article in content/posts. */
export const postSchema = z.object({
  /** The headline. */
  title: z.string().trim().min(1),
  /** One or two sentences: the meta description and the teaser on the posts index. */
  description: sentenceSchema,
  /** When it was first published. */
  published: z.coerce.date({ message: 'must be a date such as 2026-11-21' }),
  /** When it was last changed in substance; leave out if never. */
  updated: z.coerce.date({ message: 'must be a date such as 2026-11-21' }).optional(),
  /** Ids of the company profiles the article covers. */
  companies: z.array(slugSchema).min(1, { message: 'name at least one company the article covers' }),
  /** Sources that footnotes in the body cite by id, as in a company profile. */
  sources: sourceListSchema.default([]),
});

export type PostData = z.infer<typeof postSchema>;
