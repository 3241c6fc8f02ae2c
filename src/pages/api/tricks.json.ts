/** GET /api/tricks.json: every scale trick, with the companies that use it. */
import type { APIRoute } from 'astro';
import { apiTrickListSchema, jsonResponse } from '../../lib/api';
import { getApi } from './_api';

export const GET: APIRoute = async () => jsonResponse(apiTrickListSchema, (await getApi()).tricks());
