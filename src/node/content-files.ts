/**
 * Reads entries' YAML frontmatter straight from the content files, for what runs before or outside
 * Astro's content layer (the alias redirects in astro.config.mjs, the source-URL check). It only
 * reads: a file with no frontmatter or invalid YAML is skipped here and reported, with file and
 * line, by the content layer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { normaliseBase, SLUG_PATTERN } from '../lib/urls.ts';

export interface FrontmatterFile {
  /** The entry's id: its file name without ".mdx", as Astro's glob loader names it. */
  id: string;
  file: string;
  data: Record<string, unknown>;
}

export function readFrontmatterFiles(contentRoot: string, folder: string): FrontmatterFile[] {
  const dir = path.join(contentRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1];
      if (!frontmatter) return [];
      let data: unknown;
      try {
        data = yaml.load(frontmatter);
      } catch {
        return [];
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
      return [{ id: name.slice(0, -'.mdx'.length), file, data: data as Record<string, unknown> }];
    });
}

/**
 * The redirects that company aliases ask for, for Astro's own `redirects`. Astro prefixes the base
 * to a redirect's route but not to its destination, so the destination carries it here. Whether an
 * alias is valid and unique is checked with everything else in the catalog.
 */
export function companyAliasRedirects(contentRoot: string, base = '/'): Record<string, string> {
  const prefix = normaliseBase(base);
  const redirects: Record<string, string> = {};
  for (const { id, data } of readFrontmatterFiles(contentRoot, 'companies')) {
    const aliases = Array.isArray(data['aliases']) ? data['aliases'] : [];
    for (const alias of aliases) {
      if (typeof alias === 'string' && SLUG_PATTERN.test(alias)) redirects[`/companies/${alias}`] = `${prefix}/companies/${id}/`;
    }
  }
  return redirects;
}

/** A frontmatter date (YAML reads `2026-11-21` as a Date; a quoted one stays text) as "YYYY-MM-DD". */
function dayOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
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
