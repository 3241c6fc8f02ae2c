/** GET /api/claims.json: every checked claim, with its verdict, explanation and sources. */
import type { APIRoute } from 'astro';
import { apiClaimListSchema } from '../../api/schemas.ts';
import { jsonResponse } from '../../api/response.ts';
import { getApi } from './_api.ts';

export const GET: APIRoute = async () => jsonResponse(apiClaimListSchema, (await getApi()).claims());
