/**
 * Astro's cache folder, which astro.config.mjs sets from the same variable: PAS_CACHE_DIR (the
 * tests and the benchmark give each build its own) or node_modules/.astro under the project. Build
 * steps that keep their own caches (the social images) put them in a folder inside it, so that
 * deleting it, or a fresh checkout, starts every cache cold.
 */
import path from 'node:path';

export const DEFAULT_CACHE_DIR = './node_modules/.astro';

export function cacheDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.PAS_CACHE_DIR ?? DEFAULT_CACHE_DIR);
}
