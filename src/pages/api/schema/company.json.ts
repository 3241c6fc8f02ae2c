/** GET /api/schema/company.json: the JSON Schema of /api/companies/<id>.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { schemaResponse } from './_schema.ts';

export const GET: APIRoute = () => schemaResponse('company');
