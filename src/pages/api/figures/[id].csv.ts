/** GET /api/figures/<company>.csv: one profile's scale figures, with as-of dates and source URLs. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { csv } from '../../../lib/claims.ts';
import { companyFigures, figureCsvHeader, figureCsvRows } from '../../../lib/figure-rows.ts';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.companies.filter((c) => c.data.figures.length > 0).map((company) => ({ params: { id: company.id }, props: { company } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { company } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return new Response(csv(figureCsvHeader, figureCsvRows(company.id, companyFigures(company.data))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
