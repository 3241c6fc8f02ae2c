/** Walks a built site: the one reader of dist/ for the link check, the search index, the ledger, the tests and the bench. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface BuiltFile {
  /** The file's path under the site's folder, with forward slashes: "companies/x/index.html". */
  relative: string;
  /** Where a reader finds it, without the base: "/companies/x/" for a page, "/og/site.png" for a file. */
  sitePath: string;
  html: boolean;
}

/** Every file of the site in `dir`, sorted by path, so that every walk sees the same order. */
export function builtFiles(dir: string): BuiltFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      const html = relative.endsWith('.html');
      const sitePath = `/${relative}`.replace(/(^|\/)index\.html$/, '$1');
      return { relative, sitePath, html };
    })
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
