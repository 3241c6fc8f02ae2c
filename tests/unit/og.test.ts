import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, ogCardTree, type OgCardInput, type OgNode } from '../../src/og/card.ts';
import { renderOgPng } from '../../src/og/render.ts';
import { createOgImageStore, drawHere, ogCacheFile, type DrawCard, type OgCard } from '../../src/og/store.ts';
import { createDrawPool } from '../../src/og/pool.ts';
import { palette } from '../../src/og/palette.ts';

const input = (title: string, summary = 'A short summary of the entry.'): OgCardInput => ({ title, summary, collection: 'libraries', site: 'Python at Scale' });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = Buffer.from(bytes);
  expect([...view.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

const texts = (node: OgNode | string): string[] =>
  typeof node === 'string' ? [node] : [node.props.children ?? []].flat().flatMap((child) => texts(child));

describe('ogCardTree', () => {
  it('names the site, the collection and the entry, in the palette of src/styles/tokens.css', () => {
    const tree = ogCardTree({ ...input('Django'), collection: 'companies' });
    expect(texts(tree)).toEqual(['Python at Scale', 'COMPANY PROFILE', 'Django', 'A short summary of the entry.']);
    expect(tree.props.style?.['background']).toBe(palette.background);
    expect(palette.blue).toMatch(/^#[0-9a-f]{6}$/);
    expect(texts(ogCardTree({ ...input('x'), collection: 'site' }))[1]).toBe('KNOWLEDGE BASE');
  });

  it('sets a long title smaller, on up to three lines', () => {
    const short = (ogCardTree(input('Short')).props.children as OgNode[])[2]!.props.style;
    const long = (ogCardTree(input('A much longer title that will need three lines to fit')).props.children as OgNode[])[2]!.props.style;
    expect(short).toMatchObject({ fontSize: 68, lineClamp: 2 });
    expect(long).toMatchObject({ fontSize: 54, lineClamp: 3 });
  });
});

// Drawing a card is CPU-bound (satori, then resvg): on two cores busy with a build it can take
// seconds. These tests check what is drawn, not how fast, so they get room instead of the 5 s default.
const drawing = { timeout: 60_000 };

describe('renderOgPng', drawing, () => {
  it('draws a 1200×630 PNG, the same bytes every time', async () => {
    const [a, b] = await Promise.all([renderOgPng(ogCardTree(input('Cython'))), renderOgPng(ogCardTree(input('Cython')))]);
    expect(pngSize(a)).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('draws different words differently, and text with markup, accents and very long words', async () => {
    const plain = await renderOgPng(ogCardTree(input('Cython')));
    const odd = await renderOgPng(ogCardTree(input('<Ünïcödé> & “quotes” — Łódź', `${'Supercalifragilistic'.repeat(12)} ${'word '.repeat(80)}`)));
    expect(pngSize(odd)).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(Buffer.from(odd).equals(Buffer.from(plain))).toBe(false);
  });
});

describe('createOgImageStore', drawing, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const cards: OgCard[] = ['one', 'two', 'three'].map((id) => ({ key: `libraries/${id}`, input: input(id) }));
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  it('draws each card once, publishes them under og/, serves later builds from the cache, and deletes cards no longer used', async () => {
    const dir = tempDir('pas-og-store-');
    writeFileSync(path.join(dir, `${'0'.repeat(32)}.png`), 'stale');
    const drawnInputs: string[] = [];
    const counting: DrawCard = async (card, target) => {
      drawnInputs.push(card.title);
      await drawHere(card, target);
    };
    const store = createOgImageStore(cards, { dir, draw: counting });
    store.start();
    const site = tempDir('pas-og-site-');
    expect(await store.publish(site)).toEqual({ drawn: 3, cached: 0 });
    expect(drawnInputs.sort()).toEqual(['one', 'three', 'two']);
    expect(readdirSync(path.join(site, 'og', 'libraries')).sort()).toEqual(['one.png', 'three.png', 'two.png']);
    expect(readdirSync(dir).sort()).toEqual(cards.map((card) => path.basename(ogCacheFile(dir, card.input))).sort());
    const one = readFileSync(path.join(site, 'og', 'libraries', 'one.png'));
    expect(Buffer.from(await store.get('libraries/one')).equals(one)).toBe(true);

    const again = createOgImageStore(cards.slice(0, 2), { dir, draw: counting });
    const site2 = tempDir('pas-og-site-');
    expect(await again.publish(site2)).toEqual({ drawn: 0, cached: 2 });
    expect(readFileSync(path.join(site2, 'og', 'libraries', 'one.png')).equals(one)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(drawnInputs).toHaveLength(3);
  });

  it('fails the publishing, naming the card, when a card cannot be drawn', async () => {
    const failing: DrawCard = async (card) => {
      throw new Error(`no ink for ${card.title}`);
    };
    const store = createOgImageStore(cards, { dir: tempDir('pas-og-store-'), draw: failing });
    store.start();
    await expect(store.publish(tempDir('pas-og-site-'))).rejects.toThrow('no ink for one');
  });

  it('draws in worker threads the same bytes as on the main thread', async () => {
    const pool = createDrawPool(2);
    try {
      const dir = tempDir('pas-og-pool-');
      const inWorkers = createOgImageStore(cards, { dir, draw: pool.draw });
      inWorkers.start();
      const site = tempDir('pas-og-site-');
      expect(await inWorkers.publish(site)).toEqual({ drawn: 3, cached: 0 });
      const here = await renderOgPng(ogCardTree(cards[1]!.input));
      expect(readFileSync(path.join(site, 'og', 'libraries', 'two.png')).equals(Buffer.from(here))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('rejects a card it does not know, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pas-og-store-'));
    dirs.push(dir);
    await expect(createOgImageStore(cards, { dir }).get('libraries/nope')).rejects.toThrow('No social image card for "libraries/nope"');
  });

  it('names a card by its words: other words, another file', () => {
    expect(ogCacheFile('/c', input('a'))).not.toBe(ogCacheFile('/c', input('b')));
    expect(ogCacheFile('/c', input('a'))).toBe(ogCacheFile('/c', input('a')));
  });
});
