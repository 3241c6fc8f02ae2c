/** GET /api/figures.csv: every scale figure of every profile, with its as-of date and source URL. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { toCsv } from '../../lib/csv.ts';
import { companyFigures, figureCsvHeader, figureCsvRows } from '../../lib/figure-rows.ts';

export const GET: APIRoute = async () => {
  const catalog = await getCatalog();
  const rows = catalog.companies.flatMap((company) => figureCsvRows(companyFigures(company.data)).map((row) => [company.id, ...row]));
  return new Response(toCsv(['company', ...figureCsvHeader], rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
