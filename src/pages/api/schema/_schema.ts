/** Shared by the schema endpoints: one endpoint's JSON Schema as a pretty-printed JSON response. */
import { apiJsonSchema, jsonFile } from '../../../api/response.ts';
import type { SchemaName } from '../../../api/schemas.ts';
import { urlOf } from '../_api.ts';

export function schemaResponse(name: SchemaName): Response {
  return jsonFile(apiJsonSchema(name, urlOf));
}
