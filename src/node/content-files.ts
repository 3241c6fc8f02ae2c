/**
 * Reads entries' YAML frontmatter straight from the content files, for what runs before or outside
 * Astro's content layer (the alias redirects in astro.config.mjs, the source-URL check). It only
 * reads: a file with no frontmatter or invalid YAML is skipped here and reported, with file and
 * line, by the content layer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normaliseBase, SLUG_PATTERN } from '../lib/urls.ts';
import { pageCollections } from '../lib/collections.ts';
import { parseFrontmatter, splitFile } from './content-check/frontmatter.ts';

export interface FrontmatterFile {
  /** The entry's id: its file name without ".mdx", as Astro's glob loader names it. */
  id: string;
  file: string;
  data: Record<string, unknown>;
}

/** Parsed data by file, kept while the text is the same: astro.config.mjs reads each file for redirects and for dates. */
const parsedFiles = new Map<string, { text: string; data: unknown }>();

function frontmatterOf(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const known = parsedFiles.get(file);
  if (known?.text === text) return known.data;
  const { yaml, yamlLine } = splitFile(text);
  const data = yaml ? parseFrontmatter(yaml, yamlLine).data : undefined;
  parsedFiles.set(file, { text, data });
  return data;
}

export function readFrontmatterFiles(contentRoot: string, folder: string): FrontmatterFile[] {
  const dir = path.join(contentRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      const data = frontmatterOf(file);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
      return [{ id: name.slice(0, -'.mdx'.length), file, data: data as Record<string, unknown> }];
    });
}

/**
 * The redirects that entries' `aliases` ask for (a company's other names, any entry's old ids), for
 * Astro's own `redirects`. Astro prefixes the base to a redirect's route but not to its destination,
 * so the destination carries it here. Whether an alias is valid and unique is checked with everything
 * else in the catalog.
 */
export function aliasRedirects(contentRoot: string, base = '/'): Record<string, string> {
  const prefix = normaliseBase(base);
  const redirects: Record<string, string> = {};
  for (const collection of pageCollections) {
    for (const { id, data } of readFrontmatterFiles(contentRoot, collection)) {
      const aliases = Array.isArray(data['aliases']) ? data['aliases'] : [];
      for (const alias of aliases) {
        if (typeof alias === 'string' && SLUG_PATTERN.test(alias)) redirects[`/${collection}/${alias}`] = `${prefix}/${collection}/${id}/`;
      }
    }
  }
  return redirects;
}

/** A frontmatter day as "YYYY-MM-DD" (the core schema keeps `2026-11-21` as text, quoted or not). */
function dayOf(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return undefined;
}

/**
 * When each page's content last changed, for the sitemap's `lastmod`: a profile's, library's or
 * trick's `reviewed` day, an article's `updated` (else `published`) day, and for an area page the
 * newest `reviewed` day of the profiles it lists. Keys are site paths without the base.
 */
export function lastModifiedDays(contentRoot: string): Map<string, string> {
  const days = new Map<string, string>();
  const areaDays = new Map<string, string>();
  for (const { id, data } of readFrontmatterFiles(contentRoot, 'companies')) {
    const day = dayOf(data['reviewed']);
    if (!day) continue;
    days.set(`/companies/${id}/`, day);
    const role = data['role'] as { areas?: unknown } | undefined;
    for (const area of Array.isArray(role?.areas) ? role.areas : []) {
      const path = `/areas/${String(area)}/`;
      if ((areaDays.get(path) ?? '') < day) areaDays.set(path, day);
    }
  }
  for (const collection of ['libraries', 'tricks'] as const) {
    for (const { id, data } of readFrontmatterFiles(contentRoot, collection)) {
      const day = dayOf(data['reviewed']);
      if (day) days.set(`/${collection}/${id}/`, day);
    }
  }
  for (const { id, data } of readFrontmatterFiles(contentRoot, 'posts')) {
    const day = dayOf(data['updated']) ?? dayOf(data['published']);
    if (day) days.set(`/posts/${id}/`, day);
  }
  for (const [path, day] of areaDays) days.set(path, day);
  return days;
}
