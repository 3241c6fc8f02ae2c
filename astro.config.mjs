// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkCiteSources from './src/lib/remark-cite-sources';
import pagefind from './src/integrations/pagefind';

export default defineConfig({
  site: 'https://python-at-scale.example.org',
  // Tests and the benchmark build fixture sites elsewhere; the real site always builds into dist/.
  outDir: process.env.PAS_OUT_DIR ?? './dist',
  cacheDir: process.env.PAS_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  markdown: {
    processor: unified({
      // Order matters: GFM parses the footnotes that remarkCiteSources fills in from `sources`.
      remarkPlugins: [remarkGfm, remarkCiteSources],
      remarkRehype: {
        footnoteLabel: 'Citations',
        footnoteLabelProperties: { className: ['footnotes__title'] },
        footnoteBackLabel: (/** @type {number} */ referenceIndex, /** @type {number} */ rereferenceIndex) =>
          `Back to citation ${referenceIndex + 1}${rereferenceIndex > 1 ? `, use ${rereferenceIndex}` : ''}`,
      },
    }),
  },
  integrations: [mdx(), pagefind()],
  vite: {
    build: {
      // Keep client scripts as files rather than inlining them: same-origin files pass a strict CSP
      // without hashes, cache across pages, and inlining left Vite's __VITE_PRELOAD__ placeholder
      // unreplaced in the search page's dynamic import of Pagefind.
      assetsInlineLimit: 0,
    },
  },
});
