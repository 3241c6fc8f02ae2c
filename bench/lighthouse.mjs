// Lighthouse (mobile preset, Debian's Chromium) on the built site: the home page, a company page and a
// library page, all four categories. Reports scores and the audits that cost points; exits 0 (it
// reports, like the rest of the bench). Run after `npm run build`: `npm run bench:lighthouse`.
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumArgs } from '../scripts/lib/chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(root, process.env.PAS_OUT_DIR ?? 'dist');
if (!existsSync(dist)) throw new Error('No dist/: run `npm run build` first.');
const chromePath = process.env.PAS_CHROMIUM ?? '/usr/bin/chromium';
const pages = [
  { name: 'home', path: '/' },
  { name: 'company', path: '/companies/instagram/' },
  { name: 'library', path: '/libraries/django/' },
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

// Served compressed, as any static host serves HTML, CSS and JS (and as the page-weight budget
// counts them): a copy of the site with a gzip file beside each text file, which sirv sends to a
// browser that accepts it. Uncompressed, the company page's first paint sits at the edge of a
// perfect score and its performance reads 99 or 100 from run to run.
const served = mkdtempSync(path.join(os.tmpdir(), 'pas-lighthouse-'));
cpSync(dist, served, { recursive: true });
for (const entry of readdirSync(served, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(html|css|js|mjs|json|svg|xml|txt)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
}
const files = sirv(served, { etag: true, gzip: true });
const server = createServer((req, res) => files(req, res, () => ((res.statusCode = 404), res.end('Not found'))));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: chromiumArgs.map((flag) => (flag === '--headless' ? '--headless=new' : flag)),
});
const rows = [];
try {
  for (const page of pages) {
    const result = await lighthouse(`${origin}${page.path}`, { port: chrome.port, output: 'json', onlyCategories: categories, logLevel: 'error' });
    const { lhr } = result;
    const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const lost = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id} (${a.score})`);
    rows.push({ ...page, scores, lost });
    console.error(`${page.name}: ${categories.map((c) => `${c} ${scores[c]}`).join(', ')}`);
  }
} finally {
  chrome.kill();
  server.close();
  rmSync(served, { recursive: true, force: true });
}

const table = [
  `# Lighthouse, mobile preset (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  'Served from 127.0.0.1 with gzip, as a static host serves text files.',
  '',
  `| Page | ${categories.join(' | ')} | audits below 1 |`,
  `| --- | ${categories.map(() => '---').join(' | ')} | --- |`,
  ...rows.map((r) => `| ${r.name} (${r.path}) | ${categories.map((c) => r.scores[c]).join(' | ')} | ${r.lost.join(', ') || '–'} |`),
  '',
].join('\n');
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'lighthouse.md'), table);
console.log(table);
