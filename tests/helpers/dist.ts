/** Reading the built site: its HTML pages, parsed, and the content they came from. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import yaml from 'js-yaml';
import { root } from './build';

export const dist = path.join(root, 'dist');

/** Every HTML file under a built site, as site paths ("/companies/dropbox/"), Pagefind's own excluded. */
export function htmlPages(siteDir = dist): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind') walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = `/${path.relative(siteDir, full).split(path.sep).join('/')}`;
        pages.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(siteDir);
  return pages.sort();
}

export function readPage(sitePath: string, siteDir = dist): HTMLElement {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return parse(readFileSync(path.join(siteDir, file), 'utf8'));
}

/** The hrefs of every link on a page. */
export function linksOf(page: HTMLElement, selector = 'a[href]'): string[] {
  return page.querySelectorAll(selector).map((a) => a.getAttribute('href')!);
}

export interface ContentEntry {
  id: string;
  data: Record<string, unknown>;
}

/** The frontmatter of every entry in one collection of a content root. */
export function contentEntries(collection: string, contentDir = path.join(root, 'content')): ContentEntry[] {
  const dir = path.join(contentDir, collection);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      return { id: name.slice(0, -'.mdx'.length), data: yaml.load(frontmatter) as Record<string, unknown> };
    });
}
