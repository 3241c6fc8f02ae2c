/** GET /api/libraries.json: every library, with the companies that use it. */
import type { APIRoute } from 'astro';
import { apiLibraryListSchema } from '../../api/schemas.ts';
import { jsonResponse } from '../../api/response.ts';
import { getApi } from './_api.ts';

export const GET: APIRoute = async () => jsonResponse(apiLibraryListSchema, (await getApi()).libraries());
