/**
 * Synthetic corpus generator for the benchmark.
 *
 * Writes a content root shaped like content/ (companies/, libraries/, tricks/, posts/) into a folder
 * of your choice, never into content/. Everything is derived from a seeded PRNG, so the same N and
 * seed always give byte-identical files. Each entry gets its own PRNG stream (seeded by its id), so
 * company-00042 has the same text at N = 100 and N = 5,000; only the pools it links into differ.
 *
 * Shape (see docs/authoring.md and src/schemas/):
 * - companies: N, ids company-00001…, full frontmatter (role, 5–12 libraries, 3–8 tricks, figures,
 *   movedAway, timeline, 3–6 sources on example.org, an alias for one in 50), a ~750-word body in
 *   5–7 `##` sections with footnote citations of its own sources and links to libraries, tricks and
 *   other companies.
 * - libraries: max(40, N/10); tricks: max(20, N/20); each with sources and a cited body.
 * - posts: a handful, when the site has a posts collection.
 *
 * Text is drawn from a Zipf-distributed vocabulary (a few hundred real words, then a long tail of
 * made-up ones), so the search index sees a realistic number of distinct terms as N grows.
 *
 * CLI: node bench/corpus.mjs --n 20 --out /tmp/corpus [--seed 1] [--posts]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import * as vocabulary from '../src/lib/vocabulary.ts';
import { laterThan } from '../src/data/source-checks.ts';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hashString(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for text generation. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed, key) {
  const next = mulberry32(hashString(`${seed}:${key}`));
  const rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** k distinct items of list (k ≤ list.length). */
    sample: (list, k) => {
      const chosen = new Set();
      const out = [];
      while (out.length < Math.min(k, list.length)) {
        const i = Math.floor(next() * list.length);
        if (!chosen.has(i)) {
          chosen.add(i);
          out.push(list[i]);
        }
      }
      return out;
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const commonWords = `the of and to a in is that for it as with was on by be this are at from or an which
its but not have has had were their they more than when one all also into other these so can only
then after while team teams code service services python request requests server servers worker
workers process processes memory latency throughput cache caching queue queues database databases
traffic users user job jobs data pipeline pipelines model models test tests type types typing build
builds deploy deployment release releases performance runtime interpreter module modules library
libraries framework frameworks engineer engineers production scale scaling cluster clusters machine
machines thread threads event events loop loops task tasks call calls network storage index indexes
query queries schema schemas migration migrations monolith microservice microservices api apis
endpoint endpoints client clients backend frontend tooling tool tools lint linting static analysis
compiler compilers native extension extensions binding bindings garbage collection reference counting
copy write fork prefork async await coroutine coroutines gevent greenlet concurrency parallel
parallelism cpu core cores batch streaming stream streams schedule scheduler workflow workflows
notebook notebooks experiment experiments feature features training inference serving prediction
recommendation ranking search feed feeds media video image images upload uploads storage bucket
region regions datacenter datacenters fleet host hosts container containers kubernetes config
configuration monitoring metrics logging alert alerts incident incidents rollout rollback canary
shard shards sharding replica replicas proxy proxies load balancer balancing timeout retry retries
budget budgets cost costs saving savings percent million billion thousand year years month quarter
engineers reported described explained measured found showed moved rewrote replaced adopted built
kept ran runs running started stopped grew reduced improved doubled halved cut added removed wrote
annotated checked compiled profiled tuned benchmarked shipped migrated split merged owned maintained
large small fast slow faster slower safer simpler heavy light hot cold warm critical common shared
internal external open source public private early later first last new old legacy modern stable
because although however instead since until before during across between without within per each
most many few several every both either whole entire`.split(/\s+/).filter(Boolean);

const consonants = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'ch', 'sh', 'qu'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const codas = ['', '', '', 'n', 'r', 's', 'x', 'l', 'nd', 'rt'];

/** A made-up word from syllables, distinct for distinct n (a bijective-ish syllable encoding). */
function syllableWord(n, minSyllables = 2) {
  const parts = [];
  let rest = n;
  let count = 0;
  do {
    const c = consonants[rest % consonants.length];
    rest = Math.floor(rest / consonants.length);
    const v = vowels[rest % vowels.length];
    rest = Math.floor(rest / vowels.length);
    parts.push(c + v);
    count++;
  } while (rest > 0 || count < minSyllables);
  const coda = codas[n % codas.length];
  return parts.join('') + coda;
}

/** Real words first (most frequent), then a long tail of invented ones: ~30k distinct terms. */
function buildVocabulary() {
  const seen = new Set(commonWords);
  const words = [...new Set(commonWords)];
  let n = 0;
  while (words.length < 30000) {
    // Sequential codes keep invented words short (two syllables, 4–8 letters), like real ones.
    const word = syllableWord(n, 2);
    n++;
    // Library names are built from words 3,001 on (libraryName); a sentence starting with one would
    // name the library without linking it, which the content check refuses. Enough for 10,000 companies.
    if (n > 3000 && n <= 4001) continue;
    if (!seen.has(word) && /^[a-z]+$/.test(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // Zipf weights: rank r has weight 1 / r^1.07.
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / Math.pow(r + 1, 1.07);
    cdf[r] = total;
  }
  for (let r = 0; r < words.length; r++) cdf[r] /= total;
  return {
    words,
    draw(rng) {
      const x = rng.next();
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo];
    },
  };
}

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

// ---------------------------------------------------------------------------------------------
// Closed lists: the site's own

const roleAreas = Object.keys(vocabulary.roleAreas);
const libraryKinds = Object.keys(vocabulary.libraryKinds);
const trickCategories = Object.keys(vocabulary.trickCategories);
const languages = ['Python', 'Python and C', 'C++', 'Rust', 'Python and Cython', 'C'];
const publishers = ['Engineering Blog', 'PyCon US', 'EuroPython', 'Tech Talks', 'Conference Proceedings', 'Developer Weekly', 'Systems Journal'];
const companySuffixes = ['Labs', 'Systems', 'Cloud', 'Media', 'Networks', 'Data', 'Works', 'Group', 'Technologies', 'Social'];
const extraSections = ['Team and process', 'Open questions', 'Performance work', 'Hiring and community'];
const moveTargets = ['Go', 'Rust', 'C++', 'Java', 'Scala', 'Kotlin'];

export const pad = (n, width = 5) => String(n).padStart(width, '0');
export const companyId = (i) => `company-${pad(i)}`;
export const libraryId = (i) => `library-${pad(i, 4)}`;
export const trickId = (i) => `trick-${pad(i, 4)}`;

/** Pool sizes for a corpus of n companies. */
export function poolSizes(n) {
  return { libraries: Math.max(40, Math.round(n / 10)), tricks: Math.max(20, Math.round(n / 20)) };
}

const companyName = (i) => `${capitalize(syllableWord(i + 101, 2))} ${companySuffixes[i % companySuffixes.length]}`;
const libraryName = (i) => (i % 3 === 0 ? `py${syllableWord(i + 7, 2)}` : `${capitalize(syllableWord(i + 3000, 2))}${i % 3 === 1 ? 'DB' : ''}`);
const trickName = (i, rng) =>
  `${capitalize(rng.pick(['shared', 'layered', 'gradual', 'pre-forked', 'batched', 'sharded', 'compiled', 'cached', 'async']))} ${syllableWord(i + 9000, 2)} ${rng.pick(['workers', 'caches', 'pipelines', 'builds', 'indexes', 'rollouts', 'runtimes'])}`;

function partialDate(rng, fromYear = 2008, toYear = 2025) {
  const year = rng.int(fromYear, toYear);
  const shape = rng.int(0, 2);
  if (shape === 0) return String(year);
  const month = pad(rng.int(1, 12), 2);
  if (shape === 1) return `${year}-${month}`;
  return `${year}-${month}-${pad(rng.int(1, 28), 2)}`;
}

function makeSources(rng, vocab, prefix, count) {
  const ids = new Set();
  const sources = [];
  while (sources.length < count) {
    const id = `${prefix}-${vocab.draw(rng).replace(/[^a-z0-9]/g, '')}-${rng.int(1, 99)}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const source = {
      id,
      title: sentence(rng, vocab, rng.int(4, 9), { period: false }),
      publisher: rng.pick(publishers),
      url: `https://example.org/${prefix}/${id}/${rng.int(1000, 9999)}`,
    };
    if (rng.chance(0.85)) source.date = partialDate(rng);
    sources.push(source);
  }
  return sources;
}

/** A sentence of `words` words from the Zipf vocabulary, optionally with inline Markdown inserted. */
function sentence(rng, vocab, words, { period = true, insert } = {}) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(vocab.draw(rng));
  if (insert) out.splice(rng.int(1, Math.max(1, out.length - 1)), 0, insert);
  out[0] = capitalize(out[0]);
  return out.join(' ') + (period ? '.' : '');
}

/** A paragraph of about `words` words, every sentence ending with a footnote to one of `sources`. */
function paragraph(rng, vocab, words, sources, links = []) {
  const sentences = [];
  let written = 0;
  const queue = [...links];
  while (written < words) {
    const length = Math.min(rng.int(10, 24), Math.max(6, words - written));
    const insert = queue.length > 0 && rng.chance(0.6) ? queue.shift() : undefined;
    sentences.push(`${sentence(rng, vocab, length, { insert })}[^${rng.pick(sources).id}]`);
    written += length + (insert ? insert.split(' ').length : 0);
  }
  for (const link of queue) sentences.push(`${sentence(rng, vocab, rng.int(8, 14), { insert: link })}[^${rng.pick(sources).id}]`);
  return sentences.join(' ');
}

/** Splits `total` words over `parts` sections, each at least `min`. */
function splitWords(rng, total, parts, min = 60) {
  const weights = Array.from({ length: parts }, () => 0.6 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(min, Math.round((w / sum) * total)));
}

const frontmatter = (data) => `---\n${yaml.dump(data, { lineWidth: -1, noRefs: true })}---\n`;

// ---------------------------------------------------------------------------------------------
// Entries

function makeLibrary(i, seed, vocab) {
  const rng = makeRng(seed, libraryId(i));
  const sources = makeSources(rng, vocab, 'lib', rng.int(1, 3));
  const data = {
    name: libraryName(i),
    kind: rng.pick(libraryKinds),
    language: rng.pick(languages),
    homepage: `https://example.org/projects/${libraryId(i)}/`,
    summary: sentence(rng, vocab, rng.int(12, 22)),
    sources,
    reviewed: '2026-11-21',
  };
  const headings = ['What it is', 'How it works', 'Why it matters at scale', 'Trade-offs'].slice(0, rng.int(2, 4));
  const budget = splitWords(rng, rng.int(200, 400), headings.length, 50);
  const body = headings.map((h, k) => `## ${h}\n\n${paragraph(rng, vocab, budget[k], sources)}\n`).join('\n');
  return frontmatter(data) + '\n' + body;
}

function makeTrick(i, seed, vocab, pools) {
  const rng = makeRng(seed, trickId(i));
  const sources = makeSources(rng, vocab, 'trick', rng.int(1, 3));
  const data = {
    name: trickName(i, rng),
    summary: sentence(rng, vocab, rng.int(12, 22)),
    category: rng.pick(trickCategories),
    sources,
    reviewed: '2026-11-21',
  };
  const headings = ['The pattern', 'When it pays off', 'What it costs'];
  const budget = splitWords(rng, rng.int(250, 450), 3, 60);
  const libLinks = rng.sample(pools.libraries, 2).map((l) => `[${l.name}](/libraries/${l.id}/)`);
  const body = headings
    .map((h, k) => `## ${h}\n\n${paragraph(rng, vocab, budget[k], sources, k === 0 ? libLinks : [])}\n`)
    .join('\n');
  return frontmatter(data) + '\n' + body;
}

/**
 * A figure cannot be dated after the source that reports it (src/data/source-checks.ts): such a
 * figure takes its source's date instead. No extra random draws, so the rest of the corpus is as before.
 */
const noLaterThanSource = (sources) => (figure) => {
  const date = sources.find((s) => s.id === figure.source)?.date;
  return date && laterThan(figure.asOf, date) ? { ...figure, asOf: date } : figure;
};

function makeCompany(i, n, seed, vocab, pools) {
  const id = companyId(i);
  const rng = makeRng(seed, id);
  const name = companyName(i);
  const sources = makeSources(rng, vocab, 'src', rng.int(3, 6));
  const src = () => rng.pick(sources).id;
  const libs = rng.sample(pools.libraries, rng.int(5, 12));
  const tricks = rng.sample(pools.tricks, rng.int(3, 8));
  const timeline = Array.from({ length: rng.int(3, 8) }, () => ({ date: partialDate(rng), event: sentence(rng, vocab, rng.int(8, 16)), source: src() }));
  timeline.sort((a, b) => a.date.localeCompare(b.date));
  const data = {
    name,
    summary: sentence(rng, vocab, rng.int(15, 28)),
    aliases: i % 50 === 7 ? [`${id}-alias`] : [],
    role: { summary: sentence(rng, vocab, rng.int(12, 24)), areas: rng.sample(roleAreas, rng.int(1, 3)) },
    libraries: libs.map((l) => ({ library: l.id, use: sentence(rng, vocab, rng.int(10, 22)), source: src() })),
    scaleTricks: tricks.map((t) => ({ trick: t.id, how: sentence(rng, vocab, rng.int(10, 22)), source: src() })),
    figures: Array.from({ length: rng.int(2, 5) }, () => ({
      label: sentence(rng, vocab, rng.int(2, 5), { period: false }),
      value: rng.int(1, 9) * 10 ** rng.int(2, 9),
      unit: vocab.draw(rng),
      asOf: partialDate(rng, 2015, 2025),
      source: src(),
    })).map(noLaterThanSource(sources)),
    movedAway: Array.from({ length: rng.int(0, 2) }, () => ({
      what: sentence(rng, vocab, rng.int(3, 6), { period: false }),
      to: rng.pick(moveTargets),
      when: partialDate(rng, 2012, 2025),
      why: sentence(rng, vocab, rng.int(10, 20)),
      source: src(),
    })),
    timeline,
    sources,
    reviewed: '2026-11-21',
  };

  // 5–7 sections, ~750 words (±10%) in all.
  const extras = rng.sample(extraSections, rng.int(0, 2));
  const headings = ['What Python does here', 'Libraries and how they are used', 'Scale tricks', 'What moved away from Python', ...extras, 'Claims and what the sources show'];
  const budget = splitWords(rng, rng.int(640, 760), headings.length, 60);
  const others = n > 1 ? Array.from({ length: 2 }, () => companyId(((i - 1 + rng.int(1, n - 1)) % n) + 1)) : [];
  const sections = headings.map((heading, k) => {
    const words = budget[k];
    let text;
    if (heading === 'Libraries and how they are used') {
      // A ### per library for the first few, each linking to the library's page.
      const shown = libs.slice(0, rng.int(2, 4));
      const per = Math.max(30, Math.round(words / shown.length));
      text = shown
        .map((l) => `### ${l.name}\n\n${paragraph(rng, vocab, per, sources, [`[${l.name}](/libraries/${l.id}/)`])}`)
        .join('\n\n');
    } else if (heading === 'Scale tricks') {
      const links = tricks.slice(0, 3).map((t) => `[${t.name.toLowerCase()}](/tricks/${t.id}/)`);
      text = paragraph(rng, vocab, Math.round(words * 0.7), sources, links);
      const items = tricks.slice(0, 3).map((t) => `- **${t.name}**: ${sentence(rng, vocab, rng.int(6, 10))}[^${src()}]`);
      text += `\n\n${items.join('\n')}`;
    } else if (heading === 'Claims and what the sources show') {
      const claims = [];
      let left = words;
      while (left > 0) {
        const len = Math.min(left, rng.int(30, 50));
        claims.push(`**Often said: ${sentence(rng, vocab, rng.int(6, 10), { period: false }).toLowerCase()}.** ${paragraph(rng, vocab, len, sources)}`);
        left -= len + 8;
      }
      text = claims.join('\n\n');
    } else if (heading === 'What Python does here') {
      const half = Math.round(words / 2);
      const links = others.map((o) => `[a peer](/companies/${o}/)`);
      text = `${paragraph(rng, vocab, half, sources, links)}\n\n${paragraph(rng, vocab, words - half, sources)}`;
    } else {
      const first = Math.round(words * 0.55);
      text = `${paragraph(rng, vocab, first, sources)}\n\n${paragraph(rng, vocab, words - first, sources)}`;
      if (rng.chance(0.25)) {
        text += `\n\n| What | When | Figure |\n| --- | --- | ---: |\n${Array.from({ length: 3 }, () => `| ${vocab.draw(rng)} | ${partialDate(rng)} | ${rng.int(1, 999)} |`).join('\n')}`;
      }
    }
    return `## ${heading}\n\n${text}\n`;
  });
  return frontmatter(data) + '\n' + sections.join('\n');
}

function makePost(i, n, seed, vocab) {
  const rng = makeRng(seed, `post-${i}`);
  const sources = makeSources(rng, vocab, 'post', rng.int(2, 4));
  const companies = rng.sample(Array.from({ length: n }, (_, k) => companyId(k + 1)), Math.min(n, rng.int(2, 4)));
  const data = {
    title: sentence(rng, vocab, rng.int(4, 8), { period: false }),
    description: sentence(rng, vocab, rng.int(14, 24)),
    published: `2026-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
    companies,
    sources,
  };
  const links = companies.map((c) => `[this profile](/companies/${c}/#scale-tricks)`);
  const body = ['The question', 'What the profiles show', 'What follows']
    .map((h, k) => `## ${h}\n\n${paragraph(rng, vocab, rng.int(150, 250), sources, k === 1 ? links : [])}\n`)
    .join('\n');
  return frontmatter(data) + '\n' + body;
}

// ---------------------------------------------------------------------------------------------

/**
 * Writes a corpus of `n` companies (plus pools of libraries and tricks, and `posts` posts) into
 * `out`, which is emptied first. Returns counts and the names useful for search queries.
 */
export async function generateCorpus({ n, out, seed = 1, posts = 0 }) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, not ${n}`);
  const resolved = path.resolve(out);
  if (resolved === path.resolve('content') || resolved.endsWith(`${path.sep}content`)) {
    throw new Error(`Refusing to write a synthetic corpus into ${resolved}: pick a temporary folder.`);
  }
  await rm(resolved, { recursive: true, force: true });
  const vocab = buildVocabulary();
  const sizes = poolSizes(n);
  const pools = {
    libraries: Array.from({ length: sizes.libraries }, (_, k) => ({ id: libraryId(k + 1), name: libraryName(k + 1) })),
    tricks: Array.from({ length: sizes.tricks }, (_, k) => {
      const rng = makeRng(seed, trickId(k + 1));
      // The trick's name is the first thing drawn from its own stream, as in makeTrick.
      makeSources(rng, vocab, 'trick', rng.int(1, 3));
      return { id: trickId(k + 1), name: trickName(k + 1, rng) };
    }),
  };

  const folders = ['companies', 'libraries', 'tricks', 'posts'];
  await Promise.all(folders.map((f) => mkdir(path.join(resolved, f), { recursive: true })));

  let bytes = 0;
  let words = 0;
  const write = async (file, text) => {
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(resolved, file), text);
  };
  const batch = [];
  const flush = async () => {
    await Promise.all(batch.splice(0));
  };
  for (let k = 1; k <= sizes.libraries; k++) {
    batch.push(write(`libraries/${libraryId(k)}.mdx`, makeLibrary(k, seed, vocab)));
    if (batch.length >= 64) await flush();
  }
  for (let k = 1; k <= sizes.tricks; k++) {
    batch.push(write(`tricks/${trickId(k)}.mdx`, makeTrick(k, seed, vocab, pools)));
    if (batch.length >= 64) await flush();
  }
  for (let k = 1; k <= n; k++) {
    const text = makeCompany(k, n, seed, vocab, pools);
    if (k <= 50) words += text.split('\n---\n')[1].split(/\s+/).filter((w) => /[a-z]/i.test(w) && !w.startsWith('#')).length;
    batch.push(write(`companies/${companyId(k)}.mdx`, text));
    if (batch.length >= 64) await flush();
  }
  for (let k = 1; k <= posts; k++) batch.push(write(`posts/post-${pad(k, 3)}.mdx`, makePost(k, n, seed, vocab)));
  await flush();

  return {
    dir: resolved,
    companies: n,
    libraries: sizes.libraries,
    tricks: sizes.tricks,
    posts,
    bytes,
    /** Mean body words of the first (up to) 50 companies, markup stripped roughly. */
    meanCompanyBodyWords: Math.round(words / Math.min(n, 50)),
    sample: {
      company: { id: companyId(1), name: companyName(1) },
      library: pools.libraries[0],
      trick: pools.tricks[0],
    },
  };
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const result = await generateCorpus({
    n: Number(get('--n', '20')),
    out: get('--out', path.join(process.env.TMPDIR ?? '/tmp', 'pas-bench-corpus')),
    seed: Number(get('--seed', '1')),
    posts: args.includes('--posts') ? 5 : 0,
  });
  console.log(JSON.stringify(result, null, 2));
}
