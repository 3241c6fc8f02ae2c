/**
 * Social preview images: one 1200×630 PNG per entry, drawn at build time from a hand-written SVG
 * template and rasterised by resvg, with Inter from the local @fontsource/inter files. Nothing is
 * fetched over the network, and the same input always gives the same bytes.
 *
 * Why a hand-written SVG and not satori. Both were measured drawing the same card with resvg-js
 * 2.6.2 under Node 24 on the 2-core build machine (CPU ms per image, steadier than wall time on a
 * machine shared with other builds; wall time was the same or up to ~1.5× more):
 *
 *   satori 0.63 → SVG with every glyph as a path → resvg → PNG    ≈ 27 ms (satori's part: 6–7 ms)
 *   this template → resvg (Inter loaded from TTF files) → PNG      ≈ 20 ms (the SVG string: 0.05 ms)
 *
 * Satori spends its time on flexbox layout and on turning each glyph into a path that resvg then
 * fills; the template needs neither, since the layout is fixed and lines are wrapped here with the
 * font's own advance widths (from its cmap and hmtx tables), which match what resvg draws. Of the
 * 20 ms, resvg's parse and text layout take ~2 ms, drawing ~5 ms and its PNG encoder ~10 ms.
 *
 * What was tried and dropped: encoding the PNG ourselves from `RenderedImage.pixels` with zlib
 * (about 5 ms instead of 10 in a small process) was four times slower inside the real build: each
 * image then hands V8 two 3 MB buffers, the external-memory growth sets off full garbage
 * collections of the build's large heap, and at N = 1,000 companies the images averaged 70 ms each
 * instead of ~25. `asPng()` hands back only the ~50 KB file.
 *
 * In the build (a 1,000-company corpus from bench/corpus.mjs, 1,156 images) drawing on the main
 * thread took ~11.5 s of the 31 s of page generation: Astro renders one page at a time, so the
 * second core idled. The cards are now drawn on worker threads (`createOgRenderPool`), a few ahead
 * of the one Astro asks for, and kept in a cache across builds (`createOgImageStore`); the main
 * thread only builds the SVG. In isolation one card costs ~13 ms: resvg's setup with the fonts
 * ~1.8, drawing ~4.2, PNG encoding ~7.4.
 *
 * Fonts. resvg-js 2.6 on Node takes fonts only as file paths (`fontFiles`), and only TTF/OTF (a
 * WOFF path draws no text at all). Its typings have no `fontBuffers` (that option is resvg-wasm's),
 * and passing one makes the native binding drop the whole `font` object silently and draw with the
 * system's fonts instead. So the WOFF files are
 * unpacked to TTF once per process, into a content-addressed folder under the OS temp directory,
 * and handed to resvg by path with system fonts off. The Latin and Latin Extended subsets are
 * loaded; characters outside them (CJK, arrows) would be drawn as a missing glyph.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** What a card is about, by collection; `site` is the card for pages that are not entries. */
export const ogKindLabels = {
  companies: 'Company profile',
  libraries: 'Library',
  tricks: 'Scale trick',
  posts: 'Article',
  site: 'Knowledge base',
} as const;

export type OgKind = keyof typeof ogKindLabels;

export interface OgImageInput {
  /** The entry's title, drawn large: a company, library or trick name, or an article's headline. */
  title: string;
  kind: OgKind;
  /** One or two sentences; wrapped and cut with an ellipsis after three lines. */
  summary: string;
  /** The site's name, drawn at the top. */
  site: string;
}

const colours = {
  background: '#f7f9fc',
  blue: '#3776ab',
  yellow: '#f2c31b',
  pill: '#e3ecf5',
  label: '#1f4e79',
  title: '#14202e',
  summary: '#4a5568',
} as const;

const MARGIN_X = 80;
const TEXT_WIDTH = OG_WIDTH - 2 * MARGIN_X;
/** Lines are wrapped to this width, leaving room for kerning that widens (see `measure`). */
const WRAP_WIDTH = TEXT_WIDTH - 20;
/** The lowest baseline text may sit on: below it is the bottom margin. */
const LAST_BASELINE = OG_HEIGHT - 64;

// ---------------------------------------------------------------------------------------------
// Fonts

type Weight = 400 | 700;

interface Face {
  /** The unpacked TTF on disk, for resvg. */
  file: string;
  unitsPerEm: number;
  /** Advance width in font units, by code point. */
  advances: Map<number, number>;
}

interface Fonts {
  files: string[];
  /** The faces of one weight, in fallback order (Latin, then Latin Extended). */
  faces: Record<Weight, Face[]>;
}

const subsets = ['latin', 'latin-ext'] as const;
const weights: Weight[] = [400, 700];

/** Unpacks a WOFF 1.0 file to the SFNT (TTF/OTF) it wraps: each table is zlib-compressed or stored. */
export function woffToSfnt(woff: Uint8Array): Uint8Array<ArrayBuffer> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('Not a WOFF 1.0 file (no "wOFF" signature)');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + 16 * numTables;
  const out = new Uint8Array(tables.reduce((sum, t) => sum + pad4(t.origLength), headerLength));
  const outView = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  outView.setUint32(0, flavor);
  outView.setUint16(4, numTables);
  outView.setUint16(6, searchRange);
  outView.setUint16(8, entrySelector);
  outView.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const stored = woff.subarray(table.offset, table.offset + table.compLength);
    const data = table.compLength < table.origLength ? inflateSync(stored) : stored;
    if (data.length !== table.origLength) throw new Error('WOFF table has the wrong length once unpacked');
    outView.setUint32(12 + i * 16, table.tag);
    outView.setUint32(16 + i * 16, table.checksum);
    outView.setUint32(20 + i * 16, offset);
    outView.setUint32(24 + i * 16, table.origLength);
    out.set(data, offset);
    offset += pad4(table.origLength);
  });
  return out;
}

/** Reads unitsPerEm and the advance width of every mapped code point from an SFNT font. */
export function fontMetrics(sfnt: Uint8Array): { unitsPerEm: number; advances: Map<number, number> } {
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const tableAt = new Map<string, number>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tableAt.set(String.fromCharCode(...sfnt.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const need = (tag: string) => {
    const at = tableAt.get(tag);
    if (at === undefined) throw new Error(`Font has no "${tag}" table`);
    return at;
  };
  const unitsPerEm = view.getUint16(need('head') + 18);
  const numberOfHMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  const cmap = need('cmap');
  const subtables = Array.from({ length: view.getUint16(cmap + 2) }, (_, i) => ({
    platform: view.getUint16(cmap + 4 + i * 8),
    encoding: view.getUint16(cmap + 6 + i * 8),
    at: cmap + view.getUint32(cmap + 8 + i * 8),
  }));
  const format = (s: { at: number }) => view.getUint16(s.at);
  const unicode = (s: { platform: number; encoding: number }) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const chosen = subtables.find((s) => unicode(s) && format(s) === 12) ?? subtables.find((s) => unicode(s) && format(s) === 4);
  if (!chosen) throw new Error('Font has no Unicode cmap (format 4 or 12)');

  const advances = new Map<number, number>();
  const at = chosen.at;
  if (format(chosen) === 12) {
    for (let g = 0, groups = view.getUint32(at + 12); g < groups; g++) {
      const start = view.getUint32(at + 16 + g * 12);
      const end = view.getUint32(at + 20 + g * 12);
      const glyph = view.getUint32(at + 24 + g * 12);
      for (let c = start; c <= end; c++) advances.set(c, advanceOf(glyph + c - start));
    }
  } else {
    const segments = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = view.getUint16(starts + 2 * s);
      const end = view.getUint16(ends + 2 * s);
      const delta = view.getInt16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) advances.set(c, advanceOf(glyph));
      }
    }
  }
  return { unitsPerEm, advances };
}

/**
 * Resolves a package file from this module first, then from the project root: inside the build,
 * this module runs from a bundle in the output folder, which may be outside the project.
 */
function resolvePackageFile(specifier: string, what: string): string {
  for (const base of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // try the next base
    }
  }
  throw new Error(`Cannot find ${specifier}: is ${what} installed?`);
}

const resolveFontFile = (name: string) => resolvePackageFile(`@fontsource/inter/files/${name}`, '@fontsource/inter');

let fontsCache: Fonts | undefined;

/** Reads the WOFF files once per process and unpacks them to TTF files resvg can load. */
function loadFonts(): Fonts {
  if (fontsCache) return fontsCache;
  const dir = path.join(tmpdir(), 'python-at-scale-og-fonts');
  mkdirSync(dir, { recursive: true });
  const faces: Record<Weight, Face[]> = { 400: [], 700: [] };
  const files: string[] = [];
  for (const weight of weights) {
    for (const subset of subsets) {
      const name = `inter-${subset}-${weight}-normal.woff`;
      const woff = readFileSync(resolveFontFile(name));
      const sfnt = woffToSfnt(woff);
      const hash = createHash('sha256').update(sfnt).digest('hex').slice(0, 16);
      const file = path.join(dir, `${name.slice(0, -'.woff'.length)}-${hash}.ttf`);
      if (!existsSync(file)) {
        // Write then rename, so that parallel builds never see half a file.
        const partial = `${file}.${process.pid}.partial`;
        writeFileSync(partial, sfnt);
        renameSync(partial, file);
      }
      files.push(file);
      faces[weight].push({ file, ...fontMetrics(sfnt) });
    }
  }
  fontsCache = { files, faces };
  return fontsCache;
}

/**
 * The width of a string in pixels, from the font's advance widths. Kerning is left out: it mostly
 * narrows text ("AV" by 5 px at 68 px), and the few pairs it widens ("WW", about 1 px) are covered
 * by wrapping to WRAP_WIDTH, a little short of the text column.
 */
export function measure(text: string, size: number, weight: Weight, letterSpacing = 0): number {
  const faces = loadFonts().faces[weight];
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const face = faces.find((f) => f.advances.has(code));
    // An unknown character is drawn as a missing glyph about as wide as an "M".
    width += face ? (face.advances.get(code)! / face.unitsPerEm) * size : 0.8 * size;
    width += letterSpacing;
  }
  return width;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Escapes text for SVG content or attribute values, and drops characters XML does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ELLIPSIS = '…';

/**
 * Greedy word wrap by measured width. Words wider than a line are broken between characters. When
 * the text needs more than `maxLines`, the last line ends in an ellipsis that still fits.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  width: (s: string) => number,
): { lines: string[]; truncated: boolean } {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    push();
    if (width(word) <= maxWidth) {
      line = word;
      continue;
    }
    for (const char of word) {
      if (line && width(line + char) > maxWidth) push();
      line += char;
    }
  }
  push();
  if (lines.length <= maxLines) return { lines, truncated: false };

  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  const withEllipsis = (s: string) => `${s.replace(/[\s,;:.\u2013\u2014-]+$/, '')}${ELLIPSIS}`;
  while (last && width(withEllipsis(last)) > maxWidth) {
    const cut = last.lastIndexOf(' ');
    last = cut > 0 ? last.slice(0, cut) : [...last].slice(0, -1).join('');
  }
  kept[maxLines - 1] = withEllipsis(last);
  return { lines: kept, truncated: true };
}

// ---------------------------------------------------------------------------------------------
// The card

const fontAttrs = (size: number, weight: Weight) => `font-family="Inter" font-size="${size}" font-weight="${weight}"`;

function textLines(lines: string[], firstBaseline: number, lineHeight: number, attrs: string, fill: string): string {
  return lines
    .map((line, i) => `<text x="${MARGIN_X}" y="${firstBaseline + i * lineHeight}" ${attrs} fill="${fill}">${escapeXml(line)}</text>`)
    .join('');
}

/** The card as an SVG document: pure, fast, and the only place the design lives. */
export function ogImageSvg({ title, kind, summary, site }: OgImageInput): string {
  // Header: a two-square mark in the Python colours and the site's name.
  const header =
    `<rect x="${MARGIN_X}" y="56" width="34" height="34" rx="8" fill="${colours.blue}"/>` +
    `<rect x="${MARGIN_X + 16}" y="72" width="34" height="34" rx="8" fill="${colours.yellow}" stroke="${colours.background}" stroke-width="4"/>` +
    `<text x="${MARGIN_X + 68}" y="96" ${fontAttrs(30, 700)} fill="${colours.blue}">${escapeXml(site)}</text>`;

  // The kind, in a pill.
  const label = ogKindLabels[kind].toUpperCase();
  const labelSize = 20;
  const labelSpacing = 2;
  const pillWidth = Math.ceil(measure(label, labelSize, 700, labelSpacing) - labelSpacing + 2 * 20);
  const pill =
    `<rect x="${MARGIN_X}" y="146" width="${pillWidth}" height="40" rx="20" fill="${colours.pill}"/>` +
    `<text x="${MARGIN_X + 20}" y="173" ${fontAttrs(labelSize, 700)} letter-spacing="${labelSpacing}" fill="${colours.label}">${escapeXml(label)}</text>`;

  // The title: large on up to two lines, smaller on up to three when it needs them.
  const titleTop = 226;
  const fit = (size: number, maxLines: number) => wrapText(title, WRAP_WIDTH, maxLines, (s) => measure(s, size, 700));
  let titleSize = 68;
  let titleText = fit(titleSize, 2);
  if (titleText.truncated) {
    titleSize = 54;
    titleText = fit(titleSize, 3);
  }
  const titleLineHeight = Math.round(titleSize * 1.16);
  const titleBaseline = titleTop + Math.round(titleSize * 0.8);
  const titleSvg = textLines(titleText.lines, titleBaseline, titleLineHeight, fontAttrs(titleSize, 700), colours.title);
  const titleBottom = titleBaseline + (titleText.lines.length - 1) * titleLineHeight;

  // The summary: as many lines as fit above the bottom margin, three at most.
  const summarySize = 30;
  const summaryLineHeight = 42;
  const summaryBaseline = titleBottom + 72;
  const summaryLines = Math.max(0, Math.min(3, Math.floor((LAST_BASELINE - summaryBaseline) / summaryLineHeight) + 1));
  const summaryText = wrapText(summary, WRAP_WIDTH, summaryLines, (s) => measure(s, summarySize, 400));
  const summarySvg = textLines(summaryText.lines, summaryBaseline, summaryLineHeight, fontAttrs(summarySize, 400), colours.summary);

  // A band in the two brand colours along the bottom edge.
  const band =
    `<rect y="${OG_HEIGHT - 14}" width="${OG_WIDTH}" height="14" fill="${colours.blue}"/>` +
    `<rect x="${OG_WIDTH - 300}" y="${OG_HEIGHT - 14}" width="300" height="14" fill="${colours.yellow}"/>`;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">` +
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${colours.background}"/>` +
    header +
    pill +
    titleSvg +
    summarySvg +
    band +
    '</svg>'
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering

let resvgOptions: ResvgRenderOptions | undefined;

function renderOptions(): ResvgRenderOptions {
  resvgOptions ??= {
    font: { fontFiles: loadFonts().files, loadSystemFonts: false, defaultFontFamily: 'Inter' },
    fitTo: { mode: 'original' },
    background: colours.background,
    logLevel: 'error',
  };
  return resvgOptions;
}

/** Draws one card as a 1200×630 PNG. Deterministic: the same input gives the same bytes. */
export async function renderOgImage(input: OgImageInput): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(ogImageSvg(input), renderOptions());
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength) as Uint8Array<ArrayBuffer>;
}

// ---------------------------------------------------------------------------------------------
// Drawing off the main thread

/**
 * The worker's whole program, run with `eval: true`. A string rather than a file of its own: the
 * page that uses it is bundled by Vite into the output folder, where a separate worker file would
 * not follow, and `require` is available to an eval worker. resvg-js's path comes in `workerData`,
 * resolved by the main thread. The PNG is copied back (about 50 KB); the 3 MB of pixels never
 * leave the worker.
 *
 * Each card leaves about 4 MB of native memory (resvg's font database, tree and pixels) behind
 * JavaScript objects of a few bytes, which V8 frees only when it collects them, and a worker's tiny
 * heap gives it no reason to: in a 1,000-company build the process grew by 1.3 GB during the cards
 * and dropped back only at the end. So the worker collects its garbage every few cards (about a
 * millisecond each time, on a heap of a few megabytes). resvg's native memory is then released by
 * finalizers that Node runs as immediates; a worker that went straight from one queued card to the
 * next never ran them (one worker kept two cards in hand grew by 3 MB a card), so each card is
 * drawn from its own immediate, after the finalizers queued before it.
 */
const GC_EVERY = 8;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
require('node:v8').setFlagsFromString('--expose-gc');
// Once the flag is set, workers started later already have a global gc.
const collect = typeof globalThis.gc === 'function' ? globalThis.gc : require('node:vm').runInNewContext('gc');
let drawn = 0;
const queue = [];
function drawNext() {
  const { id, svg, options } = queue.shift();
  try {
    const png = new Resvg(svg, options).render().asPng();
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
  if (++drawn % ${GC_EVERY} === 0) collect();
  if (queue.length > 0) setImmediate(drawNext);
}
parentPort.on('message', (job) => {
  queue.push(job);
  if (queue.length === 1) setImmediate(drawNext);
});
`;

interface Pending {
  resolve: (png: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface OgRenderPool {
  /** Draws one card as a PNG on a worker thread; the same bytes as `renderOgImage`. */
  render: (input: OgImageInput) => Promise<Uint8Array<ArrayBuffer>>;
  /** The same, for a card whose SVG (`ogImageSvg`) is already made. */
  renderSvg: (svg: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** Ends the workers; cards still being drawn are rejected. */
  close: () => Promise<void>;
  readonly threads: number;
}

/**
 * One worker per core, at most three. Astro writes one route's pages in a row, so while the cards
 * are written the main thread mostly waits for them and every core can draw.
 */
export const defaultOgThreads = () => Math.min(3, Math.max(1, availableParallelism()));

/**
 * Draws cards on worker threads, so that the build's main thread only builds the SVG string (about
 * 0.05 ms) and writes the file. Profiling a 1,000-company build showed resvg's drawing and PNG
 * encoding taking 11.5 s of the main thread's 31 s of page generation, while the second core idled:
 * Astro renders one page at a time. Workers start when the first card is asked for and hold the
 * process open only while they have cards to draw, so a build ends as it would without them.
 */
export function createOgRenderPool({ threads = defaultOgThreads() } = {}): OgRenderPool {
  const workers: PoolWorker[] = [];
  let nextId = 0;
  let resvgPath: string | undefined;

  const spawnWorker = (): PoolWorker => {
    resvgPath ??= resolvePackageFile('@resvg/resvg-js', '@resvg/resvg-js');
    const entry: PoolWorker = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg: resvgPath } }), pending: new Map() };
    const fail = (error: Error) => {
      workers.splice(workers.indexOf(entry), 1);
      for (const { reject } of entry.pending.values()) reject(error);
      entry.pending.clear();
    };
    entry.worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = entry.pending.get(id);
      if (!job) return;
      entry.pending.delete(id);
      if (entry.pending.size === 0) entry.worker.unref();
      if (png) job.resolve(new Uint8Array(png.buffer, png.byteOffset, png.byteLength) as Uint8Array<ArrayBuffer>);
      else job.reject(new Error(`Drawing a social image failed: ${error}`));
    });
    entry.worker.on('error', (error) => fail(new Error(`The social-image worker failed: ${error.message}`, { cause: error })));
    entry.worker.on('exit', (code) => {
      if (workers.includes(entry)) fail(new Error(`The social-image worker stopped (exit code ${code}).`));
    });
    entry.worker.unref();
    workers.push(entry);
    return entry;
  };

  const leastBusy = (): PoolWorker => {
    if (workers.length < threads) {
      const idle = workers.find((w) => w.pending.size === 0);
      return idle ?? spawnWorker();
    }
    return workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };

  const renderSvg = (svg: string) =>
    new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      const target = leastBusy();
      const id = nextId++;
      target.pending.set(id, { resolve, reject });
      target.worker.ref();
      target.worker.postMessage({ id, svg, options: renderOptions() });
    });

  return {
    threads,
    renderSvg,
    // The SVG is made on this thread, where the fonts have been measured, before the hand-off.
    render: (input) => renderSvg(ogImageSvg(input)),
    close: async () => {
      const ending = workers.splice(0);
      for (const entry of ending) {
        for (const { reject } of entry.pending.values()) reject(new Error('The social-image pool was closed.'));
        entry.pending.clear();
      }
      await Promise.all(ending.map((entry) => entry.worker.terminate()));
    },
  };
}

let sharedPool: OgRenderPool | undefined;

/** The build's one pool, started on first use. */
export const ogRenderPool = () => (sharedPool ??= createOgRenderPool());

export interface OgCard {
  /** The path under /og/ without ".png", such as "companies/instagram". */
  key: string;
  input: OgImageInput;
}

/** Bump when the drawing changes in a way the SVG does not show (resvg's options, say). */
const CACHE_VERSION = 1;

export interface OgImageStore {
  /** Starts drawing every card that is not in the cache yet, in order, in the background. */
  prefetch: () => void;
  /**
   * Draws every card that is not in the cache yet, in order, and resolves when all are on disk:
   * for the build's early step (scripts/draw-og-images.ts), which fills the cache while Astro
   * bundles. A card that fails to draw is left for the build to draw (and report) itself.
   */
  drawAll: () => Promise<OgDrawCounts>;
  /** One card's PNG: from the cache, from a drawing already under way, or drawn now. */
  get: (key: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** How many cards this store has drawn, and how many it found already in the cache. */
  counts: () => OgDrawCounts;
}

export interface OgDrawCounts {
  drawn: number;
  cached: number;
}

let cacheKeyPrefix: string | undefined;

/**
 * The cache file for a card whose SVG is `svg`: named by a hash of the SVG and of everything else
 * that decides the bytes, so a card is drawn again only when its words or the drawing change.
 */
export function ogCacheFile(dir: string, svg: string): string {
  cacheKeyPrefix ??= `${CACHE_VERSION}\n${JSON.stringify(renderOptions())}\n`;
  const hash = createHash('sha256').update(`${cacheKeyPrefix}${svg}`).digest('hex');
  return path.join(dir, `${hash.slice(0, 32)}.png`);
}

/**
 * The build's social images, kept in a cache folder (`dir`, under Astro's cache) by a hash of the
 * card's SVG, so a card is drawn once and later builds reuse it until its words change.
 *
 * Astro asks for the images one at a time and waits for each; `prefetch()` keeps `inFlight` cards
 * being drawn ahead, in order, so the workers stay busy. Drawn PNGs go to disk rather than memory
 * (about 50 KB each, 290 MB at 5,000 companies). Once every card has been asked for, files in the
 * folder that no card uses any more are deleted, so the cache holds one build's cards.
 */
export function createOgImageStore(
  cards: readonly OgCard[],
  {
    dir,
    pool = ogRenderPool(),
    inFlight = 2 * pool.threads,
    onComplete,
  }: {
    dir: string;
    pool?: Pick<OgRenderPool, 'renderSvg' | 'threads'>;
    inFlight?: number;
    /** Called once, when every card has been asked for (and the cache pruned). */
    onComplete?: (counts: OgDrawCounts) => void;
  },
): OgImageStore {
  const byKey = new Map(cards.map((card) => [card.key, card]));
  const files = new Map<string, string>();
  const drawing = new Map<string, Promise<string>>();
  const asked = new Set<string>();
  const counts: OgDrawCounts = { drawn: 0, cached: 0 };
  let cursor = 0;
  let running = 0;
  let made = false;
  let allDrawn: (() => void) | undefined;
  let completed = false;

  const draw = (card: OgCard): Promise<string> => {
    let promise = drawing.get(card.key);
    if (!promise) {
      promise = (async () => {
        const svg = ogImageSvg(card.input);
        const file = ogCacheFile(dir, svg);
        files.set(card.key, file);
        // Another process (the build's early step) may be writing the same file: it appears whole,
        // by rename, or not at all.
        if (existsSync(file)) {
          counts.cached++;
          return file;
        }
        if (!made) {
          mkdirSync(dir, { recursive: true });
          made = true;
        }
        const png = await pool.renderSvg(svg);
        const partial = `${file}.${process.pid}.${card.key.replace(/\W+/g, '-')}.partial`;
        await writeFile(partial, png);
        await rename(partial, file);
        counts.drawn++;
        return file;
      })();
      drawing.set(card.key, promise);
    }
    return promise;
  };

  const pump = () => {
    while (running < inFlight && cursor < cards.length) {
      const card = cards[cursor++]!;
      running++;
      draw(card)
        .catch(() => {}) // reported to whoever asks for this card
        .finally(() => {
          running--;
          pump();
        });
    }
    if (running === 0 && cursor === cards.length) allDrawn?.();
  };

  const prune = async () => {
    const used = new Set(files.values());
    const present = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      present
        .filter((name) => /^[0-9a-f]{32}\.png$/.test(name) && !used.has(path.join(dir, name)))
        .map((name) => rm(path.join(dir, name), { force: true })),
    );
  };

  return {
    prefetch: pump,
    drawAll: () =>
      new Promise((resolve) => {
        allDrawn = () => resolve({ ...counts });
        pump();
      }),
    counts: () => ({ ...counts }),
    get: async (key) => {
      const card = byKey.get(key);
      if (!card) throw new Error(`No social image card for "${key}"`);
      const bytes = await readFile(await draw(card));
      asked.add(key);
      if (asked.size === cards.length && !completed) {
        completed = true;
        await prune();
        onComplete?.({ ...counts });
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
    },
  };
}
