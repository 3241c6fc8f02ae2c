// Opt-in: asks every source URL cited in content/ whether it still answers, and lists the ones that
// do not, by file. Needs the network, so it is not part of `npm test` (CI has none).
// `npm run check:sources` (add `-- --timeout 15000` to wait longer per URL).
import path from 'node:path';
import { config } from '../src/config.ts';
import { readFrontmatterFiles } from '../src/node/content-files.ts';
import { collectionNames } from '../src/lib/collections.ts';

const timeoutArg = process.argv.indexOf('--timeout');
const timeout = timeoutArg > 0 ? Number(process.argv[timeoutArg + 1]) : 10_000;

/** URL → the files that cite it: every source's url and every library's homepage. */
const cited = new Map<string, Set<string>>();
for (const collection of collectionNames) {
  for (const { file, data } of readFrontmatterFiles(config.contentRoot, collection)) {
    const sources = Array.isArray(data['sources']) ? (data['sources'] as { url?: unknown }[]) : [];
    for (const url of [data['homepage'], ...sources.map((source) => source.url)]) {
      if (typeof url !== 'string') continue;
      const files = cited.get(url) ?? new Set<string>();
      files.add(path.relative(process.cwd(), file));
      cited.set(url, files);
    }
  }
}

async function answers(url: string): Promise<string | undefined> {
  for (const method of ['HEAD', 'GET'] as const) {
    try {
      const response = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeout) });
      if (response.ok) return undefined;
      // Some servers refuse HEAD; ask again with GET before calling the URL broken.
      if (method === 'GET' || ![403, 405, 501].includes(response.status)) return `HTTP ${response.status}`;
    } catch (error) {
      if (method === 'GET') return error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
    }
  }
  return undefined;
}

const urls = [...cited.keys()].sort();
console.log(`Checking ${urls.length} source URLs (timeout ${timeout} ms each)…`);
const failures: string[] = [];
const queue = [...urls];
await Promise.all(
  Array.from({ length: 6 }, async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const problem = await answers(url);
      if (problem) failures.push(`${url}: ${problem}\n    cited in ${[...cited.get(url)!].join(', ')}`);
    }
  }),
);
if (failures.length > 0) {
  console.log(`${failures.length} of ${urls.length} source URLs did not answer:\n  ${failures.sort().join('\n  ')}`);
  process.exit(1);
}
console.log(`All ${urls.length} source URLs answered.`);
