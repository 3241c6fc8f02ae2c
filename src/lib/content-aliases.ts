/**
 * The redirects that company aliases ask for, read straight from the content files so that
 * astro.config.mjs can hand them to Astro's own `redirects` (which writes the redirect pages with a
 * canonical link and keeps them out of the sitemap). Whether an alias is valid, unique and not an
 * id is checked with everything else in the catalog; this only reads.
 */
import { readFrontmatterFiles } from './frontmatter-files.ts';

/**
 * @param base the site's base path: Astro prefixes it to the redirect's own route, but not to its
 *   destination, so the destination carries it here.
 */
export function companyAliasRedirects(contentRoot: string, base = '/'): Record<string, string> {
  const prefix = base.replace(/\/+$/, '');
  const redirects: Record<string, string> = {};
  for (const { id, data } of readFrontmatterFiles(contentRoot, 'companies')) {
    const aliases = data.aliases;
    if (!Array.isArray(aliases)) continue;
    for (const alias of aliases) {
      if (typeof alias === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(alias)) redirects[`/companies/${alias}`] = `${prefix}/companies/${id}/`;
    }
  }
  return redirects;
}
