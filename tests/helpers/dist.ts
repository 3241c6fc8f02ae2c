/** Reading the built site: its HTML pages, parsed, and the content they came from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { builtFiles } from '../../src/node/built-site.ts';
import { readFrontmatterFiles, type FrontmatterFile } from '../../src/node/content-files.ts';
import { root } from './build.ts';

export const dist = path.join(root, 'dist');

/** Every HTML page of a built site, as site paths ("/companies/dropbox/"), Pagefind's own excluded. */
export function htmlPages(siteDir = dist): string[] {
  return builtFiles(siteDir)
    .filter((file) => file.html && !file.relative.startsWith('pagefind/'))
    .map((file) => file.sitePath)
    .sort();
}

/** A page's HTML as written, comments and all (the parser drops them). */
export function readPageSource(sitePath: string, siteDir = dist): string {
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return readFileSync(path.join(siteDir, file), 'utf8');
}

export function readPage(sitePath: string, siteDir = dist): HTMLElement {
  return parse(readPageSource(sitePath, siteDir));
}

/** The hrefs of every link on a page. */
export function linksOf(page: HTMLElement, selector = 'a[href]'): string[] {
  return page.querySelectorAll(selector).map((a) => a.getAttribute('href')!);
}

/** The frontmatter of every entry in one collection of a content root. */
export function contentEntries(collection: string, contentDir = path.join(root, 'content')): FrontmatterFile[] {
  return readFrontmatterFiles(contentDir, collection);
}
