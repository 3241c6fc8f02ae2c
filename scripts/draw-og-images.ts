// The build's early step (started by scripts/build.ts): draws the social images into the build's
// cache while Astro is still bundling, so that the pages' own step finds them there.
//
// Why: measured on two cores at 1,000 companies, Astro's Vite step kept about 1.25 cores busy for
// 26 s, and the cards then took 13 s of both cores at the end of page generation. This step reads
// each card's words from the content files (src/lib/og-cards.ts), draws on one worker thread at a
// low priority, and writes each PNG whole (by rename) under the name the pages' step will look for:
// a hash of the card's SVG (src/lib/og-image.ts). Nothing depends on it finishing: any card it has
// not drawn when Astro asks for it is drawn there, as before, and build.ts stops it once Astro is
// done.
import path from 'node:path';
import { cacheDir } from '../src/lib/cache-dir.ts';
import { ogCardsFromContent } from '../src/lib/og-cards.ts';
import { createOgImageStore, createOgRenderPool } from '../src/lib/og-image.ts';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const cards = ogCardsFromContent(path.resolve(root, process.env.PAS_CONTENT_DIR ?? 'content'));
const pool = createOgRenderPool({ threads: 1 });
const store = createOgImageStore(cards, { dir: path.join(cacheDir(root), 'og-images'), pool, inFlight: 2 });
const { drawn, cached } = await store.drawAll();
await pool.close();
console.log(
  `Social images, drawn ahead of the pages: ${drawn} of ${cards.length} cards in ${((performance.now() - started) / 1000).toFixed(1)} s (${cached} were already in the cache).`,
);
