/** GET /llms.txt: the site for language models (https://llmstxt.org/), from src/api/llms-txt.ts. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { llmsTxt } from '../api/llms-txt.ts';
import { urlOf } from './api/_api.ts';

export const GET: APIRoute = async () =>
  new Response(llmsTxt(await getCatalog(), urlOf), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
