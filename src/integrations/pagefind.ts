/**
 * Builds the Pagefind search index from the finished site, at `astro:build:done`, with Pagefind's
 * Node API. Pagefind reports most failures in `errors[]` rather than by rejecting, so each step's
 * errors are turned into a thrown error that fails the build; the service is always closed.
 *
 * Pages are added one at a time, sorted by path, and only those with a `data-pagefind-body`
 * (Pagefind would skip the others anyway). Pagefind keeps pages in the order they were added, and
 * a search with filters but no words lists them in that order, so the order is ours: by kind, then
 * A–Z by address, which for our slugs is A–Z by name. That replaces a `title` sort, whose table in
 * the index metadata every first search downloads (about 13 KB at 5,000 companies), and makes the
 * index the same from build to build (a directory walk added pages in whatever order the file
 * system gave). Embeds, redirects and index pages are not read by Pagefind at all.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** Every .html file under `root`, as sorted forward-slash paths relative to it. */
export async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export class PagefindBuildError extends Error {
  override name = 'PagefindBuildError';
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new PagefindBuildError(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/**
 * Indexes the built site at `site` and writes the index to `site/pagefind/`. Throws a
 * PagefindBuildError naming the step that failed; Pagefind's service is always closed.
 */
export async function buildSearchIndex(site: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await createIndex({});
    check('start', errors);
    if (!index) throw new PagefindBuildError('Pagefind returned no index and no error.');
    let pages = 0;
    for (const file of await htmlFiles(site)) {
      const content = await readFile(path.join(site, file), 'utf8');
      if (!content.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({ sourcePath: file, content });
      check(`index ${file}`, added.errors);
      pages++;
    }
    if (pages === 0) throw new PagefindBuildError(`Pagefind found no pages with data-pagefind-body in ${site}.`);
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    check('write the index', written.errors);
    return { pages, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof PagefindBuildError) throw error;
    throw new PagefindBuildError('Pagefind could not build the search index.', { cause: error });
  } finally {
    await close();
  }
}

/**
 * Set by scripts/build.ts (`npm run build`), which indexes the site itself once Astro has exited:
 * the index then never shares a peak with Astro's own memory. A plain `astro build` indexes here.
 */
export const INDEX_AFTER_BUILD_ENV = 'PAS_INDEX_AFTER_BUILD';

export default function pagefind(): AstroIntegration {
  return {
    name: 'python-at-scale:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD_ENV] === '1') {
          logger.info('The search index is built after Astro exits (scripts/build.ts).');
          return;
        }
        const { pages, ms } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Indexed ${pages} pages in ${ms} ms.`);
      },
    },
  };
}
