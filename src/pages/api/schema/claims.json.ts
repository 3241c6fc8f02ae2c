/** GET /api/schema/claims.json: the JSON Schema of /api/claims.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { schemaResponse } from './_schema.ts';

export const GET: APIRoute = () => schemaResponse('claims');
