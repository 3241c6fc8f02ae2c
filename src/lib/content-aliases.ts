/**
 * The redirects that company aliases ask for, read straight from the content files so that
 * astro.config.mjs can hand them to Astro's own `redirects` (which writes the redirect pages with a
 * canonical link and keeps them out of the sitemap). Whether an alias is valid, unique and not an
 * id is checked with everything else in the catalog; this only reads.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/**
 * @param base the site's base path: Astro prefixes it to the redirect's own route, but not to its
 *   destination, so the destination carries it here.
 */
export function companyAliasRedirects(contentRoot: string, base = '/'): Record<string, string> {
  const prefix = base.replace(/\/+$/, '');
  const dir = path.join(contentRoot, 'companies');
  if (!existsSync(dir)) return {};
  const redirects: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (!frontmatter) continue;
    let data: unknown;
    try {
      data = yaml.load(frontmatter);
    } catch {
      continue; // The content layer reports bad YAML with the file and line.
    }
    const aliases = (data as { aliases?: unknown } | null)?.aliases;
    if (!Array.isArray(aliases)) continue;
    const id = file.slice(0, -'.mdx'.length);
    for (const alias of aliases) {
      if (typeof alias === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(alias)) redirects[`/companies/${alias}`] = `${prefix}/companies/${id}/`;
    }
  }
  return redirects;
}
