/** GET /api/schema/libraries.json: the JSON Schema of /api/libraries.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { schemaResponse } from './_schema.ts';

export const GET: APIRoute = () => schemaResponse('libraries');
