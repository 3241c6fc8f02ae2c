// Wiring only: each collection's loader and schema. The schemas live in src/schemas/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { companySchema } from './schemas/company';
import { librarySchema } from './schemas/library';
import { trickSchema } from './schemas/trick';
import { postSchema } from './schemas/post';

// The content root can be moved (for test fixtures and the benchmark's synthetic corpus) with
// PAS_CONTENT_DIR; the site's own content lives in ./content.
const contentRoot = (process.env.PAS_CONTENT_DIR ?? './content').replace(/\/+$/, '');
const mdxIn = (folder: string) => glob({ pattern: '*.mdx', base: `${contentRoot}/${folder}` });

export const collections = {
  companies: defineCollection({ loader: mdxIn('companies'), schema: companySchema }),
  libraries: defineCollection({ loader: mdxIn('libraries'), schema: librarySchema }),
  tricks: defineCollection({ loader: mdxIn('tricks'), schema: trickSchema }),
  posts: defineCollection({ loader: mdxIn('posts'), schema: postSchema }),
};
