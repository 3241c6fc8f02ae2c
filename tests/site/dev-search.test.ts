/**
 * `npm run dev` has no search index: the header search says so where the suggestions would be, and
 * the built site carries no trace of that note.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { root } from '../helpers/build.ts';
import { readPage } from '../helpers/dist.ts';

let server: ChildProcess | undefined;
let url = '';
let browser: Browser;

/** Starts `astro dev` on a free port and resolves with its address once it listens. */
function astroDev(): Promise<string> {
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // Vitest's own variables (VITEST, TEST, …) would make Astro's Vite run in test mode.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)));
  Object.assign(env, { NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1' });
  server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      const address = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) resolve(address[1]!);
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.on('close', (code) => reject(new Error(`astro dev stopped with code ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  [url, browser] = await Promise.all([astroDev(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('the header search in astro dev', () => {
  it('says visibly that search needs a build', async () => {
    const page = await browser.newPage();
    // The dev server compiles the page on this first request, which takes a while on a busy machine.
    const response = await page.goto(`${url}/libraries/django/`, { timeout: 90_000 });
    expect(response?.status()).toBe(200);
    const note = page.locator('header [data-combobox="dev-note"]');
    expect(await note.isHidden()).toBe(true);
    await page.locator('header input[name="q"]').focus();
    await note.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await note.textContent()).toBe('Search needs a build: run `npm run build && npm run preview`.');
    await page.locator('main h1').click();
    expect(await note.isHidden()).toBe(true);
    await page.close();
  }, 150_000);

  it('is left out of the built site', () => {
    expect(readPage('/').querySelector('[data-combobox="dev-note"]')).toBeNull();
    expect(readPage('/search/').querySelector('[data-combobox="dev-note"]')).toBeNull();
  });
});
