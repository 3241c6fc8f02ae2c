/**
 * A failed build never destroys the last good site: `astro build` writes into `<outDir>.staging/`,
 * and only when every other integration's build:done step has passed (link check, headers, search
 * index) does the staging folder replace the output folder. List this integration last.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export default function atomicOutput(): AstroIntegration {
  let target: string | undefined;
  let staging: string | undefined;
  let published = false;
  return {
    name: 'python-at-scale:atomic-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/\/+$/, '');
        staging = `${target}.staging`;
        await rm(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        // Astro has no hook for a failed build: clear what it half wrote, and say what was kept.
        process.once('exit', (code) => {
          if (published || code === 0 || !target || !staging) return;
          rmSync(staging, { recursive: true, force: true });
          const kept = existsSync(target) ? ' (the last good build)' : '';
          console.error(`\nThe build failed, so ${path.relative(process.cwd(), target) || target}/ was left as it was${kept}.`);
        });
      },
      'astro:build:done': async ({ logger }) => {
        if (!target || !staging) return;
        const previous = `${target}.previous`;
        await rm(previous, { recursive: true, force: true });
        if (existsSync(target)) await rename(target, previous);
        await rename(staging, target);
        await rm(previous, { recursive: true, force: true });
        published = true;
        logger.info(`Published the new build to ${target}/.`);
      },
    },
  };
}
