import { z } from 'astro/zod';
import { partialDateSchema, slugSchema } from './shared';

/** A published source that claims on a page cite, by its id, in footnotes and in frontmatter. */
export const sourceSchema = z.object({
  /** Short id, unique within the entry, used as the footnote label: `[^cinder-readme]`. */
  id: slugSchema,
  /** The title as the publisher gives it. */
  title: z.string().trim().min(1),
  /** Who published it: an engineering blog, a conference, a repository, a newspaper. */
  publisher: z.string().trim().min(1),
  /** The original, absolute https address (never a copy or mirror). */
  url: z.url({ protocol: /^https$/, message: 'must be an absolute https:// URL of the original' }),
  /** When it was published; leave out for living documents such as a repository README. */
  date: partialDateSchema.optional(),
});

export type Source = z.infer<typeof sourceSchema>;

/** A list of sources whose ids are unique, so that a citation cannot be ambiguous. */
export const sourceListSchema = z.array(sourceSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    if (seen.has(source.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `duplicate source id "${source.id}": give each source its own id`,
      });
    }
    seen.add(source.id);
  });
});
