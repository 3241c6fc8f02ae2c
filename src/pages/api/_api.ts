/**
 * Shared by the API endpoints (the leading underscore keeps Astro from routing it): the catalog,
 * turned into API documents once per build, with URLs absolute on the configured site and base.
 */
import { getCatalog } from '../../data/catalog.ts';
import { apiBuilder } from '../../api/documents.ts';
import { urlBuilder } from '../../api/schemas.ts';

export const urlOf = urlBuilder(import.meta.env.SITE, import.meta.env.BASE_URL);

let api: Promise<ReturnType<typeof apiBuilder>> | undefined;

/** Built once per build and shared by every endpoint. */
export function getApi() {
  api ??= getCatalog().then((catalog) => apiBuilder(catalog, urlOf));
  return api;
}
