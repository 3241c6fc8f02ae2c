/** GET /api/libraries.json: every library, with the companies that use it. */
import type { APIRoute } from 'astro';
import { apiLibraryListSchema, jsonResponse } from '../../lib/api';
import { getApi } from './_api';

export const GET: APIRoute = async () => jsonResponse(apiLibraryListSchema, (await getApi()).libraries());
