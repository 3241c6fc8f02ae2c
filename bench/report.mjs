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

/** The size `n` if it was run, else the largest size run (marked as a stand-in). */
function pick(sizes, n) {
  const exact = sizes.find((s) => s.n === n);
  if (exact) return { size: exact, note: '' };
  const other = sizes.at(-1);
  return other ? { size: other, note: `measured at ${nLabel(other.n)} (${nLabel(n)} was not run${n === 5000 ? ': opt-in, `--sizes 100,1000,5000`' : ''})` } : { size: undefined, note: '' };
}

/** Two sizes to compare, `a` → `b`, or the two largest run as stand-ins. */
function pickPair(sizes, a, b) {
  const sa = sizes.find((s) => s.n === a);
  const sb = sizes.find((s) => s.n === b);
  if (sa && sb) return { a: sa, b: sb, note: '' };
  if (sizes.length < 2) return { a: undefined, b: undefined, note: '' };
  const [pa, pb] = sizes.slice(-2);
  return { a: pa, b: pb, note: `stand-in: ${nLabel(pa.n)} → ${nLabel(pb.n)} (${num(a)} and ${num(b)} were not both run)` };
}

/** Our whole build per company ÷ bare Astro's, at size `n`: what an author waits, against a bare site. */
const buildPerEntry = (n) => ({
  id: `build-per-entry-vs-bare-${n}`,
  budget: `Whole build time per company ÷ bare Astro's, at ${nLabel(n)}`,
  limit: 1.5,
  limitText: '≤ 1.5×',
  measure: ({ sizes }) => {
    const { size, note } = pick(sizes, n);
    const r = size?.ratios.wall;
    if (r == null) return null;
    const perEntry = (v) => ms1(v.wallMs / size.corpus.companies);
    return {
      value: r,
      text: `${x(r)} at ${nLabel(size.n)} (${perEntry(size.site)} vs ${perEntry(size.bare)} per company; ${sec(size.site.wallMs)} vs ${sec(size.bare.wallMs)} for ${num(size.site.pages)} vs ${num(size.bare.pages)} pages)`,
      note,
    };
  },
});

/**
 * The budgets, each judged on a figure from this run: `measure` returns the value compared with
 * `limit` (≤ passes) and the text to print, or null when the run has no such figure.
 */
export const budgets = [
  {
    id: 'company-page-weight',
    budget: 'Synthetic company page, gzip HTML + CSS + JS',
    limit: 15 * KiB,
    limitText: '≤ 15 KiB',
    measure: ({ sizes }) => {
      const { size, note } = pick(sizes, 5000);
      const t = size?.site.transfer?.company;
      if (!t) return null;
      const worst = Math.max(...sizes.map((s) => s.site.transfer?.company?.totalGzip ?? 0));
      return { value: worst, text: `${kib(t.totalGzip)} at ${nLabel(size.n)} (largest over all N: ${kib(worst)})`, note };
    },
  },
  {
    id: 'real-profile-beyond-words',
    budget: 'Real profiles (content/companies): gzip HTML + CSS + JS up front minus the gzip of the visible text, largest',
    limit: 8 * KiB,
    limitText: '≤ 8 KiB',
    measure: ({ realContent }) => {
      const profiles = realContent?.profiles?.filter((p) => p.beyondWordsGzip != null);
      if (!profiles?.length) return null;
      const sorted = [...profiles].sort((p, q) => q.beyondWordsGzip - p.beyondWordsGzip);
      const [worst] = sorted;
      const least = sorted.at(-1);
      return {
        value: worst.beyondWordsGzip,
        text: `${kib(worst.beyondWordsGzip)} on ${worst.id} (${kib(worst.totalGzip)} up front, ${kib(worst.textGzip)} of words); ${kib(least.beyondWordsGzip)} on ${least.id}, the least of ${profiles.length}`,
        note: '',
      };
    },
  },
  buildPerEntry(1000),
  buildPerEntry(5000),
  {
    id: 'ms-per-page-scaling',
    budget: 'Our ms/page at 5,000 ÷ at 1,000',
    limit: 1.2,
    limitText: '≤ 1.2×',
    measure: ({ sizes }) => {
      const { a, b, note } = pickPair(sizes, 1000, 5000);
      if (!a?.site.msPerPage || !b?.site.msPerPage) return null;
      const r = b.site.msPerPage / a.site.msPerPage;
      return { value: r, text: `${x(r)} (${ms1(b.site.msPerPage)} vs ${ms1(a.site.msPerPage)})`, note };
    },
  },
  {
    id: 'memory-vs-bare',
    budget: 'Our peak RSS ÷ bare Astro peak RSS',
    limit: 1.2,
    limitText: '≤ 1.2×',
    measure: ({ sizes }) => {
      const { size, note } = pick(sizes, 5000);
      const r = size?.ratios.peakRss;
      if (r == null) return null;
      return { value: r, text: `${x(r)} at ${nLabel(size.n)} (${mib(size.site.peakRssBytes)} vs ${mib(size.bare.peakRssBytes)})`, note };
    },
  },
  {
    id: 'first-search-vs-floor',
    budget: "First search on /search/ (gzip, beyond the page itself, five results loaded) ÷ Pagefind's own floor for the same term (script, WebAssembly, metadata, one chunk)",
    limit: 1.2,
    limitText: '≤ 1.2×',
    measure: ({ sizes }) => {
      const { size, note } = pick(sizes, 5000);
      const q = size?.site.search;
      if (q?.firstVsFloorMedian == null) return null;
      return {
        value: q.firstVsFloorMedian,
        text: `${x(q.firstVsFloorMedian)} at ${nLabel(size.n)}, median of ${q.floors.length} terms (largest ${x(q.firstVsFloorMax)}): ${kib(q.firstMedianGzipBytes)} against ${kib(q.floorMedianGzipBytes)}`,
        note,
      };
    },
  },
  {
    id: 'warm-query-vs-pagefind',
    budget: "Warm query to five results loaded ÷ Pagefind's default search on the same index (medians of the same terms)",
    limit: 1.0,
    limitText: '≤ 1.0×',
    measure: ({ sizes }) => {
      const { size, note } = pick(sizes, 5000);
      const q = size?.site.search;
      if (q?.warmVsPagefindDefaults == null) return null;
      const fewer = q.warmMinResults < 5;
      return {
        value: q.warmVsPagefindDefaults,
        text: `${x(q.warmVsPagefindDefaults)} at ${nLabel(size.n)} (${ms1(q.warmMedianMs)} vs ${ms1(q.cold.warmMedianMs)})${fewer ? `; a query showed only ${q.warmMinResults} results` : ''}`,
        fail: fewer,
        note,
      };
    },
  },
  {
    id: 'no-page-growth',
    budget: 'Company page HTML, median over pages, largest N ÷ smallest N',
    limit: 1.05,
    limitText: '≤ 1.05×',
    measure: ({ sizes }) => {
      const a = sizes[0];
      const b = sizes.at(-1);
      const ca = a?.site.pageSizes?.company;
      const cb = b?.site.pageSizes?.company;
      if (a === b || !ca || !cb) return null;
      const r = cb.medianHtmlBytes / ca.medianHtmlBytes;
      const ta = a.site.transfer?.company;
      const tb = b.site.transfer?.company;
      return {
        value: r,
        text: `${x(r)} (${kib(cb.medianHtmlBytes)} at ${nLabel(b.n)} vs ${kib(ca.medianHtmlBytes)} at ${nLabel(a.n)}; ${ta?.path}: ${kib(tb?.htmlBytes)} vs ${kib(ta?.htmlBytes)})`,
        note: a.n !== 100 || b.n !== 5000 ? `measured ${nLabel(a.n)} → ${nLabel(b.n)}` : '',
      };
    },
  },
  {
    id: 'bench-duration',
    budget: 'Whole bench run',
    limit: 10 * 60 * 1000,
    limitText: '≤ 10 min',
    // Only the default sizes are held to ten minutes.
    measure: (report) => (report.mode === 'full' ? { value: report.durationMs, text: sec(report.durationMs), note: '' } : { value: null, text: sec(report.durationMs), note: 'not judged for a quick run' }),
  },
];

export function budgetChecks(report) {
  return budgets.map(({ id, budget, limit, limitText, measure }) => {
    const m = measure(report);
    const judged = m?.value != null;
    return {
      id,
      budget,
      limit: limitText,
      measured: m?.text ?? 'not measured',
      result: judged ? (m.value <= limit && !m.fail ? 'PASS' : 'FAIL') : 'n/a',
      note: m?.note ?? '',
    };
  });
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
      ['N', 'Corpus (companies / libraries / tricks)', 'Pages ours / bare', 'Wall ours / bare', 'Per company ours / bare', 'Wall ratio', 'ms/page ours', 'ms/page bare', 'ms/page ratio', 'Peak RSS ours / bare', 'RSS ratio', 'Load during builds'],
      sizes.map((s) => [
        num(s.n),
        `${num(s.corpus.companies)} / ${num(s.corpus.libraries)} / ${num(s.corpus.tricks)}`,
        `${num(s.site.pages)} / ${num(s.bare.pages)}`,
        `${sec(s.site.wallMs)} / ${sec(s.bare.wallMs)}`,
        s.site.wallMs != null && s.bare.wallMs != null ? `${ms1(s.site.wallMs / s.corpus.companies)} / ${ms1(s.bare.wallMs / s.corpus.companies)}` : '–',
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
  const cached = sizes.filter((s) => s.siteCardsCached);
  if (cached.length > 0) {
    out.push('Ours again with the social cards already in the cache (everything else cold), as a host that keeps the cache folder between builds, or an author\'s next build, pays it. Reported, not judged: the budgets judge the cold build.');
    out.push('');
    out.push(
      table(
        ['N', 'Wall ours (cards cached) / bare', 'Per company ours / bare', 'Ratio', 'Load after'],
        cached.map((s) => {
          const c = s.siteCardsCached;
          if (c.wallMs == null) return [num(s.n), 'failed', '–', '–', '–'];
          return [num(s.n), `${sec(c.wallMs)} / ${sec(s.bare.wallMs)}`, `${ms1(c.wallMs / s.corpus.companies)} / ${ms1(s.bare.wallMs / s.corpus.companies)}`, x(s.bare.wallMs ? c.wallMs / s.bare.wallMs : null), c.loadAverage.toFixed(1)];
        }),
      ),
    );
    out.push('');
  }

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

  const real = report.realContent;
  if (real) {
    out.push('## Real profiles (content/companies), cost beyond their words');
    out.push('');
    if (real.error) {
      out.push(`The real content's build failed: ${real.error.split('\n')[0]}`);
    } else {
      out.push(
        `One build of the real content (${sec(real.wallMs)}, ${num(real.pages)} pages). Up front is what a first visit transfers (HTML + CSS + JS, gzip −6 each); words is the gzip of the page's visible text (body without scripts, styles, templates and \`hidden\` elements).`,
      );
      out.push('');
      out.push(
        table(
          ['Profile', 'Up front (HTML / CSS / JS)', 'Visible text: characters, gzip', 'Beyond the words'],
          real.profiles
            .filter((p) => !p.missing)
            .sort((p, q) => q.beyondWordsGzip - p.beyondWordsGzip)
            .map((p) => [p.id, `${kib(p.totalGzip)} (${kib(p.htmlGzip)} / ${kib(p.cssGzip)} / ${kib(p.jsGzip)})`, `${num(p.textChars)}, ${kib(p.textGzip)}`, kib(p.beyondWordsGzip)]),
        ),
      );
      const worst = real.parts && real.profiles.find((p) => p.id === real.parts.id);
      if (worst) {
        out.push('');
        out.push(`### Where the bytes go on ${worst.id}`);
        out.push('');
        out.push(
          'Each row is what the HTML\'s gzip loses when that part alone is removed, and how much of it is beyond the part\'s own visible words. Parts overlap and gzip shares context between them, so the rows do not add up to the page. Scripts are files, each gzipped alone.',
        );
        out.push('');
        out.push(
          table(
            ['Part', 'Elements', 'gzip', 'Beyond its words'],
            [
              ...[...real.parts.rows].sort((a, b) => b.beyondWords - a.beyondWords).map((r) => [r.label, num(r.count), kib(r.gzip), kib(r.beyondWords)]),
              ...(worst.scripts ?? []).map((s) => [`Script ${s.path.split('/').pop().replace(/\.astro_astro_type_script_index_\d+_lang/, '').replace(/\.[\w-]{8}\.js$/, '.js')}`, '1', kib(s.gzip), kib(s.gzip)]),
            ],
          ),
        );
      }
    }
    out.push('');
  }

  out.push('## Search in Chromium');
  out.push('');
  out.push(
    table(
      ['N', 'First query on /search/', 'Pagefind loaded by the page first?', 'Fetched for the first search, as served (requests)', '…if the host gzips', 'First searches, one reader per term, gzip: median / max (terms)', "Pagefind's floor, gzip: median (ratio median / max)", 'Cold, Pagefind alone: time, fetched', 'Warm on /search/: median / max (queries)', 'Warm, Pagefind defaults: median (ratio)', 'Fewest results shown'],
      sizes.map((s) => {
        const q = s.site.search;
        const blank = Array(9).fill('');
        if (!q) return [num(s.n), 'not run', ...blank];
        if (q.error) return [num(s.n), `error: ${q.error.split('\n')[0]}`, ...blank];
        return [
          num(s.n),
          `“${q.firstTerm}”: ${ms1(q.first.ms)} (${num(q.first.results)} hits)`,
          q.preloadedBySearchPage ? 'yes' : 'no',
          `${kib(q.first.transferredBytes)} (${q.first.requests})`,
          kib(q.first.gzipBytes),
          q.firsts ? `${kib(q.firstMedianGzipBytes)} / ${kib(q.firstMaxGzipBytes)} (${q.firsts.map((x) => x.term).join(', ')})` : '',
          q.floors ? `${kib(q.floorMedianGzipBytes)} (${x(q.firstVsFloorMedian)} / ${x(q.firstVsFloorMax)})` : '–',
          `${ms1(q.cold.ms)}, ${kib(q.cold.transferredBytes)} (${q.cold.requests})`,
          `${ms1(q.warmMedianMs)} / ${ms1(q.warmMaxMs)} (${q.warm.length})`,
          `${ms1(q.cold.warmMedianMs)}${q.warmVsPagefindDefaults != null ? ` (${x(q.warmVsPagefindDefaults)})` : ''}`,
          String(Math.min(q.first.shown, q.warmMinResults)),
        ];
      }),
    ),
  );
  out.push('');

  out.push('## Problems');
  out.push('');
  const problems = [...report.problems];
  const loads = [m.loadAverageAtStart?.[0], m.loadAverageAtEnd?.[0], report.realContent?.loadAverage, ...sizes.flatMap((s) => [...(s.site.runs ?? []), ...(s.bare.runs ?? [])].map((r) => r.loadAverage))].filter(
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
  out.push('Timings are medians of cold builds on a machine that may be shared; the time budgets judge ratios measured in the same run (ours against bare Astro, ours against Pagefind’s defaults), never absolute times. See bench/README.md for how each figure is measured.');
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
