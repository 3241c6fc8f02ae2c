import { z } from 'astro/zod';
import { anchorAliasesSchema, pageAliasesSchema, calendarDate, listOf, sentence, slug, text, strictGroup, withFrontmatter } from './shared.ts';
import { sourceListSchema } from './source.ts';

/** The frontmatter of an article in content/posts. */
export const postSchema = withFrontmatter(
  strictGroup({
    title: text({ holds: 'the headline', example: 'title: The common thread' }),
    description: sentence({
      holds: 'one or two sentences for the posts index and the meta description, on one line',
      example: 'description: What the companies share, and where they differ.',
    }),
    published: calendarDate({ holds: 'when it was first published', example: 'published: "2026-11-21"', notAfterToday: true }),
    /** When it was last changed in substance; leave out if never. */
    updated: calendarDate({ holds: 'when it was last changed in substance', example: 'updated: "2026-11-21"', notAfterToday: true }).optional(),
    /** Ids of the company profiles the article covers. */
    companies: listOf(slug({ holds: 'the id of a company profile', example: 'companies: [instagram]', folder: 'companies' }), {
      holds: 'the ids of the company profiles the article covers',
      example: (id = 'instagram') => `companies: [${id}]`,
    }).min(1, { error: 'name at least one company the article covers, e.g. `companies: [instagram]`' }),
    /** Sources that footnotes in the body cite by id, as in a company profile. */
    sources: sourceListSchema.default([]),
    /** Old ids of this entry after a rename: each redirects here, so published links keep working (optional). */
    aliases: pageAliasesSchema('posts', 'the-common-thread'),
    /** Old anchors of renamed body headings → their new anchors, so published links keep landing (optional). */
    anchorAliases: anchorAliasesSchema,
  }),
  'posts',
);

export type PostData = z.infer<typeof postSchema>;
