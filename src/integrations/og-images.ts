/**
 * The social images of a build: the content check hands over the checked entries, worker threads
 * start drawing the cards the cache lacks at once, while Astro syncs, bundles and renders, and the
 * build:done step copies every card into the site's og/ folder (list it before the link check).
 * `astro dev` draws on request through an injected route instead.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ogCards, type CardEntry } from '../og/cards.ts';
import { createDrawPool, type DrawPool } from '../og/pool.ts';
import { createOgImageStore, type OgImageStore } from '../og/store.ts';

export interface OgImages {
  integration: AstroIntegration;
  /** Starts drawing the cards of these entries (a build only; called by the content check). */
  draw: (entries: readonly CardEntry[]) => void;
}

export default function ogImages({ dir }: { dir: string }): OgImages {
  let command: string | undefined;
  let store: OgImageStore | undefined;
  let pool: DrawPool | undefined;
  let started = 0;
  return {
    draw: (entries) => {
      if (command !== 'build') return;
      pool = createDrawPool();
      store = createOgImageStore(ogCards(entries), { dir, draw: pool.draw });
      started = performance.now();
      store.start();
    },
    integration: {
      name: 'python-at-scale:og-images',
      hooks: {
        'astro:config:setup': ({ command: current, injectRoute }) => {
          command = current;
          if (current === 'dev') injectRoute({ pattern: '/og/[...slug].png', entrypoint: new URL('../og/route.ts', import.meta.url), prerender: true });
        },
        'astro:build:done': async ({ dir: site, logger }) => {
          if (!store || !pool) throw new Error('No social cards were started: the content check hands the entries to og-images; list it first.');
          const waited = performance.now();
          try {
            const { drawn, cached } = await store.publish(fileURLToPath(site));
            const now = performance.now();
            logger.info(`Social cards: ${drawn} drawn, ${cached} from the cache, in ${Math.round(now - started)} ms beside the build (${Math.round(now - waited)} ms waited for).`);
          } finally {
            await pool.close();
          }
        },
      },
    },
  };
}
