/**
 * Reads the YAML frontmatter of every entry in one content folder, straight from the files, for the
 * build steps that run outside Astro's content layer (the redirects astro.config.mjs passes to
 * Astro, the social images drawn beside the build). It only reads: a file whose frontmatter is
 * missing or is not valid YAML is skipped here, and the content layer reports it with the file
 * and line when it loads the collection.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

export interface FrontmatterFile {
  /** The entry's id: its file name without ".mdx", as Astro's glob loader names it. */
  id: string;
  data: Record<string, unknown>;
}

export function readFrontmatterFiles(contentRoot: string, folder: string): FrontmatterFile[] {
  const dir = path.join(contentRoot, folder);
  if (!existsSync(dir)) return [];
  const entries: FrontmatterFile[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (!frontmatter) continue;
    let data: unknown;
    try {
      data = yaml.load(frontmatter);
    } catch {
      continue;
    }
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      entries.push({ id: file.slice(0, -'.mdx'.length), data: data as Record<string, unknown> });
    }
  }
  return entries;
}
