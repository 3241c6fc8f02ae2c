/**
 * Social preview images: /og/<collection>/<id>.png for every entry (the paths `paths.og` builds)
 * and /og/site.png, the card the layout uses for every other page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import path from 'node:path';
import { config } from '../../config.ts';
import { getCatalog } from '../../data/catalog.ts';
import { ogCards } from '../../og/cards.ts';
import { createOgImageStore } from '../../og/store.ts';

const cards = ogCards(await getCatalog());
const store = createOgImageStore(cards, { dir: path.join(config.cacheDir, 'og-images') });

export const getStaticPaths = (() => cards.map(({ key }) => ({ params: { slug: key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(await store.get(params.slug!), { headers: { 'Content-Type': 'image/png' } });
