/**
 * The site's name and one-line description. Kept apart from src/site.ts (which reads Astro's
 * import.meta.env) so that plain Node scripts, such as the build's social-image step, can use them.
 */
export const SITE_TITLE = 'Python at Scale';
export const SITE_DESCRIPTION =
  'How large companies use Python at scale: cited profiles of eleven companies, from Instagram, Dropbox and Google / YouTube to Uber, Lyft and Bloomberg, with the libraries and scale tricks they share and the popular claims checked.';

/**
 * The license of the site's text and data, stated in the footer and in every JSON document. CC BY
 * fits a cited reference work: anyone may quote, embed and reuse it, with credit and a link back.
 */
export const CONTENT_LICENSE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;
