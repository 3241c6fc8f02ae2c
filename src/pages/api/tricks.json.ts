/** GET /api/tricks.json: every scale trick, with the companies that use it. */
import type { APIRoute } from 'astro';
import { apiTrickListSchema } from '../../api/schemas.ts';
import { jsonResponse } from '../../api/response.ts';
import { getApi } from './_api.ts';

export const GET: APIRoute = async () => jsonResponse(apiTrickListSchema, (await getApi()).tricks());
