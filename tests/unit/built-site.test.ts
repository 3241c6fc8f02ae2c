import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles } from '../../src/node/built-site.ts';

describe('builtFiles', () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('lists every file once, sorted by path, with pages at their reader-facing paths', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pas-html-files-'));
    const files = [
      'tricks/b/index.html',
      'companies/zeta/index.html',
      'companies/alpha/index.html',
      'index.html',
      'companies/index.html',
      'libraries/django/index.html',
      'pagefind/ui/index.html',
      'og/companies/alpha.png',
      'api/companies.json',
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), '<html></html>');
    }
    const walked = builtFiles(root);
    expect(walked.map((f) => f.relative)).toEqual([...files].sort());
    expect(walked.filter((f) => f.html).map((f) => f.sitePath)).toEqual([
      '/companies/alpha/',
      '/companies/',
      '/companies/zeta/',
      '/',
      '/libraries/django/',
      '/pagefind/ui/',
      '/tricks/b/',
    ]);
    expect(walked.find((f) => f.relative === 'og/companies/alpha.png')).toEqual({ relative: 'og/companies/alpha.png', sitePath: '/og/companies/alpha.png', html: false });
  });
});
