/** GET /api/companies.json: every company profile, in brief, with the URL of its full document. */
import type { APIRoute } from 'astro';
import { apiCompanyListSchema, jsonResponse } from '../../lib/api';
import { getApi } from './_api';

export const GET: APIRoute = async () => jsonResponse(apiCompanyListSchema, (await getApi()).companies());
