/** Site-wide settings and the href builder bound to the configured base path. */
import { hrefBuilder, paths, type SitePath } from './lib/urls.ts';

export { CONTENT_LICENSE, SITE_DESCRIPTION, SITE_TITLE } from './lib/site-meta.ts';

export const href = hrefBuilder(import.meta.env.BASE_URL);

/**
 * The most entries any list on a non-index page shows ("Used by", "Mentioned in", the home page's
 * cards, the comparison matrix's columns). Longer lists end with a link to the search filter that
 * lists them all, so no page but an index grows with the size of the corpus.
 */
export const LIST_LIMIT = 24;
export { paths };
export type { SitePath };

/** The project's repository: "Report an error" links open a new issue there. */
export const REPOSITORY_URL = 'https://github.com/python-at-scale/python-at-scale';
