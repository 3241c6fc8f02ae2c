/** Site-wide settings and the href builder bound to the configured base path. */
import { hrefBuilder, paths, type SitePath } from './lib/urls';

export const SITE_TITLE = 'Python at Scale';
export const SITE_DESCRIPTION =
  'How large companies use Python at scale: cited profiles of Instagram, Netflix, Google / YouTube, Spotify and Dropbox, with the libraries and scale tricks they share.';

export const href = hrefBuilder(import.meta.env.BASE_URL);
export { paths };
export type { SitePath };
