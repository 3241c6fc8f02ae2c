/** GET /api/companies/<id>/figures.csv: a profile's figures, one row each, with the source that reports it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type Company } from '../../../../data/catalog.ts';
import { toCsv } from '../../../../lib/csv.ts';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.companies.map((company) => ({ params: { id: company.id }, props: { company } }));
}) satisfies GetStaticPaths;

const header = ['label', 'value', 'unit', 'as_of', 'source_id', 'source_title', 'source_publisher', 'source_url'];

export const GET: APIRoute<{ company: Company }> = ({ props }) => {
  const { figures, sources } = props.company.data;
  const rows = figures.map((figure) => {
    const source = sources.find((s) => s.id === figure.source);
    return [figure.label, figure.value, figure.unit, figure.asOf, figure.source, source?.title, source?.publisher, source?.url];
  });
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
