/** The API's files as responses: JSON Schemas, and documents checked against their schema first. */
import { z } from 'astro/zod';
import { apiPaths, apiSchemas, type SchemaName, type UrlOf } from './schemas.ts';

/** The JSON Schema (draft 2020-12) of one endpoint, with its absolute URL as `$id`. */
export function apiJsonSchema(name: SchemaName, urlOf: UrlOf): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(apiSchemas[name], {
    target: 'draft-2020-12',
    io: 'output',
  });
  return { $schema, $id: urlOf(apiPaths.schema(name)), title, description, ...rest };
}

/** A pretty-printed JSON response, ending in a newline. */
export function jsonFile(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/**
 * An API document as a JSON response. The value is checked against its zod schema first, so that the
 * build fails rather than publish a document its own JSON Schema would reject.
 */
export function jsonResponse(schema: z.ZodType, value: unknown): Response {
  const checked = schema.safeParse(value);
  if (!checked.success) {
    throw new Error(`An API document does not match its schema:\n${z.prettifyError(checked.error)}`);
  }
  return jsonFile(checked.data);
}
