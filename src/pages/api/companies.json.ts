/** GET /api/companies.json: every company profile, in brief, with the URL of its full document. */
import type { APIRoute } from 'astro';
import { apiCompanyListSchema } from '../../api/schemas.ts';
import { jsonResponse } from '../../api/response.ts';
import { getApi } from './_api.ts';

export const GET: APIRoute = async () => jsonResponse(apiCompanyListSchema, (await getApi()).companies());
