// @ts-check
/**
 * The benchmark's baseline: a bare Astro site over the same synthetic companies folder. One route,
 * one layout with no CSS, no client script, no catalog, no cross-links, no index pages. It uses the
 * same Astro, the same MDX integration and the same unified processor with remark-gfm as the real
 * site, but not the citation plugin (a feature of ours), so footnotes stay plain text here.
 *
 * Pagefind is included (run through its Node API when the build is done, as the real site does), so
 * "our build ÷ bare build" compares like with like: both sites end with a search index.
 *
 * Built by bench/run.mjs with `astro build --root bench/bare`; PAS_CONTENT_DIR, PAS_OUT_DIR and
 * PAS_CACHE_DIR point it at the corpus and temporary folders.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** @returns {import('astro').AstroIntegration} */
function pagefindAfterBuild() {
  return {
    name: 'bench-bare:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({});
          if (!index || errors.length > 0) throw new Error(`Pagefind failed to start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${added.page_count} pages.`);
        } finally {
          await close();
        }
      },
    },
  };
}

export default defineConfig({
  site: 'https://bare.example.org',
  outDir: process.env.PAS_OUT_DIR ?? './dist',
  cacheDir: process.env.PAS_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [mdx(), pagefindAfterBuild()],
});
