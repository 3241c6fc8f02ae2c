/**
 * `npm run bench`: builds synthetic corpora of N companies cold, with our site and with a bare Astro
 * baseline (bench/bare/), builds the real content once, and reports build time, memory, output and
 * search-index size, per-page transfer, the real profiles' cost beyond their words and search cost,
 * against the budgets in bench/README.md. It reports; it never fails the run on a budget (exit 0),
 * only on a broken bench (exit 1).
 *
 *   npm run bench                         N = 100 and 1,000 (ten minutes on two cores)
 *   npm run bench -- --sizes 100,1000,5000 adds N = 5,000 (opt-in: about 15 minutes more)
 *   npm run bench -- --sizes 100,1000     choose the sizes
 *   npm run bench -- --quick              smoke run: N = 50, one build each
 *   options: --repeats R (every size), --seed S, --no-search, --keep (keep the temporary folder and its logs/),
 *            --timeout-minutes M (stop a single build after M minutes; default 30)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.mjs';
import { bytesByPart, costBeyondWords, countPages, currentChild, median, outputStats, pageSizes, pageTransfer, searchCost, timedBuild } from './measure.mjs';
import { budgetChecks, renderMarkdown } from './report.mjs';
import { chromiumPath } from '../scripts/lib/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const benchDir = path.join(root, 'bench');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** Where builds run: a snapshot of the project (see snapshotProject), set in main(). */
let buildRoot = root;

// ---------------------------------------------------------------------------------------------
// Options

const cliOptions = {
  sizes: { type: 'string' },
  quick: { type: 'boolean', default: false },
  repeats: { type: 'string' },
  seed: { type: 'string', default: '1' },
  search: { type: 'boolean', default: true },
  keep: { type: 'boolean', default: false },
  'timeout-minutes': { type: 'string', default: '30' },
  help: { type: 'boolean', short: 'h', default: false },
};

function parseOptions(args) {
  // allowNegative gives --no-search; a mistyped option throws with its name.
  const { values } = parseArgs({ args, options: cliOptions, allowNegative: true, strict: true });
  if (values.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    process.exit(0);
  }
  const sizes = values.sizes?.split(',').map((s) => Number(s.replace(/[_\s]/g, ''))) ?? (values.quick ? [50] : defaultSizes);
  const options = {
    sizes,
    repeats: values.repeats === undefined ? undefined : Number(values.repeats),
    quick: values.quick,
    seed: Number(values.seed),
    search: values.search,
    keep: values.keep,
    timeoutMinutes: Number(values['timeout-minutes']),
  };
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers: ${values.sizes}`);
  if (options.repeats !== undefined && !(Number.isInteger(options.repeats) && options.repeats >= 1)) throw new Error('--repeats must be ≥ 1');
  if (!Number.isInteger(options.seed)) throw new Error(`--seed must be an integer: ${values.seed}`);
  if (!(options.timeoutMinutes > 0)) throw new Error(`--timeout-minutes must be a positive number: ${values['timeout-minutes']}`);
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}

/**
 * One cold build of each site per size, so that the default run fits in its ten minutes on two
 * cores; `--repeats R` takes medians of R. N = 5,000 alone (our build and bare's) takes longer than
 * that, so it is opt-in and the report says so where a budget names it.
 */
const defaultSizes = [100, 1000];
const repeatsFor = (options) => options.repeats ?? 1;

// ---------------------------------------------------------------------------------------------

const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function buildEnv({ corpus, out, cache }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    PAS_CONTENT_DIR: corpus,
    PAS_OUT_DIR: out,
    PAS_CACHE_DIR: cache,
  };
}

/** Both sites are built as a host builds them: a plain `astro build`, which indexes in its build:done hook. */
const variants = {
  site: { label: 'ours', argv: () => [astroBin, 'build'] },
  bare: { label: 'bare Astro', argv: () => [astroBin, 'build', '--root', path.join(buildRoot, 'bench', 'bare')] },
};

let buildTimeoutMs = 30 * 60 * 1000;

/** Each build's whole output, for its phase timings: `<tmp>/logs/<name>.log`, kept with --keep. */
let logDir;

async function build(variant, dirs, name) {
  const logFile = logDir && name ? path.join(logDir, `${name}.log`) : undefined;
  return timedBuild({ cwd: buildRoot, argv: variants[variant].argv(), env: buildEnv(dirs), timeoutMs: buildTimeoutMs, logFile });
}

/**
 * Copies the project (without node_modules, .git, build outputs and caches) into `dir` and gives it
 * a node_modules folder of links to the project's packages, so builds run on:
 * - one version of the site for the whole run, although others may be editing src/ meanwhile;
 * - their own `.astro/` folder: Astro writes the content-module map of the corpus being built to
 *   `<root>/.astro/content-modules.mjs` (and, for an output folder outside the working directory,
 *   its prerender chunks to `<cwd>/.astro/.prerender/`), so two builds in one project root at the
 *   same time (the bench's and the tests', say) corrupt each other;
 * - their own Vite cache (node_modules/.vite), leaving the project's alone.
 * The builds still use the project's Node and its `node_modules/astro/bin/astro.mjs`.
 */
async function snapshotProject(dir) {
  const skipTop = new Set(['node_modules', '.git', '.astro', '.cache', 'dist']);
  const skipBench = /\/bench\/(results|bare\/\.astro|bare\/node_modules|bare\/dist)(\/|$)/;
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (skipTop.has(entry.name) || /\.(staging|previous)$/.test(entry.name) || entry.name.startsWith('dist.')) continue;
    await cp(path.join(root, entry.name), path.join(dir, entry.name), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !skipBench.test(source.slice(root.length)) && !/\/node_modules(\/|$)/.test(source.slice(root.length)),
    });
  }
  await mkdir(path.join(dir, 'node_modules'));
  for (const entry of await readdir(path.join(root, 'node_modules'))) {
    if (entry.startsWith('.')) continue; // .bin, .vite, .package-lock.json: the snapshot keeps its own
    await symlink(path.join(root, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
}

/** The commit and the number of uncommitted changes the snapshot was taken from. */
function gitState() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain');
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedChanges: status == null ? null : status.split('\n').filter(Boolean).length };
}

/** Does the site declare a posts collection? Then the corpus gets a handful of posts. */
function hasPostsCollection() {
  const config = path.join(buildRoot, 'src', 'content.config.ts');
  return existsSync(config) && /\bposts\s*:/.test(readFileSync(config, 'utf8'));
}

function toolVersions() {
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  return { node: process.versions.node, astro: version('astro'), pagefind: version('pagefind'), mdx: version('@astrojs/mdx'), playwright: version('playwright-core') };
}

/**
 * Search terms. The first searches are technical words of middling frequency ("kubernetes" is on
 * about a quarter of the company pages), each made by a new reader; the warm ones run from very
 * common ("cache", on most pages) to a library's and a company's name (a few).
 */
function searchTerms(sample) {
  return {
    first: ['kubernetes', 'sharding', 'replica', 'timeout', 'proxy'],
    warm: ['cache', 'migration', 'greenlet', 'rollback', 'benchmarked', sample.library.name.toLowerCase(), sample.company.name.split(' ')[0].toLowerCase()],
  };
}

/**
 * Output folders live inside the snapshot, the builds' working directory: Astro puts prerender chunks
 * next to an output folder inside the working directory, but in `<cwd>/.astro/` for one outside it.
 */
const outDirFor = (name) => path.join(buildRoot, '.bench-out', name);

async function measureSize(n, options, tmp, posts) {
  const result = { n, repeats: repeatsFor(options) };
  const corpusDir = path.join(tmp, `corpus-${n}`);
  log(`N = ${n}: generating the corpus…`);
  const corpus = await generateCorpus({ n, out: corpusDir, seed: options.seed, posts });
  result.corpus = { companies: corpus.companies, libraries: corpus.libraries, tricks: corpus.tricks, posts: corpus.posts, bytes: corpus.bytes, meanCompanyBodyWords: corpus.meanCompanyBodyWords };

  const runs = { site: [], bare: [] };
  const kept = {};
  const cardsDir = path.join(tmp, `cards-${n}`);
  for (let r = 0; r < result.repeats; r++) {
    // Alternate the order so that neither variant always runs on a warmer (or busier) machine.
    const order = r % 2 === 0 ? ['site', 'bare'] : ['bare', 'site'];
    for (const variant of order) {
      const dirs = { corpus: corpusDir, out: outDirFor(`${n}-${variant}-${r}`), cache: path.join(tmp, `cache-${n}-${variant}-${r}`) };
      log(`N = ${n}: cold build ${r + 1}/${result.repeats}, ${variants[variant].label}…`);
      const run = await build(variant, dirs, `${n}-${variant}-${r}`);
      // The machine may be shared: keep its load with each build so a noisy figure can be told apart.
      run.loadAverage = os.loadavg()[0];
      // Our social cards, kept for the cards-cached build below; the rest of the cache goes.
      if (variant === 'site' && run.ok) {
        await rm(cardsDir, { recursive: true, force: true });
        await rename(path.join(dirs.cache, 'og-images'), cardsDir).catch(() => undefined);
      }
      await rm(dirs.cache, { recursive: true, force: true });
      if (run.ok) {
        run.pages = await countPages(dirs.out);
        run.msPerPage = run.wallMs / run.pages;
        log(`  ${seconds(run.wallMs)}, ${run.pages} pages, ${run.msPerPage.toFixed(1)} ms/page, peak ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
      } else {
        log(`  FAILED (exit ${run.code}${run.signal ? `, ${run.signal}` : ''}):\n${run.tail}`);
      }
      runs[variant].push(run);
      // Keep the last successful output of each variant for the size and search measurements.
      if (run.ok) {
        if (kept[variant]) await rm(kept[variant], { recursive: true, force: true });
        kept[variant] = dirs.out;
      } else {
        await rm(dirs.out, { recursive: true, force: true });
      }
    }
  }

  // What a host that keeps Astro's cache folder between builds (or an author's next build) pays:
  // the same cold build, but with the social cards already drawn (decision 0009). Reported, not judged.
  if (existsSync(cardsDir)) {
    const dirs = { corpus: corpusDir, out: outDirFor(`${n}-site-cards`), cache: path.join(tmp, `cache-${n}-site-cards`) };
    await mkdir(dirs.cache, { recursive: true });
    await rename(cardsDir, path.join(dirs.cache, 'og-images'));
    log(`N = ${n}: one more build of ours, the social cards from the cache…`);
    const run = await build('site', dirs, `${n}-site-cards`);
    run.loadAverage = os.loadavg()[0];
    await rm(dirs.cache, { recursive: true, force: true });
    await rm(dirs.out, { recursive: true, force: true });
    if (run.ok) log(`  ${seconds(run.wallMs)}`);
    else log(`  FAILED (exit ${run.code}):\n${run.tail}`);
    result.siteCardsCached = run.ok ? { wallMs: run.wallMs, loadAverage: run.loadAverage } : { error: run.tail };
  }

  for (const variant of ['site', 'bare']) {
    const ok = runs[variant].filter((r) => r.ok);
    const summary = {
      ok: ok.length === runs[variant].length,
      builds: runs[variant].length,
      succeeded: ok.length,
      wallMs: median(ok.map((r) => r.wallMs)),
      msPerPage: median(ok.map((r) => r.msPerPage)),
      peakRssBytes: median(ok.map((r) => r.peakRssBytes)),
      pages: ok[0]?.pages ?? null,
      runs: runs[variant].map(({ tail, ...r }) => (r.ok ? r : { ...r, tail })),
    };
    if (kept[variant]) {
      log(`N = ${n}: measuring the ${variants[variant].label} output…`);
      summary.output = await outputStats(kept[variant]);
      if (variant === 'site') {
        const s = corpus.sample;
        const pagesToWeigh = {
          home: '/',
          company: `/companies/${s.company.id}/`,
          library: `/libraries/${s.library.id}/`,
          trick: `/tricks/${s.trick.id}/`,
          'companies index': '/companies/',
          'libraries index': '/libraries/',
          'tricks index': '/tricks/',
          compare: '/compare/',
          search: '/search/',
        };
        summary.transfer = {};
        for (const [kind, urlPath] of Object.entries(pagesToWeigh)) summary.transfer[kind] = await pageTransfer(kept.site, urlPath);
        summary.pageSizes = {
          company: await pageSizes(kept.site, 'companies'),
          library: await pageSizes(kept.site, 'libraries'),
          trick: await pageSizes(kept.site, 'tricks'),
        };
        if (options.search) {
          if (!existsSync(chromiumPath)) {
            summary.search = { error: `No Chromium at ${chromiumPath} (apt-get install chromium, or set PAS_CHROMIUM).` };
          } else {
            log(`N = ${n}: search cost in Chromium…`);
            const terms = searchTerms(s);
            try {
              const pageFiles = (summary.transfer.search?.assets ?? []).map((a) => a.path);
              summary.search = await searchCost(kept.site, { chromiumPath, firstTerms: terms.first, warmTerms: terms.warm, pageFiles });
            } catch (error) {
              summary.search = { error: String(error?.stack ?? error) };
            }
          }
        }
      } else {
        summary.transfer = { company: await pageTransfer(kept.bare, `/${corpus.sample.company.id}/`) };
      }
      if (!options.keep) await rm(kept[variant], { recursive: true, force: true });
    }
    result[variant] = summary;
  }
  const ratio = (a, b) => (a != null && b ? a / b : null);
  result.ratios = {
    msPerPage: ratio(result.site.msPerPage, result.bare.msPerPage),
    wall: ratio(result.site.wallMs, result.bare.wallMs),
    peakRss: ratio(result.site.peakRssBytes, result.bare.peakRssBytes),
  };
  if (!options.keep) await rm(corpusDir, { recursive: true, force: true });
  return result;
}

/**
 * One build of the real content (the snapshot's content/), for what each real profile costs beyond
 * its visible words: the synthetic page stands for a typical profile, the real ones are what
 * readers get. Not a timing budget, so one build whatever --repeats says.
 */
async function measureRealContent(tmp, options) {
  const corpus = path.join(buildRoot, 'content');
  const dirs = { corpus, out: outDirFor('real'), cache: path.join(tmp, 'cache-real') };
  log("Real content: one build of content/ (each profile's cost beyond its words)…");
  const run = await build('site', dirs, 'real-content');
  await rm(dirs.cache, { recursive: true, force: true });
  if (!run.ok) {
    await rm(dirs.out, { recursive: true, force: true });
    return { wallMs: run.wallMs, error: run.tail };
  }
  const ids = (await readdir(path.join(corpus, 'companies')))
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.replace(/\.mdx?$/, ''))
    .sort();
  const profiles = [];
  for (const id of ids) {
    const cost = await costBeyondWords(dirs.out, `/companies/${id}/`);
    profiles.push(cost ? { id, ...cost } : { id, missing: true });
  }
  // Where the bytes go on the profile that costs most beyond its words.
  const worst = profiles.filter((p) => !p.missing).sort((p, q) => q.beyondWordsGzip - p.beyondWordsGzip)[0];
  const parts = worst ? { id: worst.id, rows: bytesByPart(await readFile(path.join(dirs.out, 'companies', worst.id, 'index.html'), 'utf8')) } : undefined;
  const pages = await countPages(dirs.out);
  log(`  ${seconds(run.wallMs)}, ${pages} pages, ${profiles.length} profiles`);
  if (!options.keep) await rm(dirs.out, { recursive: true, force: true });
  return { wallMs: run.wallMs, peakRssBytes: run.peakRssBytes, loadAverage: os.loadavg()[0], pages, profiles, parts };
}

async function preflight(tmp, posts) {
  // A small corpus built by both sites proves the generator still matches the schemas (and warms
  // Vite's dependency cache of the bare project, as the real project's already is). Not timed.
  log('Preflight: N = 20 through both builds (checks the corpus against the schemas; not timed)…');
  const corpus = path.join(tmp, 'corpus-preflight');
  await generateCorpus({ n: 20, out: corpus, seed: 1, posts });
  for (const variant of ['site', 'bare']) {
    const dirs = { corpus, out: outDirFor(`preflight-${variant}`), cache: path.join(tmp, `preflight-cache-${variant}`) };
    const run = await build(variant, dirs);
    if (!run.ok) {
      throw new Error(
        `The preflight build (${variants[variant].label}, N = 20) failed, so the synthetic corpus or the bare site no longer matches the project. Its output:\n${run.tail}`,
      );
    }
    await rm(dirs.out, { recursive: true, force: true });
    await rm(dirs.cache, { recursive: true, force: true });
  }
  await rm(corpus, { recursive: true, force: true });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  buildTimeoutMs = options.timeoutMinutes * 60 * 1000;
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 22) {
    throw new Error(`Node ${process.versions.node} is too old for Astro 7: run \`npm run bench\` (the project's Node 24) or \`npx node bench/run.mjs\`.`);
  }
  const started = performance.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pas-bench-'));
  if (options.keep) log(`Temporary folder (kept, with each build's output in logs/): ${tmp}`);
  const cleanUp = async () => {
    if (!options.keep) await rm(tmp, { recursive: true, force: true });
  };
  const interrupt = (signal) => {
    log(`${signal}: stopping the build in progress${options.keep ? ` (keeping ${tmp})` : ` and removing ${tmp}`}`);
    currentChild()?.kill('SIGTERM');
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  logDir = path.join(tmp, 'logs');
  await mkdir(logDir);
  buildRoot = path.join(tmp, 'project');
  await snapshotProject(buildRoot);
  const posts = hasPostsCollection() ? 5 : 0;
  const report = {
    generated: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, loadAverageAtStart: os.loadavg() },
    tools: toolVersions(),
    project: { ...gitState(), snapshotAt: new Date().toISOString() },
    options: { sizes: options.sizes, repeats: Object.fromEntries(options.sizes.map((n) => [n, repeatsFor(options)])), seed: options.seed, search: options.search, postsPerCorpus: posts },
    sizes: [],
    problems: [],
  };
  try {
    await preflight(tmp, posts);
    report.realContent = await measureRealContent(tmp, options);
    if (report.realContent.error) report.problems.push(`The real content's build failed: ${report.realContent.error.split('\n').at(-1)}`);
    for (const p of report.realContent.profiles ?? []) if (p.missing) report.problems.push(`The real content's build has no page for the profile ${p.id}.`);
    for (const n of options.sizes) {
      const result = await measureSize(n, options, tmp, posts);
      report.sizes.push(result);
      for (const variant of ['site', 'bare']) {
        const v = result[variant];
        if (!v.ok) report.problems.push(`N = ${n}: ${v.builds - v.succeeded} of ${v.builds} ${variants[variant].label} builds failed.`);
      }
      if (result.site.search?.error) report.problems.push(`N = ${n}: search measurement failed: ${result.site.search.error.split('\n')[0]}`);
    }
  } finally {
    report.durationMs = performance.now() - started;
    await cleanUp();
  }
  report.machine.loadAverageAtEnd = os.loadavg();
  report.budgets = budgetChecks(report);
  if (report.mode === 'full' && report.durationMs > 10 * 60 * 1000) {
    report.problems.push(`The bench took ${seconds(report.durationMs)}, more than its ten-minute limit.`);
  }

  const markdown = renderMarkdown(report);
  const resultsDir = path.join(benchDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const name = options.quick ? 'quick' : 'latest';
  await writeFile(path.join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(resultsDir, `${name}.md`), markdown);
  console.log(markdown);
  log(`Wrote bench/results/${name}.json and bench/results/${name}.md in ${seconds(report.durationMs)}.`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
