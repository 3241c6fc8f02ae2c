/**
 * Budgets and the Markdown report for bench/run.mjs. The budgets are the issue's: each is checked and
 * printed as PASS or FAIL with the measured figure, but none of them fails the run.
 */

const KiB = 1024;
const MiB = 1024 * 1024;
const kib = (bytes) => (bytes == null ? '–' : `${(bytes / KiB).toFixed(1)} KiB`);
const mib = (bytes) => (bytes == null ? '–' : `${(bytes / MiB).toFixed(bytes >= 100 * MiB ? 0 : 1)} MiB`);
const sec = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const ms1 = (ms) => (ms == null ? '–' : `${ms.toFixed(1)} ms`);
const x = (ratio) => (ratio == null ? '–' : `${ratio.toFixed(2)}×`);
const num = (n) => (n == null ? '–' : n.toLocaleString('en-US'));
const nLabel = (n) => `N = ${num(n)}`;

/** The size `n` if it was run, else the stand-in chosen by `fallback` (marked as such). */
function pick(sizes, n, fallback) {
  const exact = sizes.find((s) => s.n === n);
  if (exact) return { size: exact, standIn: false };
  const other = fallback(sizes);
  return other ? { size: other, standIn: true } : { size: undefined, standIn: false };
}
const largest = (sizes) => sizes.at(-1);

export function budgetChecks(report) {
  const sizes = report.sizes;
  const checks = [];
  const add = (id, budget, limitText, measured, pass, note = '') =>
    checks.push({ id, budget, limit: limitText, measured, result: pass == null ? 'n/a' : pass ? 'PASS' : 'FAIL', note });
  const standInNote = (wanted, s) => `measured at ${nLabel(s.n)} (${nLabel(wanted)} was not run)`;

  // 1. Company page weight.
  {
    const { size, standIn } = pick(sizes, 5000, largest);
    const t = size?.site.transfer?.company;
    const worst = Math.max(...sizes.map((s) => s.site.transfer?.company?.totalGzip ?? 0));
    add(
      'company-page-weight',
      'Company page, gzip HTML + CSS + JS',
      '≤ 15 KiB',
      t ? `${kib(t.totalGzip)} at ${nLabel(size.n)} (largest over all N: ${kib(worst)})` : 'not measured',
      t ? worst <= 15 * KiB : null,
      standIn ? standInNote(5000, size) : '',
    );
  }
  // 2. Our build against bare Astro at 1,000.
  {
    const { size, standIn } = pick(sizes, 1000, largest);
    const r = size?.ratios.msPerPage;
    add(
      'build-vs-bare',
      'Our ms/page ÷ bare Astro ms/page',
      '≤ 1.25×',
      r != null
        ? `${x(r)} at ${nLabel(size.n)} (${ms1(size.site.msPerPage)} vs ${ms1(size.bare.msPerPage)}; whole build ${x(size.ratios.wall)} for ${num(size.site.pages)} vs ${num(size.bare.pages)} pages)`
        : 'not measured',
      r != null ? r <= 1.25 : null,
      standIn ? standInNote(1000, size) : '',
    );
  }
  // 3. Scaling of ms/page from 1,000 to 5,000.
  {
    let a = sizes.find((s) => s.n === 1000);
    let b = sizes.find((s) => s.n === 5000);
    let note = '';
    if ((!a || !b) && sizes.length >= 2) {
      [a, b] = sizes.slice(-2);
      note = `stand-in: ${nLabel(a.n)} → ${nLabel(b.n)} (1,000 and 5,000 were not both run)`;
    } else if (!a || !b) [a, b] = [undefined, undefined];
    const r = a?.site.msPerPage && b?.site.msPerPage ? b.site.msPerPage / a.site.msPerPage : null;
    add(
      'ms-per-page-scaling',
      'Our ms/page at 5,000 ÷ at 1,000',
      '≤ 1.2×',
      r != null ? `${x(r)} (${ms1(b.site.msPerPage)} vs ${ms1(a.site.msPerPage)})` : 'needs two sizes',
      r != null ? r <= 1.2 : null,
      note,
    );
  }
  // 4. Peak memory against bare at 5,000.
  {
    const { size, standIn } = pick(sizes, 5000, largest);
    const r = size?.ratios.peakRss;
    add(
      'memory-vs-bare',
      'Our peak RSS ÷ bare Astro peak RSS',
      '≤ 1.2×',
      r != null ? `${x(r)} at ${nLabel(size.n)} (${mib(size.site.peakRssBytes)} vs ${mib(size.bare.peakRssBytes)})` : 'not measured',
      r != null ? r <= 1.2 : null,
      standIn ? standInNote(5000, size) : '',
    );
  }
  // 5. Bytes fetched by the first search.
  {
    const { size, standIn } = pick(sizes, 5000, largest);
    const q = size?.site.search;
    const f = q?.first;
    // The median over several readers' first searches (each a different term); older reports had one.
    const judged = q?.firstMedianGzipBytes ?? f?.gzipBytes;
    const spread = q?.firsts?.length > 1 ? ` (median of ${q.firsts.length} first searches, ${kib(Math.min(...q.firsts.map((x) => x.gzipBytes)))} to ${kib(q.firstMaxGzipBytes)}; “${f.term}” ${kib(f.gzipBytes)} in ${f.requests} requests)` : f ? ` in ${f.requests} requests` : '';
    add(
      'first-search-bytes',
      'First search on /search/: bytes fetched beyond the page itself (Pagefind, index, 5 results), gzip',
      '≤ 150 KiB',
      f ? `${kib(judged)} gzip at ${nLabel(size.n)}${spread}; ${kib(f.transferredBytes)} from a server that does not compress` : 'not measured',
      f ? judged <= 150 * KiB : null,
      [standIn ? standInNote(5000, size) : '', f && f.transferredBytes > 150 * KiB ? 'judged on gzip, like the page budget; uncompressed it is over' : '']
        .filter(Boolean)
        .join('; '),
    );
  }
  // 6. Warm query time.
  {
    const { size, standIn } = pick(sizes, 5000, largest);
    const s = size?.site.search;
    const ok = s && !s.error;
    const fewer = ok && s.warmMinResults < 5;
    add(
      'warm-query-ms',
      'Warm query to five results loaded (median of different terms)',
      '≤ 50 ms',
      ok ? `${ms1(s.warmMedianMs)} at ${nLabel(size.n)}${fewer ? `; a query showed only ${s.warmMinResults} results` : ''}` : 'not measured',
      ok ? s.warmMedianMs <= 50 && !fewer : null,
      standIn ? standInNote(5000, size) : '',
    );
  }
  // 7. Page growth: a company page must not grow with the corpus.
  {
    const a = sizes[0];
    const b = sizes.at(-1);
    const ca = a?.site.pageSizes?.company;
    const cb = b?.site.pageSizes?.company;
    const r = a !== b && ca && cb ? cb.medianHtmlBytes / ca.medianHtmlBytes : null;
    const ta = a?.site.transfer?.company;
    const tb = b?.site.transfer?.company;
    add(
      'no-page-growth',
      'Company page HTML, median over pages, largest N ÷ smallest N',
      '≤ 1.05×',
      r != null
        ? `${x(r)} (${kib(cb.medianHtmlBytes)} at ${nLabel(b.n)} vs ${kib(ca.medianHtmlBytes)} at ${nLabel(a.n)}; ${a.site.transfer?.company?.path}: ${kib(tb?.htmlBytes)} vs ${kib(ta?.htmlBytes)})`
        : 'needs two sizes',
      r != null ? r <= 1.05 : null,
      a !== b && (a.n !== 100 || b.n !== 5000) ? `measured ${nLabel(a.n)} → ${nLabel(b.n)}` : '',
    );
  }
  // 8. The bench's own time limit (only meaningful for the default sizes).
  add(
    'bench-duration',
    'Whole bench run',
    '≤ 10 min',
    sec(report.durationMs),
    report.mode === 'full' ? report.durationMs <= 10 * 60 * 1000 : null,
    report.mode === 'full' ? '' : 'not judged for a quick run',
  );
  return checks;
}

/** The range of the 1-minute load average at the end of each build of a size, if recorded. */
function loadRange(size) {
  const loads = [...(size.site.runs ?? []), ...(size.bare.runs ?? [])].map((r) => r.loadAverage).filter((l) => typeof l === 'number');
  if (loads.length === 0) return '–';
  const lo = Math.min(...loads);
  const hi = Math.max(...loads);
  return lo === hi ? lo.toFixed(1) : `${lo.toFixed(1)}–${hi.toFixed(1)}`;
}

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(report) {
  const sizes = report.sizes;
  const out = [];
  const t = report.tools;
  const m = report.machine;
  out.push(`# Benchmark: Python at Scale at ${sizes.map((s) => num(s.n)).join(', ')} companies`);
  out.push('');
  out.push(
    `${report.generated.slice(0, 16).replace('T', ' ')} UTC · ${report.mode} run · ${m.cpus} CPUs (${m.cpuModel}), ${mib(m.memoryBytes)} RAM · Node ${t.node}, Astro ${t.astro}, Pagefind ${t.pagefind} · load average ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')} at start · whole run ${sec(report.durationMs)}`,
  );
  out.push('');
  if (report.project) {
    const p = report.project;
    out.push(
      `Site measured: a snapshot of the working tree at commit ${p.commit ?? 'unknown'}${p.uncommittedChanges ? ` with ${p.uncommittedChanges} uncommitted changes` : ''}, taken ${String(p.snapshotAt).slice(11, 16)} UTC (every build of the run uses it).`,
    );
    out.push('');
  }
  out.push(
    `Cold builds per size (median taken): ${sizes.map((s) => `${num(s.n)}: ${s.repeats}`).join(', ')}. Each build gets a fresh Astro cache and output folder. “Bare” is bench/bare/: the same corpus's companies, one route, no layout features, MDX + remark-gfm + Pagefind.`,
  );
  out.push('');

  out.push('## Budgets');
  out.push('');
  out.push(table(['Budget', 'Limit', 'Measured', 'Result', 'Note'], report.budgets.map((b) => [b.budget, b.limit, b.measured, `**${b.result}**`, b.note || ''])));
  out.push('');

  out.push('## Builds (medians)');
  out.push('');
  out.push(
    table(
      ['N', 'Corpus (companies / libraries / tricks)', 'Pages ours / bare', 'Wall ours / bare', 'Wall ratio', 'ms/page ours', 'ms/page bare', 'ms/page ratio', 'Peak RSS ours / bare', 'RSS ratio', 'Load during builds'],
      sizes.map((s) => [
        num(s.n),
        `${num(s.corpus.companies)} / ${num(s.corpus.libraries)} / ${num(s.corpus.tricks)}`,
        `${num(s.site.pages)} / ${num(s.bare.pages)}`,
        `${sec(s.site.wallMs)} / ${sec(s.bare.wallMs)}`,
        x(s.ratios.wall),
        ms1(s.site.msPerPage),
        ms1(s.bare.msPerPage),
        x(s.ratios.msPerPage),
        `${mib(s.site.peakRssBytes)} / ${mib(s.bare.peakRssBytes)}`,
        x(s.ratios.peakRss),
        loadRange(s),
      ]),
    ),
  );
  out.push('');

  out.push('## Output');
  out.push('');
  out.push(
    table(
      ['N', 'Ours: size (files)', 'Ours: Pagefind index (files)', 'Bare: size (files)', 'Bare: Pagefind index (files)', 'Largest page of ours'],
      sizes.map((s) => {
        const o = s.site.output;
        const b = s.bare.output;
        const biggest = Object.entries(s.site.transfer ?? {})
          .filter(([, v]) => v)
          .sort((p, q) => q[1].htmlBytes - p[1].htmlBytes)[0];
        return [
          num(s.n),
          o ? `${mib(o.bytes)} (${num(o.files)})` : '–',
          o ? `${mib(o.pagefindBytes)} (${num(o.pagefindFiles)})` : '–',
          b ? `${mib(b.bytes)} (${num(b.files)})` : '–',
          b ? `${mib(b.pagefindBytes)} (${num(b.pagefindFiles)})` : '–',
          biggest ? `${biggest[0]}: ${mib(biggest[1].htmlBytes)} HTML` : '–',
        ];
      }),
    ),
  );
  out.push('');

  const kinds = ['home', 'company', 'library', 'trick', 'companies index', 'libraries index', 'tricks index', 'compare', 'search'];
  out.push('## Per-page transfer, first visit (gzip −6: HTML + CSS + JS; HTML alone in brackets)');
  out.push('');
  out.push(
    table(
      ['Page', ...sizes.map((s) => nLabel(s.n))],
      [
        ...kinds.map((kind) => [
          kind,
          ...sizes.map((s) => {
            const p = s.site.transfer?.[kind];
            return p ? `${kib(p.totalGzip)} (${kib(p.htmlGzip)})` : '–';
          }),
        ]),
        [
          'bare company page',
          ...sizes.map((s) => {
            const p = s.bare.transfer?.company;
            return p ? `${kib(p.totalGzip)} (${kib(p.htmlGzip)})` : '–';
          }),
        ],
      ],
    ),
  );
  out.push('');
  out.push('Median HTML (raw) over all pages of a kind, to see what grows with the corpus:');
  out.push('');
  out.push(
    table(
      ['Kind', ...sizes.map((s) => nLabel(s.n))],
      ['company', 'library', 'trick'].map((kind) => [
        kind,
        ...sizes.map((s) => {
          const p = s.site.pageSizes?.[kind];
          return p ? `${kib(p.medianHtmlBytes)} (max ${kib(p.maxHtmlBytes)})` : '–';
        }),
      ]),
    ),
  );
  out.push('');

  out.push('## Search in Chromium');
  out.push('');
  out.push(
    table(
      ['N', 'First query on /search/', 'Pagefind loaded by the page first?', 'Fetched for the first search, as served (requests)', '…if the host gzips', 'First searches, one reader per term, gzip: median / max (terms)', 'Cold, Pagefind alone: time, fetched', 'Warm on /search/: median / max (queries)', 'Warm, Pagefind defaults: median', 'Fewest results shown'],
      sizes.map((s) => {
        const q = s.site.search;
        if (!q) return [num(s.n), 'not run', '', '', '', '', '', '', '', ''];
        if (q.error) return [num(s.n), `error: ${q.error.split('\n')[0]}`, '', '', '', '', '', '', '', ''];
        return [
          num(s.n),
          `“${q.firstTerm}”: ${ms1(q.first.ms)} (${num(q.first.results)} hits)`,
          q.preloadedBySearchPage ? 'yes' : 'no',
          `${kib(q.first.transferredBytes)} (${q.first.requests})`,
          kib(q.first.gzipBytes),
          q.firsts ? `${kib(q.firstMedianGzipBytes)} / ${kib(q.firstMaxGzipBytes)} (${q.firsts.map((x) => x.term).join(', ')})` : '',
          `${ms1(q.cold.ms)}, ${kib(q.cold.transferredBytes)} (${q.cold.requests})`,
          `${ms1(q.warmMedianMs)} / ${ms1(q.warmMaxMs)} (${q.warm.length})`,
          ms1(q.cold.warmMedianMs),
          String(Math.min(q.first.shown, q.warmMinResults)),
        ];
      }),
    ),
  );
  out.push('');

  out.push('## Problems');
  out.push('');
  const problems = [...report.problems];
  const loads = [m.loadAverageAtStart?.[0], m.loadAverageAtEnd?.[0], ...sizes.flatMap((s) => [...(s.site.runs ?? []), ...(s.bare.runs ?? [])].map((r) => r.loadAverage))].filter(
    (l) => typeof l === 'number',
  );
  const busiest = loads.length ? Math.max(...loads) : 0;
  if (busiest > m.cpus) {
    problems.push(
      `The machine was shared: the 1-minute load average reached ${busiest.toFixed(1)} on ${m.cpus} CPUs, so absolute times (and the search times) are inflated and noisy; ours-vs-bare ratios less so, since both ran in the same conditions, alternating.`,
    );
  }
  out.push(problems.length ? problems.map((p) => `- ${p}`).join('\n') : 'None: every build and measurement completed.');
  out.push('');
  out.push('Timings are medians of cold builds on a machine that may be shared; the budgets judge ratios measured in the same run, except the search times. See bench/README.md for how each figure is measured.');
  out.push('');
  return out.join('\n');
}

// CLI: re-render the Markdown (and the budgets) from a results file, e.g. after changing this module.
//   node bench/report.mjs bench/results/latest.json
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile, writeFile } = await import('node:fs/promises');
  const file = process.argv[2] ?? new URL('results/latest.json', import.meta.url).pathname;
  const report = JSON.parse(await readFile(file, 'utf8'));
  report.budgets = budgetChecks(report);
  const markdown = renderMarkdown(report);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(file.replace(/\.json$/, '.md'), markdown);
  console.log(markdown);
}
