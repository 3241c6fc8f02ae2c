/**
 * Shared by the Markdown endpoints (the leading underscore keeps Astro from routing it): the
 * catalog's entry pages as Markdown, with URLs absolute on the configured site and base.
 */
import { getCatalog } from '../data/catalog.ts';
import { markdownBuilder } from '../api/markdown.ts';

let markdown: Promise<ReturnType<typeof markdownBuilder>> | undefined;

/** Built once per build and shared by every endpoint. */
export function getMarkdown() {
  markdown ??= getCatalog().then((catalog) => markdownBuilder(catalog, { site: import.meta.env.SITE, base: import.meta.env.BASE_URL }));
  return markdown;
}
