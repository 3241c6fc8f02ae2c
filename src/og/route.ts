/**
 * The dev server's social images: /og/<collection>/<id>.png for every entry and /og/site.png, drawn
 * on request from the live catalog. A build writes the same files from its card pool instead
 * (src/integrations/og-images.ts), so this route is injected for `astro dev` only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import path from 'node:path';
import { config } from '../config.ts';
import { getCatalog } from '../data/catalog.ts';
import { ogCards } from './cards.ts';
import { createOgImageStore } from './store.ts';

const { companies, libraries, tricks, posts } = await getCatalog();
const cards = ogCards([...companies, ...libraries, ...tricks, ...posts]);
const store = createOgImageStore(cards, { dir: path.join(config.cacheDir, 'og-images') });

export const getStaticPaths = (() => cards.map(({ key }) => ({ params: { slug: key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(await store.get(params.slug!), { headers: { 'Content-Type': 'image/png' } });
