// Builds the site without ever leaving a half-written dist/: Astro builds into a staging folder
// beside the target, and only a build that succeeds (pages, link check and search index) replaces
// the target, by two renames. A failed build leaves the previous dist/ exactly as it was.
// `npm run build` runs this; PAS_OUT_DIR names another target (tests and the benchmark use it).
//
// Two things keep the build's peak memory down (measured with `npm run bench`, bench/README.md):
// - The search index is built here, after Astro has exited, rather than in Astro's build:done
//   hook, where Pagefind's process (about 3 GB at 5,000 companies) ran beside an Astro process
//   still holding everything it had built.
// - Astro runs with two allocator settings that change no output:
//   MIMALLOC_PURGE_DELAY=0: Vite's bundler (rolldown) allocates with mimalloc, which by default
//   keeps freed memory for a while; at 0 it hands it back at once, so the memory of bundling is
//   not still held while the pages are written.
//   MALLOC_MMAP_THRESHOLD_=131072: the social-image workers allocate a 3 MB canvas per card. After
//   the first is freed, glibc raises its mmap threshold above that size, so later canvases come
//   from each thread's heap and fragment it: at 1,000 companies the process grew from 2.5 to 3.7
//   GB while the cards were drawn (5.8 GB once in the bench). A fixed threshold keeps every block
//   over 128 KB in its own mapping, returned to the system when freed: 2.7 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { INDEX_AFTER_BUILD_ENV, PagefindBuildError, buildSearchIndex } from '../src/integrations/pagefind.ts';

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.env.PAS_OUT_DIR ?? 'dist');
const staging = `${target}.staging`;
const previous = `${target}.previous`;

function fail(status: number): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `\nThe build failed, so ${path.relative(root, target) || target}/ was left as it was${existsSync(target) ? ' (the last good build)' : ''}.`,
  );
  process.exit(status);
}

rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { MIMALLOC_PURGE_DELAY: '0', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, PAS_OUT_DIR: staging, [INDEX_AFTER_BUILD_ENV]: '1' },
});
if (result.status !== 0) fail(result.status ?? 1);

try {
  const { pages, ms } = await buildSearchIndex(staging);
  console.log(`Search index: ${pages} pages in ${ms} ms.`);
} catch (error) {
  console.error(error instanceof PagefindBuildError ? error.message : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  fail(1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Published the new build to ${path.relative(root, target) || target}/.`);
