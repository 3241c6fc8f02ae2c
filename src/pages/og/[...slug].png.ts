/**
 * Social preview images: /og/<kind>/<id>.png for every company, library, trick and article (the
 * paths `paths.og` builds), and /og/site.png, the card the layout uses for every other page.
 * The drawing lives in src/lib/og-image.ts; this page only picks the words for each card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Catalog } from '../../data/catalog';
import path from 'node:path';
import { cacheDir } from '../../lib/cache-dir';
import { createOgImageStore, type OgCard, type OgImageStore, type OgKind } from '../../lib/og-image';
import { SITE_DESCRIPTION, SITE_TITLE } from '../../site';

function card(kind: Exclude<OgKind, 'site'>, id: string, title: string, summary: string): OgCard {
  return { key: `${kind}/${id}`, input: { kind, title, summary, site: SITE_TITLE } };
}

/** Every card, in the order getStaticPaths lists them (and so the order Astro writes them). */
function cardsOf(catalog: Catalog): OgCard[] {
  return [
    { key: 'site', input: { kind: 'site', title: 'How large companies use Python at scale', summary: SITE_DESCRIPTION, site: SITE_TITLE } },
    ...catalog.companies.map((c) => card('companies', c.id, c.data.name, c.data.summary)),
    ...catalog.libraries.map((l) => card('libraries', l.id, l.data.name, l.data.summary)),
    ...catalog.tricks.map((t) => card('tricks', t.id, t.data.name, t.data.summary)),
    ...catalog.posts.map((p) => card('posts', p.id, p.data.title, p.data.description)),
  ];
}

let store: Promise<OgImageStore> | undefined;

/** One store for the build (see createOgImageStore), with its files in Astro's cache folder. */
function imageStore() {
  store ??= getCatalog().then((catalog) => createOgImageStore(cardsOf(catalog), { dir: path.join(cacheDir(), 'og-images') }));
  return store;
}

export const getStaticPaths = (async () => {
  const cards = cardsOf(await getCatalog());
  return cards.map(({ key }) => ({ params: { slug: key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const images = await imageStore();
  // Astro asks for the cards one after another, in the order listed: keep the workers drawing the
  // next ones meanwhile. (Starting them earlier, beside the HTML pages, was measured no faster on
  // two cores and raised the peak memory.) The dev server draws only what is asked for.
  if (!import.meta.env.DEV) images.prefetch();
  return new Response(await images.get(params.slug!), { headers: { 'Content-Type': 'image/png' } });
};
