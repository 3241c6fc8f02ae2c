/**
 * Social preview images: /og/<kind>/<id>.png for every company, library, trick and article (the
 * paths `paths.og` builds), and /og/site.png, the card the layout uses for every other page.
 * The drawing lives in src/lib/og-image.ts; this page only picks the words for each card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Catalog } from '../../data/catalog';
import path from 'node:path';
import { cacheDir } from '../../lib/cache-dir';
import { createOgImageStore, type OgImageStore } from '../../lib/og-image';
import { ogCards, type CardEntry } from '../../lib/og-cards';

const entry = (id: string, title: string, summary: string): CardEntry => ({ id, title, summary });

/** Every card, in the order getStaticPaths lists them (and so the order Astro writes them). */
function cardsOf(catalog: Catalog) {
  return ogCards({
    companies: catalog.companies.map((c) => entry(c.id, c.data.name, c.data.summary)),
    libraries: catalog.libraries.map((l) => entry(l.id, l.data.name, l.data.summary)),
    tricks: catalog.tricks.map((t) => entry(t.id, t.data.name, t.data.summary)),
    posts: catalog.posts.map((p) => entry(p.id, p.data.title, p.data.description)),
  });
}

let store: Promise<OgImageStore> | undefined;

/** One store for the build (see createOgImageStore), with its files in Astro's cache folder. */
function imageStore() {
  store ??= getCatalog().then((catalog) =>
    createOgImageStore(cardsOf(catalog), {
      dir: path.join(cacheDir(), 'og-images'),
      // `npm run build` draws most cards before Astro gets here (scripts/draw-og-images.ts); this
      // says how many were left for the pages' own step, once Astro's own report is done.
      onComplete: ({ drawn, cached }) =>
        process.once('exit', () =>
          console.log(`Social images: ${drawn + cached} cards, ${cached} found in the cache, ${drawn} drawn while writing the pages.`),
        ),
    }),
  );
  return store;
}

export const getStaticPaths = (async () => {
  const cards = cardsOf(await getCatalog());
  return cards.map(({ key }) => ({ params: { slug: key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const images = await imageStore();
  // Astro asks for the cards one after another, in the order listed: keep the workers drawing the
  // next ones (those the early step has not drawn) meanwhile. The dev server draws only what is
  // asked for.
  if (!import.meta.env.DEV) images.prefetch();
  return new Response(await images.get(params.slug!), { headers: { 'Content-Type': 'image/png' } });
};
