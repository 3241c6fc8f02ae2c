/**
 * Measurement helpers for bench/run.mjs: timed cold builds with peak memory, output sizes, per-page
 * transfer, and the cost of a search in Chromium.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
// The same Chromium flags as the browser tests (Node 24 loads the .ts helper directly).
import { chromiumArgs } from '../scripts/lib/chromium.ts';

// ---------------------------------------------------------------------------------------------
// Statistics

export function median(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (list.length === 0) return null;
  const mid = list.length >> 1;
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Memory of a process tree, from /proc

function readStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => {
      const m = text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
      return m ? Number(m[1]) * 1024 : 0;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Pids of `rootPid` and all its descendants, from each process's parent in /proc/<pid>/stat. */
function processTree(rootPid) {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
      const ppid = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/**
 * Samples the process tree every `intervalMs`: the largest sum of resident memory seen, and the
 * largest single-process high-water mark (VmHWM, tracked by the kernel, so exact up to the last
 * sample). The peak reported is the larger of the two.
 */
function watchMemory(rootPid, intervalMs = 100) {
  let treePeak = 0;
  let hwmPeak = 0;
  let processes = 0;
  const sample = () => {
    let sum = 0;
    const pids = processTree(rootPid);
    processes = Math.max(processes, pids.length);
    for (const pid of pids) {
      const s = readStatus(pid);
      if (!s) continue;
      sum += s.rss;
      hwmPeak = Math.max(hwmPeak, s.hwm);
    }
    treePeak = Math.max(treePeak, sum);
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return { peakRssBytes: Math.max(treePeak, hwmPeak), treeSumPeakBytes: treePeak, largestProcessHwmBytes: hwmPeak, processes };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A timed cold build

let current; // the build child in progress, so an interrupted bench can end it

export function currentChild() {
  return current;
}

/**
 * Runs `node <argv…>` (a site's build command) with `env`, measuring wall time (spawn to exit) and
 * the peak memory of the whole process tree. Resolves with the measurements and the last lines of
 * output; the whole output goes to `logFile` if given (for reading Astro's phase timings).
 */
export function timedBuild({ cwd, argv, env, timeoutMs = 30 * 60 * 1000, logFile }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const memory = watchMemory(child.pid);
    let output = '';
    const log = logFile ? createWriteStream(logFile) : null;
    const keep = (chunk) => {
      log?.write(chunk);
      output += chunk;
      if (output.length > 400_000) output = output.slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      clearTimeout(timer);
      memory.stop();
      current = undefined;
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      if (timedOut) output += `\nbench: stopped after ${Math.round(timeoutMs / 60000)} minutes (--timeout-minutes)\n`;
      const mem = memory.stop();
      current = undefined;
      log?.end();
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const lines = plain.split('\n').filter((l) => l.trim() && !/[├└]/.test(l) && !/MODULE_LEVEL_DIRECTIVE|astro:head-inject|^\s*[│╭╰─]|rolldown\.rs/.test(l));
      resolve({ ok: code === 0 && !timedOut, code, signal, timedOut, wallMs, ...mem, tail: lines.slice(-25).join('\n') });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Output sizes

async function walk(dir, visit, rel = '') {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!rel && entry.name === '.prerender') continue; // Astro's build scratch, if it stays behind
    const full = path.join(dir, entry.name);
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(full, visit, relPath);
    else if (entry.isFile()) await visit(full, relPath);
  }
}

/** Bytes and files of the whole output, of its Pagefind folder, and the HTML pages in it. */
export async function outputStats(out) {
  const stats = { bytes: 0, files: 0, pagefindBytes: 0, pagefindFiles: 0, htmlPages: 0, htmlBytes: 0 };
  await walk(out, async (full, rel) => {
    const { size } = await stat(full);
    stats.bytes += size;
    stats.files += 1;
    if (rel.startsWith('pagefind/')) {
      stats.pagefindBytes += size;
      stats.pagefindFiles += 1;
    } else if (rel.endsWith('.html')) {
      stats.htmlPages += 1;
      stats.htmlBytes += size;
    }
  });
  return stats;
}

/** The number of HTML pages outside pagefind/ (what "ms per page" divides by). */
export async function countPages(out) {
  let pages = 0;
  await walk(out, async (_full, rel) => {
    if (rel.endsWith('.html') && !rel.startsWith('pagefind/')) pages += 1;
  });
  return pages;
}

const gzipSize = (buffer) => gzipSync(buffer, { level: 6 }).length;

/** The file a site URL path is served from. */
function fileFor(out, urlPath) {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  if (clean.endsWith('/')) return path.join(out, clean, 'index.html');
  return path.join(out, clean);
}

/** Static imports of an ES module (not dynamic `import()`), resolved against its URL path. */
function staticImports(code, fromUrl) {
  const found = new Set();
  const patterns = [/\bfrom\s*["']([^"']+\.m?js)["']/g, /\bimport\s*["']([^"']+\.m?js)["']/g];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) found.add(new URL(m[1], `http://x${fromUrl}`).pathname);
  }
  return [...found];
}

/**
 * The opening tags `<link …>` and `<script …>` of an HTML buffer, found with Buffer.indexOf rather than
 * by parsing: a page can be hundreds of megabytes (the compare matrix at N = 5,000), more than a
 * string should hold. Astro renders a component's script where the component is, so scripts can be
 * anywhere in the body, not only in <head>.
 */
function tagsIn(html, openings) {
  const tags = [];
  for (const opening of openings) {
    let at = html.indexOf(opening);
    while (at !== -1) {
      const next = html[at + opening.length];
      const end = html.indexOf('>', at);
      if (end === -1) break;
      // "<link" followed by a space, "/" or ">", not e.g. "<linkage".
      if (next === 0x20 || next === 0x09 || next === 0x0a || next === 0x2f || next === 0x3e) tags.push(html.subarray(at, end + 1).toString('utf8'));
      at = html.indexOf(opening, end);
    }
  }
  return tags;
}

/**
 * What a first visit to one page transfers, gzip -6 per file: its HTML and every stylesheet, script
 * and modulepreload it references (following static imports), but not what loads later (Pagefind).
 */
export async function pageTransfer(out, urlPath) {
  const htmlFile = fileFor(out, urlPath);
  if (!existsSync(htmlFile)) return null;
  const html = await readFile(htmlFile);
  const refs = new Set();
  for (const tag of tagsIn(html, ['<link', '<script'])) {
    const attr = (name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);
    if (tag.startsWith('<link')) {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href');
      if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) refs.add(new URL(href, `http://x${urlPath}`).pathname);
    } else {
      const src = attr('src');
      if (src) refs.add(new URL(src, `http://x${urlPath}`).pathname);
    }
  }
  const assets = [];
  const seen = new Set();
  const queue = [...refs];
  while (queue.length > 0) {
    const ref = queue.shift();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const file = fileFor(out, ref);
    if (!existsSync(file)) {
      assets.push({ path: ref, missing: true, bytes: 0, gzip: 0 });
      continue;
    }
    const body = await readFile(file);
    const kind = ref.endsWith('.css') ? 'css' : 'js';
    assets.push({ path: ref, kind, bytes: body.length, gzip: gzipSize(body) });
    if (kind === 'js') queue.push(...staticImports(body.toString('utf8'), ref));
  }
  const htmlGzip = gzipSize(html);
  const sum = (kind, field) => assets.filter((a) => a.kind === kind).reduce((t, a) => t + a[field], 0);
  return {
    path: urlPath,
    htmlBytes: html.length,
    htmlGzip,
    cssGzip: sum('css', 'gzip'),
    jsGzip: sum('js', 'gzip'),
    totalGzip: htmlGzip + sum('css', 'gzip') + sum('js', 'gzip'),
    assets,
  };
}

/**
 * Median HTML size (raw and gzip) of the pages under `folder` (e.g. "companies"), looking at up to
 * `limit` pages spread evenly through the sorted list. Alias redirect pages are left out.
 */
export async function pageSizes(out, folder, limit = 400) {
  const dir = path.join(out, folder);
  if (!existsSync(dir)) return null;
  const ids = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.endsWith('-alias'))
    .map((e) => e.name)
    .sort();
  if (ids.length === 0) return null;
  const step = Math.max(1, Math.floor(ids.length / limit));
  const raw = [];
  const gz = [];
  for (let i = 0; i < ids.length; i += step) {
    const file = path.join(dir, ids[i], 'index.html');
    if (!existsSync(file)) continue;
    const body = await readFile(file);
    raw.push(body.length);
    gz.push(gzipSize(body));
  }
  return { pages: ids.length, measured: raw.length, medianHtmlBytes: median(raw), medianHtmlGzip: median(gz), maxHtmlBytes: Math.max(...raw) };
}

/**
 * The text a reader sees on a page: the body without scripts, styles, templates and elements marked
 * `hidden`, whitespace collapsed line by line. Its gzip is what the page's words alone would cost.
 */
export function visibleText(html) {
  const body = parse(html).querySelector('body');
  if (!body) return '';
  for (const element of body.querySelectorAll('script, style, template, noscript, [hidden]')) element.remove();
  return body.structuredText
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * A page's cost beyond its words: what a first visit transfers up front (HTML + CSS + JS, gzip)
 * minus the gzip of its visible text.
 */
export async function costBeyondWords(out, urlPath) {
  const transfer = await pageTransfer(out, urlPath);
  if (!transfer) return null;
  const text = visibleText(await readFile(fileFor(out, urlPath), 'utf8'));
  const textGzip = gzipSize(Buffer.from(text));
  const { assets, ...sizes } = transfer;
  const scripts = assets.filter((a) => a.kind === 'js').map((a) => ({ path: a.path, gzip: a.gzip }));
  return { ...sizes, scripts, textChars: text.length, textGzip, beyondWordsGzip: transfer.totalGzip - textGzip };
}

/**
 * The parts of a profile page, by CSS selector, whose cost the report breaks down. `parentOf` names
 * elements whose parent is the part (a citation marker is the <sup> around its link).
 */
export const PAGE_PARTS = [
  { label: 'Inline CSS', selector: 'style' },
  { label: 'JSON-LD', selector: 'script[type="application/ld+json"]' },
  { label: 'Head: title, meta tags, links', selector: 'head > title, head > meta, head > link' },
  { label: 'Site header: skip link, navigation, search, theme', selector: 'body > header, .skip-link' },
  { label: 'Site footer', selector: 'body > footer' },
  { label: 'Contents list', selector: 'page-contents' },
  { label: 'At a glance: tables and figures', selector: '.glance' },
  { label: 'Citation markers in the text', selector: 'a[data-footnote-ref]', parentOf: true },
  { label: 'Citation lists (footnotes)', selector: 'section.footnotes' },
  { label: 'Popular claims', selector: '.claim' },
  { label: 'Timeline', selector: '.timeline' },
  { label: 'Sources list', selector: '.source-list' },
  { label: 'Related, mentioned in', selector: '.related, .mentioned-in' },
  { label: 'Cite box', selector: '.cite-box' },
  { label: 'Templates (citation card, toast)', selector: 'template' },
];

/**
 * What each part of a page costs: the gzip the HTML loses when the part alone is removed, and how
 * much of that is beyond the part's own visible words. Parts overlap and gzip shares context, so the
 * rows do not add up to the page; they say where to look.
 */
export function bytesByPart(html, parts = PAGE_PARTS) {
  const baseline = parse(html).toString();
  const fullGzip = gzipSize(baseline);
  const fullText = gzipSize(visibleText(baseline));
  return parts.map(({ label, selector, parentOf }) => {
    const doc = parse(html);
    const found = doc.querySelectorAll(selector).map((element) => (parentOf ? element.parentNode : element));
    for (const element of new Set(found)) element.remove();
    const rest = doc.toString();
    const gzip = fullGzip - gzipSize(rest);
    return { label, count: found.length, gzip, beyondWords: gzip - (fullText - gzipSize(visibleText(rest))) };
  });
}

// ---------------------------------------------------------------------------------------------
// Search in Chromium

async function serveStatic(dir) {
  const { default: sirv } = await import('sirv');
  const files = sirv(dir, { dev: true, etag: false });
  const server = createServer((req, res) => {
    // A same-origin page with nothing on it, to load Pagefind on its own for the cold measurement.
    if (req.url?.startsWith('/__bench_blank')) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="en"><title>blank</title><body></body></html>');
      return;
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Records every request of a browser context (page and workers alike: Pagefind 1.6 searches in a
 * Web Worker) with the phase it started in, and its size as transferred (body + headers).
 */
function recordRequests(context) {
  const log = [];
  const recorder = { phase: 'page', log };
  context.on('request', (request) => {
    const entry = { url: request.url(), phase: recorder.phase, sizes: undefined, failed: undefined };
    log.push(entry);
    request.__benchEntry = entry;
  });
  context.on('requestfinished', (request) => {
    const entry = request.__benchEntry;
    if (entry) entry.sizes = request.sizes().catch(() => null);
  });
  context.on('requestfailed', (request) => {
    const entry = request.__benchEntry;
    if (entry) entry.failed = request.failure()?.errorText ?? 'failed';
  });
  recorder.settle = async () => {
    // Finished events trail the page's promises slightly.
    for (let i = 0; i < 40 && log.some((e) => !e.sizes && !e.failed); i++) await new Promise((done) => setTimeout(done, 50));
    for (const e of log) {
      const sizes = e.sizes ? await e.sizes : null;
      e.transferred = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
      e.body = sizes ? sizes.responseBodySize : 0;
    }
  };
  return recorder;
}

async function describe(out, entries) {
  const files = [];
  for (const e of entries) {
    const urlPath = new URL(e.url).pathname;
    const file = fileFor(out, urlPath);
    const onDisk = existsSync(file) && !urlPath.endsWith('/') ? await readFile(file) : null;
    // Chromium reports no body size for a worker's own script; the server sent the whole file.
    const body = e.body || (onDisk && !e.failed ? onDisk.length : 0);
    files.push({
      path: urlPath,
      phase: e.phase,
      transferred: e.transferred - e.body + body,
      body,
      gzip: onDisk ? Math.min(onDisk.length, gzipSize(onDisk)) : body,
      ...(e.failed ? { failed: e.failed } : {}),
    });
  }
  return {
    requests: files.length,
    transferredBytes: files.reduce((t, f) => t + f.transferred, 0),
    bodyBytes: files.reduce((t, f) => t + f.body, 0),
    gzipBytes: files.reduce((t, f) => t + f.gzip, 0),
    files,
  };
}

/** In the page: import Pagefind, point it at the site, search, and load the first five results. */
async function firstQueryInPage(term) {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ baseUrl: '/' });
  const loaded = performance.now();
  const search = await pf.search(term);
  const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  const t1 = performance.now();
  globalThis.__benchPagefind = pf;
  return { ms: t1 - t0, loadMs: loaded - t0, queryMs: t1 - loaded, results: search.results.length, shown: data.length, top: data.map((d) => d.url) };
}

/** In the page: what Pagefind alone must fetch before it can rank a term (no worker, no results loaded). */
async function preloadInPage(term) {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ baseUrl: '/', noWorker: true });
  await pf.preload(term);
}

async function warmQueryInPage(term) {
  const pf = globalThis.__benchPagefind;
  const t0 = performance.now();
  const search = await pf.search(term);
  const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return { ms: performance.now() - t0, results: search.results.length, shown: data.length };
}

/**
 * The cost of searching, in Chromium, two ways:
 *
 * - On /search/, as a reader meets it: open the page and let it settle (the site may load Pagefind
 *   as the page opens), then run the first of `firstTerms` and load the first five results' data,
 *   then each of `warmTerms`. "Fetched for the first search" is every request from opening the page
 *   to the first five results, except the page's own first-visit files (its HTML and the CSS/JS it
 *   references, and the favicon), i.e. everything search needed, whether it came before or after
 *   the query. Each other term of `firstTerms` is a first search of its own, in a new context.
 * - Cold, Pagefind alone: in a fresh browser context, on a blank same-origin page, import Pagefind,
 *   set `baseUrl`, run the first of `firstTerms`, load five results. Time and bytes of that whole
 *   sequence.
 *
 * Sizes are as transferred by a static server that does not compress (body + headers), and also as
 * the files' gzip -6 sizes (what a compressing host would send; Pagefind's index files are already
 * compressed, so they barely change).
 */
export async function searchCost(out, { chromiumPath, firstTerms, warmTerms, pageFiles }) {
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(out);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const own = new Set(['/search/', '/favicon.svg', ...pageFiles]);
  /** A reader's first search on /search/, in a fresh browser context (nothing cached). */
  const firstSearch = async (term) => {
    const context = await browser.newContext();
    const recorder = recordRequests(context);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/search/`, { waitUntil: 'networkidle' });
    if (!response || !response.ok()) throw new Error(`/search/ answered ${response?.status()}`);
    recorder.phase = 'first';
    const first = await page.evaluate(firstQueryInPage, term);
    await recorder.settle();
    const forSearch = recorder.log.filter((e) => (e.phase === 'page' || e.phase === 'first') && !own.has(new URL(e.url).pathname));
    const preloaded = recorder.log.some((e) => e.phase === 'page' && new URL(e.url).pathname === '/pagefind/pagefind.js');
    return { context, page, recorder, preloaded, first: { term, ...first, ...(await describe(out, forSearch)) } };
  };
  try {
    // On the search page: the first term, then the warm queries on the same page.
    const [firstTerm, ...otherFirstTerms] = firstTerms;
    const { context, page, recorder, preloaded, first } = await firstSearch(firstTerm);
    recorder.phase = 'warm';
    const warm = [];
    for (const term of warmTerms) warm.push({ term, ...(await page.evaluate(warmQueryInPage, term)) });
    await recorder.settle();
    const warmEntries = recorder.log.filter((e) => e.phase === 'warm');
    await context.close();
    // Which index chunk a term's words fall in decides much of the first search's size (a term on
    // a chunk boundary loads two), so the first search is also made with other terms, each by a
    // new reader, and the budget reads the median.
    const firsts = [first];
    for (const term of otherFirstTerms) {
      const other = await firstSearch(term);
      firsts.push(other.first);
      await other.context.close();
    }

    // Pagefind's own floor for each first term, by a new reader on a blank page: its script, entry
    // file, WebAssembly, metadata and the first index chunk the term needs (a second chunk, when the
    // term straddles two, is left out, as are fragments: the floor is what comes before any result).
    const floors = [];
    for (const term of firstTerms) {
      const context = await browser.newContext();
      const recorder = recordRequests(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/__bench_blank/`, { waitUntil: 'load' });
      recorder.phase = 'floor';
      await page.evaluate(preloadInPage, term);
      await recorder.settle();
      const fetched = recorder.log.filter((e) => e.phase === 'floor');
      const chunks = fetched.filter((e) => new URL(e.url).pathname.endsWith('.pf_index'));
      floors.push({ term, chunksForTerm: chunks.length, ...(await describe(out, fetched.filter((e) => !chunks.includes(e) || e === chunks[0]))) });
      await context.close();
    }

    // Cold, Pagefind alone.
    const coldContext = await browser.newContext();
    const coldRecorder = recordRequests(coldContext);
    const coldPage = await coldContext.newPage();
    await coldPage.goto(`${server.url}/__bench_blank/`, { waitUntil: 'load' });
    coldRecorder.phase = 'first';
    const cold = await coldPage.evaluate(firstQueryInPage, firstTerm);
    await coldRecorder.settle();
    const coldEntries = coldRecorder.log.filter((e) => e.phase === 'first');
    // The same warm queries with Pagefind's default options and no filters loaded, to tell the cost
    // of the site's search set-up (ranking, filters) from Pagefind's own.
    const coldWarm = [];
    for (const term of warmTerms) coldWarm.push({ term, ...(await coldPage.evaluate(warmQueryInPage, term)) });
    await coldContext.close();

    const warmTimes = warm.map((w) => w.ms);
    const firstGzip = firsts.map((f) => f.gzipBytes);
    const floorRatios = firsts.map((f, i) => f.gzipBytes / floors[i].gzipBytes);
    const coldWarmMedianMs = median(coldWarm.map((w) => w.ms));
    return {
      firstTerm,
      preloadedBySearchPage: preloaded,
      first,
      firsts: firsts.map(({ files, ...rest }) => rest),
      firstMedianGzipBytes: median(firstGzip),
      firstMaxGzipBytes: Math.max(...firstGzip),
      floors,
      floorMedianGzipBytes: median(floors.map((f) => f.gzipBytes)),
      firstVsFloorMedian: median(floorRatios),
      firstVsFloorMax: Math.max(...floorRatios),
      cold: { ...cold, ...(await describe(out, coldEntries)), warm: coldWarm, warmMedianMs: coldWarmMedianMs },
      warm,
      warmMedianMs: median(warmTimes),
      warmMaxMs: Math.max(...warmTimes),
      warmVsPagefindDefaults: warmTimes.length && coldWarmMedianMs ? median(warmTimes) / coldWarmMedianMs : null,
      warmMinResults: Math.min(...warm.map((w) => w.shown)),
      warmFetched: await describe(out, warmEntries),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
