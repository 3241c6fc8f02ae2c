/** Shared by the schema endpoints: one endpoint's JSON Schema as a pretty-printed JSON response. */
import { apiJsonSchema, jsonFile, type SchemaName } from '../../../lib/api';
import { urlOf } from '../_api';

export function schemaResponse(name: SchemaName): Response {
  return jsonFile(apiJsonSchema(name, urlOf));
}
