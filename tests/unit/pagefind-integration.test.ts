import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../src/integrations/pagefind';

describe('htmlFiles', () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('lists every HTML file once, sorted by path, leaving out other files and the index itself', async () => {
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
    expect(await htmlFiles(root)).toEqual([
      'companies/alpha/index.html',
      'companies/index.html',
      'companies/zeta/index.html',
      'index.html',
      'libraries/django/index.html',
      'tricks/b/index.html',
    ]);
  });
});
