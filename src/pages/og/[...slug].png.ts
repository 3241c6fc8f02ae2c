/**
 * Social preview images: /og/<kind>/<id>.png for every company, library, trick and article (the
 * paths `paths.og` builds), and /og/site.png, the card the layout uses for every other page.
 * The drawing lives in src/lib/og-image.ts; this page only picks the words for each card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Catalog } from '../../data/catalog';
import { createOgImageQueue, type OgImageInput, type OgKind } from '../../lib/og-image';
import { SITE_DESCRIPTION, SITE_TITLE } from '../../site';

interface Card {
  /** The path under /og/, without ".png": "companies/instagram". */
  key: string;
  input: OgImageInput;
}

function card(kind: Exclude<OgKind, 'site'>, id: string, title: string, summary: string): Card {
  return { key: `${kind}/${id}`, input: { kind, title, summary, site: SITE_TITLE } };
}

/** Every card, in the order getStaticPaths lists them (and so the order Astro writes them). */
function cardsOf(catalog: Catalog): Card[] {
  return [
    { key: 'site', input: { kind: 'site', title: 'How large companies use Python at scale', summary: SITE_DESCRIPTION, site: SITE_TITLE } },
    ...catalog.companies.map((c) => card('companies', c.id, c.data.name, c.data.summary)),
    ...catalog.libraries.map((l) => card('libraries', l.id, l.data.name, l.data.summary)),
    ...catalog.tricks.map((t) => card('tricks', t.id, t.data.name, t.data.summary)),
    ...catalog.posts.map((p) => card('posts', p.id, p.data.title, p.data.description)),
  ];
}

let queue: Promise<(key: string) => Promise<Uint8Array<ArrayBuffer>>> | undefined;

/**
 * One queue for the build, over the cards in the order Astro writes them (see createOgImageQueue).
 * The dev server draws only what is asked for.
 */
function renderer() {
  queue ??= getCatalog().then((catalog) => createOgImageQueue(cardsOf(catalog), import.meta.env.DEV ? { ahead: 0 } : {}));
  return queue;
}

export const getStaticPaths = (async () => {
  const cards = cardsOf(await getCatalog());
  return cards.map(({ key }) => ({ params: { slug: key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const png = await (await renderer())(params.slug!);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
