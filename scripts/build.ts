// Builds the site without ever leaving a half-written dist/: Astro builds into a staging folder
// beside the target, and only a build that succeeds (pages, link check and search index) replaces
// the target, by two renames. A failed build leaves the previous dist/ exactly as it was.
// `npm run build` runs this; PAS_OUT_DIR names another target (tests and the benchmark use it).
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.env.PAS_OUT_DIR ?? 'dist');
const staging = `${target}.staging`;
const previous = `${target}.previous`;

rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PAS_OUT_DIR: staging },
});

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `\nThe build failed, so ${path.relative(root, target) || target}/ was left as it was${existsSync(target) ? ' (the last good build)' : ''}.`,
  );
  process.exit(result.status ?? 1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Published the new build to ${path.relative(root, target) || target}/.`);
