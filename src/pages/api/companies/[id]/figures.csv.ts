/** GET /api/companies/<id>/figures.csv: a profile's figures, one row each, with the source that reports it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Company } from '../../../../data/catalog.ts';
import { toCsv } from '../../../../lib/csv.ts';
import { companyFigures, figureCsvHeader, figureCsvRows } from '../../../../lib/figure-rows.ts';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.companies.map((company) => ({ params: { id: company.id }, props: { company } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ company: Company }> = ({ props }) => {
  const { data } = props.company;
  return new Response(toCsv(figureCsvHeader, figureCsvRows(companyFigures(data))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
