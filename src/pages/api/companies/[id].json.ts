/** GET /api/companies/<id>.json: one company profile in full. Aliases get no document of their own. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { apiCompanySchema } from '../../../api/schemas.ts';
import { jsonResponse } from '../../../api/response.ts';
import { getApi } from '../_api.ts';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.companies.map((company) => ({ params: { id: company.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonResponse(apiCompanySchema, (await getApi()).company(params.id!));
