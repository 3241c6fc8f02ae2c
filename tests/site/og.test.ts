/**
 * Checks the social preview images in dist/og/: one 1200×630 PNG for every entry in content/ (and
 * the site's own card), nothing else, and every og:image on a built page pointing at one of them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentEntries, dist, htmlPages, readPage } from '../helpers/dist.ts';
import { root } from '../helpers/build.ts';
import { fixtureSites } from '../helpers/build-sites.ts';

const kinds = ['companies', 'libraries', 'tricks', 'posts'] as const;

/** Collections with content: posts are checked once content/posts has entries. */
const expected = kinds.flatMap((kind) => {
  const folder = path.join(root, 'content', kind);
  if (!existsSync(folder)) return [];
  return contentEntries(kind).map((entry) => `${kind}/${entry.id}.png`);
});

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)], `${file} is a PNG`).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16), `${file} starts with IHDR`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function builtImages(dir = path.join(dist, 'og')): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(dist, 'og'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('social preview images', () => {
  it('covers every company, library and trick, and the articles', () => {
    for (const kind of ['companies', 'libraries', 'tricks'] as const) {
      expect(expected.filter((file) => file.startsWith(`${kind}/`)).length, kind).toBeGreaterThan(0);
    }
  });

  it.each(expected)('og/%s is a 1200×630 PNG', (file) => {
    const full = path.join(dist, 'og', file);
    expect(existsSync(full), `dist/og/${file}`).toBe(true);
    expect(pngSize(full)).toEqual({ width: 1200, height: 630 });
  });

  it('has the site card, for pages that are not entries, and no image for anything else', () => {
    expect(pngSize(path.join(dist, 'og', 'site.png'))).toEqual({ width: 1200, height: 630 });
    expect(builtImages()).toEqual(['site.png', ...expected].sort());
  });

  it('draws different cards for different entries', () => {
    const digests = new Set(expected.map((file) => readFileSync(path.join(dist, 'og', file)).toString('base64')));
    expect(digests.size).toBe(expected.length);
  });

  it('points every og:image on a built page at a built image', () => {
    const broken: string[] = [];
    for (const page of htmlPages()) {
      const image = readPage(page).querySelector('meta[property="og:image"]')?.getAttribute('content');
      if (!image) continue;
      const file = path.join(dist, decodeURIComponent(new URL(image).pathname));
      if (!existsSync(file)) broken.push(`${page} → ${image}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('the social-image cache', () => {
  it('holds exactly one file per card after a build, written whole', () => {
    const dir = path.join(root, `${fixtureSites.again.outDir}-cache`, 'og-images');
    const files = readdirSync(dir);
    expect(files.filter((name) => !/^[0-9a-f]{32}\.png$/.test(name))).toEqual([]);
    expect(files.length).toBe(expected.length + 1);
  });
});
