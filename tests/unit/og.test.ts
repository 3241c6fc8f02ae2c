import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, ogCardTree, type OgCardInput, type OgNode } from '../../src/og/card.ts';
import { renderOgPng } from '../../src/og/render.ts';
import { createOgImageStore, ogCacheFile, type OgCard } from '../../src/og/store.ts';
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

  it('draws each card once, serves later builds from the cache, and deletes cards no longer used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pas-og-store-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, `${'0'.repeat(32)}.png`), 'stale');
    const first: { drawn: number; cached: number }[] = [];
    const store = createOgImageStore(cards, { dir, onComplete: (counts) => first.push(counts) });
    const images = [];
    for (const card of cards) images.push(await store.get(card.key));
    expect(first).toEqual([{ drawn: 3, cached: 0 }]);
    expect(readdirSync(dir).sort()).toEqual(cards.map((card) => path.basename(ogCacheFile(dir, card.input))).sort());

    const second: { drawn: number; cached: number }[] = [];
    const again = createOgImageStore(cards.slice(0, 2), { dir, onComplete: (counts) => second.push(counts) });
    for (const [i, card] of cards.slice(0, 2).entries()) expect(Buffer.from(await again.get(card.key)).equals(Buffer.from(images[i]!))).toBe(true);
    expect(second).toEqual([{ drawn: 0, cached: 2 }]);
    expect(readdirSync(dir)).toHaveLength(2);
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
