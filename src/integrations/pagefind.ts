/**
 * Builds the Pagefind search index from the finished site, at `astro:build:done`, with Pagefind's
 * Node API. Pagefind reports most failures in `errors[]` rather than by rejecting, so each step's
 * errors are turned into a thrown error that fails the build; the service is always closed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

export class PagefindBuildError extends Error {
  override name = 'PagefindBuildError';
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new PagefindBuildError(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

export default function pagefind(): AstroIntegration {
  return {
    name: 'python-at-scale:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex({});
          check('start', errors);
          if (!index) throw new PagefindBuildError('Pagefind returned no index and no error.');
          const added = await index.addDirectory({ path: site });
          check(`index ${site}`, added.errors);
          if (added.page_count === 0) throw new PagefindBuildError(`Pagefind found no HTML pages in ${site}.`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          check('write the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms.`);
        } catch (error) {
          if (error instanceof PagefindBuildError) throw error;
          throw new PagefindBuildError('Pagefind could not build the search index.', { cause: error });
        } finally {
          await close();
        }
      },
    },
  };
}
