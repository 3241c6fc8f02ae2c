// Wiring only: each collection's loader and schema. The schemas live in src/schemas/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { config } from './config.ts';
import { companySchema } from './schemas/company.ts';
import { librarySchema } from './schemas/library.ts';
import { trickSchema } from './schemas/trick.ts';
import { postSchema } from './schemas/post.ts';
import { claimSchema } from './schemas/claim.ts';

const mdxIn = (folder: string) => glob({ pattern: '*.mdx', base: path.join(config.contentRoot, folder) });

export const collections = {
  companies: defineCollection({ loader: mdxIn('companies'), schema: companySchema }),
  libraries: defineCollection({ loader: mdxIn('libraries'), schema: librarySchema }),
  tricks: defineCollection({ loader: mdxIn('tricks'), schema: trickSchema }),
  posts: defineCollection({ loader: mdxIn('posts'), schema: postSchema }),
  claims: defineCollection({ loader: mdxIn('claims'), schema: claimSchema }),
};
