/** GET /api/claims.csv: every checked claim, one row each, for spreadsheets. */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv.ts';
import { getApi } from './_api.ts';

export const GET: APIRoute = async () => {
  const { items } = (await getApi()).claims();
  const body = toCsv(
    ['id', 'url', 'claim', 'verdict', 'verdictLabel', 'rating', 'companies', 'reviewed', 'sourceUrls'],
    items.map((c) => [c.id, c.url, c.claim, c.verdict, c.verdictLabel, c.rating, c.companies.map((r) => r.id).join(' '), c.reviewed, c.sources.map((s) => s.url).join(' ')]),
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
