/**
 * Checks the social preview images in dist/og/: one 1200×630 PNG for every entry in content/ (and
 * the site's own card), nothing else, and every og:image on a built page pointing at one of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentEntries, dist, htmlPages, readPage } from '../helpers/dist';
import { root } from '../helpers/build';
import { fixtureSites } from '../helpers/build-sites';
import { ogCardsFromContent } from '../../src/lib/og-cards';
import { ogCacheFile, ogImageSvg } from '../../src/lib/og-image';

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

describe('social images drawn ahead of the pages (scripts/draw-og-images.ts)', () => {
  const cacheFiles = (dir: string) =>
    ogCardsFromContent(path.join(root, 'content'))
      .map((card) => path.basename(ogCacheFile(dir, ogImageSvg(card.input))))
      .sort();

  it('draws every card into the cache, and a second run finds them all there', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'pas-og-early-'));
    try {
      const run = () =>
        execFileSync(process.execPath, [path.join(root, 'scripts', 'draw-og-images.ts')], {
          cwd: root,
          env: { ...process.env, PAS_CACHE_DIR: cache, PAS_CONTENT_DIR: 'content' },
          encoding: 'utf8',
        });
      const cards = expected.length + 1;
      expect(run()).toMatch(new RegExp(`drawn ahead of the pages: ${cards} of ${cards} cards in [\\d.]+ s \\(0 were already in the cache\\)`));
      expect(readdirSync(path.join(cache, 'og-images')).sort()).toEqual(cacheFiles(path.join(cache, 'og-images')));
      expect(run()).toMatch(new RegExp(`drawn ahead of the pages: 0 of ${cards} cards .*\\(${cards} were already in the cache\\)`));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('names exactly the cards a full build kept: the pages looked for what it drew', () => {
    // A build prunes the cache to the cards its pages used, so a card the early step named
    // differently (other words, say) would be missing here, or left over.
    const dir = path.join(root, `${fixtureSites.again.outDir}-cache`, 'og-images');
    expect(readdirSync(dir).sort()).toEqual(cacheFiles(dir));
  });
});
