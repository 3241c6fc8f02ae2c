// Builds the site without ever leaving a half-written dist/: Astro builds into a staging folder
// beside the target, and only a build that succeeds (pages, link check and search index) replaces
// the target, by two renames. A failed build leaves the previous dist/ exactly as it was.
// `npm run build` runs this; PAS_OUT_DIR names another target (tests and the benchmark use it).
//
// The social images are drawn by an early step (scripts/draw-og-images.ts) that runs beside Astro
// while it bundles, and is stopped when Astro is done.
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
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { cacheDir } from '../src/lib/cache-dir.ts';
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

/**
 * Runs a Node script as a child process and resolves with its exit code. Its output is passed
 * through, or with `quiet` its standard output is kept, to be printed when it suits.
 */
function run(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { quiet = false } = {},
): { child: ChildProcess; done: Promise<number>; output: () => string } {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'inherit'], env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  const done = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { child, done, output: () => output };
}

const allocatorEnv = { MIMALLOC_PURGE_DELAY: '0', MALLOC_MMAP_THRESHOLD_: '131072' };

rmSync(staging, { recursive: true, force: true });

// The social images are drawn beside Astro's bundling, which leaves the second core mostly idle
// (scripts/draw-og-images.ts). At a low priority, so that it only takes what Astro leaves.
const cards = run(path.join(root, 'scripts', 'draw-og-images.ts'), [], { ...allocatorEnv, ...process.env }, { quiet: true });
try {
  if (cards.child.pid) setPriority(cards.child.pid, 10);
} catch {
  // Not allowed here: it then runs at normal priority.
}

const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const status = await run(astro, ['build', ...process.argv.slice(2)], {
  ...allocatorEnv,
  ...process.env,
  PAS_OUT_DIR: staging,
  [INDEX_AFTER_BUILD_ENV]: '1',
}).done;

// Astro has written every card by now; whatever the early step has not finished is not needed.
const stopped = cards.child.exitCode === null && cards.child.signalCode === null;
if (stopped) cards.child.kill();
const cardsStatus = await cards.done;
const cardDir = path.join(cacheDir(root), 'og-images');
const leftover = `.${cards.child.pid}.`;
if (existsSync(cardDir)) {
  for (const name of readdirSync(cardDir)) if (name.endsWith('.partial') && name.includes(leftover)) rmSync(path.join(cardDir, name), { force: true });
}
if (status !== 0) fail(status);
if (stopped) console.log('Social images: the early step was stopped unfinished; the pages drew the rest.');
else if (cardsStatus !== 0) console.log('Social images: the early step failed (its error is above); the pages drew the cards themselves.');
else process.stdout.write(cards.output());

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
