/**
 * Builds the Pagefind search index from the finished site, at `astro:build:done`, with Pagefind's
 * Node API. Pagefind reports most failures in `errors[]` rather than by rejecting, so each step's
 * errors are turned into a thrown error that fails the build; the service is always closed.
 *
 * Pages are added in path order, and only those with `data-pagefind-body`: a search with filters
 * but no words then lists them A–Z without a sort table in the index, and every build writes the
 * same index. Embeds, redirects and index pages are not read at all.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { builtFiles } from '../node/built-site.ts';

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
    for (const { relative: file } of builtFiles(site).filter((f) => f.html && !f.relative.startsWith('pagefind/'))) {
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

export default function pagefind(): AstroIntegration {
  return {
    name: 'python-at-scale:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, ms } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`Indexed ${pages} pages in ${ms} ms.`);
      },
    },
  };
}
