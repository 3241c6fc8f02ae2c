/** GET /api/figures.csv: every scale figure of every profile, with its as-of date and source URL. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { csv } from '../../lib/claims.ts';
import { companyFigures, figureCsvHeader, figureCsvRows } from '../../lib/figure-rows.ts';

export const GET: APIRoute = async () => {
  const catalog = await getCatalog();
  const rows = catalog.companies.flatMap((company) => figureCsvRows(company.id, companyFigures(company.data)));
  return new Response(csv(figureCsvHeader, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
