/** Runs `astro build`, exactly as a host would, for the real site or a fixture content root, and reports what it printed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
  code: number | null;
  output: string;
}

export interface BuildOptions {
  /** Content root, relative to the project (default: the real content/). */
  content?: string;
  /** Output folder, relative to the project (default: dist/). */
  outDir?: string;
  /** The base path to build for (default: "/"). */
  base?: string;
  /** The published-link ledger to hold the build to (default: ledger/published.json for content/, none otherwise). */
  ledger?: string;
}

export function astroBuild({ content, outDir, base, ledger }: BuildOptions = {}): Promise<BuildResult> {
  // Vitest sets NODE_ENV=test, which would make the build a development build (import.meta.env.DEV).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
  if (content) env.PAS_CONTENT_DIR = content;
  if (base) env.PAS_BASE = base;
  if (ledger) env.PAS_LEDGER = ledger;
  if (outDir) {
    env.PAS_OUT_DIR = outDir;
    env.PAS_CACHE_DIR = `${outDir}-cache`;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Builds and throws with the build's own output when it fails. */
export async function astroBuildOrThrow(options: BuildOptions = {}): Promise<void> {
  const result = await astroBuild(options);
  if (result.code !== 0) {
    throw new Error(`The build (${options.content ?? 'content'} → ${options.outDir ?? 'dist'}) failed with code ${result.code}:\n${result.output}`);
  }
}
