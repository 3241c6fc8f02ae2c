/**
 * Shared by the API endpoints (the leading underscore keeps Astro from routing it): the catalog,
 * turned into API documents once per build, with URLs absolute on the configured site and base.
 */
import { getCatalog } from '../../data/catalog';
import { apiBuilder, urlBuilder } from '../../lib/api';

export const urlOf = urlBuilder(import.meta.env.SITE, import.meta.env.BASE_URL);

let api: Promise<ReturnType<typeof apiBuilder>> | undefined;

/** Built once per build: each per-company endpoint used to build it again, O(N²) in all. */
export function getApi() {
  api ??= getCatalog().then((catalog) => apiBuilder(catalog, urlOf));
  return api;
}
