import { crc32, inflateSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OG_HEIGHT,
  OG_WIDTH,
  createOgImageStore,
  createOgRenderPool,
  escapeXml,
  measure,
  ogCacheFile,
  ogImageSvg,
  renderOgImage,
  wrapText,
  type OgImageInput,
} from '../../src/lib/og-image';
import { ogCards, ogCardsFromContent } from '../../src/lib/og-cards';

const instagram: OgImageInput = {
  kind: 'companies',
  title: 'Instagram',
  summary: 'Runs one of the largest Django deployments in the world, with Python on the web tier and C++ on the hot paths.',
  site: 'Python at Scale',
};

interface Png {
  width: number;
  height: number;
  chunks: string[];
  /** The RGBA value of one pixel. */
  pixel: (x: number, y: number) => [number, number, number, number];
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what resvg writes), checking every chunk's CRC. */
function readPng(bytes: Uint8Array): Png {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...buffer.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let at = 8;
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    expect(buffer.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(buffer.subarray(at + 4, at + 8 + length)));
    if (type === 'IDAT') idat.push(buffer.subarray(at + 8, at + 8 + length));
    chunks.push(type);
    at += 12 + length;
  }
  expect(chunks[0]).toBe('IHDR');
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  expect([...buffer.subarray(24, 29)], 'bit depth 8, RGBA, no interlace').toEqual([8, 6, 0, 0, 0]);

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, filter === 4 ? paeth() : 0][filter];
      if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter} on row ${y}`);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    chunks,
    pixel: (x, y) => {
      const i = y * stride + x * 4;
      return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
    },
  };
}

describe('renderOgImage', () => {
  it('draws a 1200×630 PNG', async () => {
    const png = readPng(await renderOgImage(instagram));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
    expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('draws the text with the bundled font, on a light background', async () => {
    const png = readPng(await renderOgImage(instagram));
    expect(png.pixel(600, 560)).toEqual([0xf7, 0xf9, 0xfc, 255]);
    // The title's band: if no font loaded, resvg draws no text and the band stays background.
    let dark = 0;
    for (let y = 226; y < 300; y += 2) {
      for (let x = 80; x < 500; x += 2) {
        const [r, g, b] = png.pixel(x, y);
        if (r + g + b < 200) dark += 1;
      }
    }
    expect(dark).toBeGreaterThan(500);
  });

  /** The rightmost column with dark ink between two rows. */
  function inkRight(png: Png, top: number, bottom: number): number {
    let right = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b] = png.pixel(x, y);
        if (r + g + b < 400) right = Math.max(right, x);
      }
    }
    return right;
  }

  it('draws text about as wide as the wrapping measures it', async () => {
    for (const title of ['Instagram', 'Google / YouTube', 'WWWWWW mmmm']) {
      const right = inkRight(readPng(await renderOgImage({ ...instagram, title })), 226, 310);
      const measured = 80 + measure(title, 68, 700);
      expect(right, title).toBeGreaterThan(measured - 20);
      expect(right, title).toBeLessThan(measured + 10);
    }
  });

  it('keeps wrapped lines inside the right margin, even with text that kerns wider', async () => {
    const worst = { ...instagram, title: 'WWW WWWW WW WWWWW WWW WWWW WWWW WWW', summary: 'WWWW mmmm WWW '.repeat(20) };
    expect(inkRight(readPng(await renderOgImage(worst)), 140, 600)).toBeLessThanOrEqual(1200 - 80);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const first = await renderOgImage(instagram);
    const second = await renderOgImage({ ...instagram });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const other = await renderOgImage({ ...instagram, title: 'Netflix' });
    expect(Buffer.from(first).equals(Buffer.from(other))).toBe(false);
  });

  it('renders titles with markup characters and very long text without throwing', async () => {
    const hostile: OgImageInput = {
      kind: 'posts',
      title: `<script>alert("x")</script> & 'quotes' ${'Supercalifragilistic '.repeat(30)}${'x'.repeat(300)}`,
      summary: `]]> <!-- \u0000\u0007 ${'word '.repeat(500)}`,
      site: 'Python <at> Scale',
    };
    const png = readPng(await renderOgImage(hostile));
    expect([png.width, png.height]).toEqual([1200, 630]);
    const empty = readPng(await renderOgImage({ kind: 'tricks', title: '', summary: '', site: '' }));
    expect(empty.width).toBe(1200);
  });

  it('can draw every kind', async () => {
    for (const kind of ['companies', 'libraries', 'tricks', 'posts', 'site'] as const) {
      expect(readPng(await renderOgImage({ ...instagram, kind })).height).toBe(630);
    }
  });
});

describe('createOgRenderPool', () => {
  it('draws on worker threads the same bytes as the main thread, for many cards at once', async () => {
    const pool = createOgRenderPool({ threads: 2 });
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => ({ ...instagram, title: `Company ${i}` }));
      // More cards than GC_EVERY per worker, so the workers collect garbage between cards too.
      const fromWorkers = await Promise.all(inputs.map((input) => pool.render(input)));
      for (const [i, input] of [[0, inputs[0]!], [19, inputs[19]!]] as const) {
        expect(Buffer.from(fromWorkers[i]!).equals(Buffer.from(await renderOgImage(input)))).toBe(true);
      }
      expect(new Set(fromWorkers.map((png) => Buffer.from(png).toString('base64'))).size).toBe(20);
      expect(readPng(fromWorkers[5]!).width).toBe(1200);
    } finally {
      await pool.close();
    }
  });

  it("frees each card's memory while more cards are queued for the worker", async () => {
    // With cards always waiting, a worker that drew them back to back never ran the finalizers
    // that free resvg's memory: the process grew by about 3 MB a card. 150 cards would add 450 MB.
    const pool = createOgRenderPool({ threads: 1 });
    try {
      const rss = () => process.memoryUsage().rss;
      const inputs = Array.from({ length: 150 }, (_, i) => ({ ...instagram, title: `Company ${i}` }));
      await Promise.all(inputs.slice(0, 30).map((input) => pool.render(input)));
      const before = rss();
      await Promise.all(inputs.slice(30).map((input) => pool.render(input)));
      expect((rss() - before) / 2 ** 20).toBeLessThan(150);
    } finally {
      await pool.close();
    }
  });

  it('rejects the card being drawn when the pool is closed, and can be closed twice', async () => {
    const pool = createOgRenderPool({ threads: 1 });
    const rejected = expect(pool.render(instagram)).rejects.toThrow(/closed/);
    await pool.close();
    await rejected;
    await pool.close();
  });
});

describe('ogImageSvg', () => {
  it('escapes <, & and > (and quotes) in every text', () => {
    const svg = ogImageSvg({ ...instagram, title: 'A <b>b</b> & "q"', summary: 'x < y && y > z', site: 'P&S' });
    expect(svg).toContain('>A &lt;b&gt;b&lt;/b&gt; &amp; &quot;q&quot;</text>');
    expect(svg).toContain('x &lt; y &amp;&amp; y &gt; z');
    expect(svg).toContain('P&amp;S');
    expect(svg).not.toContain('<b>');
    // Every element is ours: the only tags are svg, rect and text.
    expect(new Set([...svg.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]))).toEqual(new Set(['svg', 'rect', 'text']));
  });

  it('names the kind and the site', () => {
    const svg = ogImageSvg({ ...instagram, kind: 'tricks' });
    expect(svg).toContain('>SCALE TRICK</text>');
    expect(svg).toContain('>Python at Scale</text>');
    expect(ogImageSvg(instagram)).toContain('>COMPANY PROFILE</text>');
    expect(ogImageSvg({ ...instagram, kind: 'posts' })).toContain('>ARTICLE</text>');
    expect(ogImageSvg({ ...instagram, kind: 'libraries' })).toContain('>LIBRARY</text>');
  });

  it('cuts a long summary to three lines ending in an ellipsis', () => {
    const svg = ogImageSvg({ ...instagram, summary: 'Python at scale, '.repeat(40) });
    const summaryLines = [...svg.matchAll(/font-weight="400" fill="[^"]+">([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(summaryLines).toHaveLength(3);
    expect(summaryLines[2]).toMatch(/…$/);
  });

  it('keeps a long title within three lines', () => {
    const svg = ogImageSvg({ ...instagram, title: 'A very long headline about Python '.repeat(10) });
    const titleLines = [...svg.matchAll(/font-weight="700" fill="#14202e">([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(titleLines).toHaveLength(3);
    expect(titleLines[2]).toMatch(/…$/);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u001fd\ttab')).toBe('abcd\ttab');
  });
});

describe('wrapText', () => {
  const chars = (s: string) => s.length;

  it('wraps greedily at word boundaries', () => {
    expect(wrapText('aaa bbb ccc ddd', 7, 5, chars)).toEqual({ lines: ['aaa bbb', 'ccc ddd'], truncated: false });
  });

  it('normalises whitespace', () => {
    expect(wrapText('  aaa \n\t bbb  ', 20, 3, chars).lines).toEqual(['aaa bbb']);
    expect(wrapText('   ', 20, 3, chars).lines).toEqual([]);
  });

  it('ends the last line it keeps with an ellipsis that fits', () => {
    const { lines, truncated } = wrapText('aaa bbb ccc ddd eee fff', 7, 2, chars);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['aaa bbb', 'ccc…']);
    expect(lines.every((line) => line.length <= 7)).toBe(true);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(wrapText('aaa, bbb ccc', 4, 1, chars).lines).toEqual(['aaa…']);
  });

  it('breaks a word longer than a line between characters', () => {
    expect(wrapText('abcdefghij kl', 4, 5, chars).lines).toEqual(['abcd', 'efgh', 'ij', 'kl']);
  });
});

describe('createOgImageStore', () => {
  const cards = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key: `companies/${key}`, input: { ...instagram, title: key } }));
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pas-og-store-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A pool that "draws" a card as the bytes of its SVG, and records what it was asked to draw. */
  function fakePool() {
    const drawn: string[] = [];
    const renderSvg = async (svg: string) => {
      drawn.push(/font-size="68"[^>]*>([^<]*)</.exec(svg)?.[1] ?? svg);
      return new TextEncoder().encode(svg) as Uint8Array<ArrayBuffer>;
    };
    return { drawn, pool: { renderSvg, threads: 1 } };
  }

  it('draws every card once in the background, in order, and serves each from disk', async () => {
    const dir = tempDir();
    const { drawn, pool } = fakePool();
    const store = createOgImageStore(cards, { dir, pool, inFlight: 2 });
    store.prefetch();
    for (const card of [...cards].reverse()) {
      expect(new TextDecoder().decode(await store.get(card.key))).toBe(ogImageSvg(card.input));
    }
    // The prefetch starts in order; "e", asked for first, is drawn at once, and nothing twice.
    expect(drawn.slice(0, 2)).toEqual(['a', 'b']);
    expect([...drawn].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(5);
  });

  it('draws on demand without a prefetch, and reuses the cache in a later build', async () => {
    const dir = tempDir();
    const first = fakePool();
    const before = createOgImageStore(cards, { dir, pool: first.pool });
    await before.get('companies/c');
    expect(first.drawn).toEqual(['c']);
    const second = fakePool();
    const after = createOgImageStore(cards, { dir, pool: second.pool });
    after.prefetch();
    for (const card of cards) await after.get(card.key);
    expect(second.drawn).toEqual(['a', 'b', 'd', 'e']);
  });

  it('draws the real PNG through the worker pool, and deletes cached cards no longer used', async () => {
    const dir = tempDir();
    const old = createOgImageStore([{ key: 'companies/gone', input: { ...instagram, title: 'Gone' } }, ...cards.slice(0, 1)], { dir, pool: fakePool().pool });
    await old.get('companies/gone');
    const [goneFile] = readdirSync(dir);
    expect(goneFile).toMatch(/^[0-9a-f]{32}\.png$/);
    const pool = createOgRenderPool({ threads: 1 });
    try {
      const store = createOgImageStore(cards.slice(0, 2), { dir, pool });
      const png = await store.get('companies/a');
      expect(Buffer.from(png).equals(Buffer.from(await renderOgImage(cards[0]!.input)))).toBe(true);
      // The stale card stays until every card has been asked for, then goes.
      expect(readdirSync(dir)).toContain(goneFile);
      expect(readdirSync(dir)).toHaveLength(2);
      await store.get('companies/b');
      expect(readdirSync(dir)).not.toContain(goneFile);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('draws every card ahead with drawAll, which another store then finds in the cache', async () => {
    const dir = tempDir();
    const early = fakePool();
    const ahead = createOgImageStore(cards, { dir, pool: early.pool, inFlight: 2 });
    expect(await ahead.drawAll()).toEqual({ drawn: 5, cached: 0 });
    expect(early.drawn).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await createOgImageStore(cards, { dir, pool: fakePool().pool }).drawAll()).toEqual({ drawn: 0, cached: 5 });
    expect(await createOgImageStore([], { dir, pool: fakePool().pool }).drawAll()).toEqual({ drawn: 0, cached: 0 });

    // The pages' store: reports once, when every card has been asked for, what it had to draw.
    const late = fakePool();
    const reports: unknown[] = [];
    const changed = [...cards.slice(0, 4), { key: 'companies/e', input: { ...instagram, title: 'e2' } }];
    const pages = createOgImageStore(changed, { dir, pool: late.pool, onComplete: (counts) => reports.push(counts) });
    pages.prefetch();
    for (const card of changed) await pages.get(card.key);
    await pages.get('companies/a');
    expect(late.drawn).toEqual(['e2']);
    expect(reports).toEqual([{ drawn: 1, cached: 4 }]);
    expect(pages.counts()).toEqual({ drawn: 1, cached: 4 });
  });

  it('rejects an unknown card, and a failed drawing, with the reason', async () => {
    const failing = { threads: 1, renderSvg: async () => Promise.reject(new Error('resvg broke')) };
    const store = createOgImageStore(cards, { dir: tempDir(), pool: failing });
    store.prefetch();
    await expect(store.get('companies/nope')).rejects.toThrow(/No social image card for "companies\/nope"/);
    await expect(store.get('companies/a')).rejects.toThrow('resvg broke');
  });
});

describe('ogCardsFromContent', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('names the same cards, with the same words, as the catalog gives the pages', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pas-og-cards-'));
    dirs.push(root);
    const write = (folder: string, name: string, text: string) => {
      mkdirSync(path.join(root, folder), { recursive: true });
      writeFileSync(path.join(root, folder, name), text);
    };
    // The schemas trim these fields, so the words are trimmed here too.
    write('companies', 'acme.mdx', '---\nname: "  Acme "\nsummary: >-\n  Runs Python\n  at scale.\n---\nBody');
    write('libraries', 'numpy.mdx', '---\nname: NumPy\nsummary: Arrays.\n---\n');
    write('posts', 'thread.mdx', '---\ntitle: The thread\ndescription: What they share.\n---\n');
    write('tricks', 'broken.mdx', '---\nname: [unclosed\n---\n');
    write('tricks', 'no-summary.mdx', '---\nname: Half\n---\n');
    write('tricks', 'notes.txt', 'not an entry');
    const fromContent = ogCardsFromContent(root);
    const fromCatalog = ogCards({
      companies: [{ id: 'acme', title: 'Acme', summary: 'Runs Python at scale.' }],
      libraries: [{ id: 'numpy', title: 'NumPy', summary: 'Arrays.' }],
      tricks: [],
      posts: [{ id: 'thread', title: 'The thread', summary: 'What they share.' }],
    });
    expect(fromContent).toEqual(fromCatalog);
    expect(fromContent.map((card) => card.key)).toEqual(['site', 'companies/acme', 'libraries/numpy', 'posts/thread']);
    // Same words, so the same cache file as the pages will look for.
    const dir = path.join(root, 'cache');
    expect(fromContent.map((card) => ogCacheFile(dir, ogImageSvg(card.input)))).toEqual(
      fromCatalog.map((card) => ogCacheFile(dir, ogImageSvg(card.input))),
    );
  });

  it("finds no cards but the site's in a folder with no content", () => {
    expect(ogCardsFromContent(path.join(tmpdir(), 'pas-no-such-content')).map((card) => card.key)).toEqual(['site']);
  });
});
