/** GET /api/schema/tricks.json: the JSON Schema of /api/tricks.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { schemaResponse } from './_schema.ts';

export const GET: APIRoute = () => schemaResponse('tricks');
