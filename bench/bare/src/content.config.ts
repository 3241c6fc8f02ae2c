// The bare baseline's only collection: the synthetic companies, with a permissive schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentRoot = (process.env['PAS_CONTENT_DIR'] ?? './content').replace(/\/+$/, '');

export const collections = {
  companies: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${contentRoot}/companies` }),
    schema: z.looseObject({ name: z.string() }),
  }),
};
