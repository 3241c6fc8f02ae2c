// Adds every URL and section anchor the built site (dist/) publishes to ledger/published.json,
// keeping everything already there. Run after a deliberate change that publishes new pages or
// sections: `npm run build && npm run ledger:update`, then commit the ledger.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isPublishedPath, mergeLedger, publishedAnchors, type Ledger } from '../src/lib/ledger.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, process.env.PAS_OUT_DIR ?? 'dist');
const file = path.join(root, 'ledger', 'published.json');
if (!existsSync(dist)) throw new Error(`No built site at ${dist}: run \`npm run build\` first.`);

const published: Record<string, string[]> = {};
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
      continue;
    }
    let sitePath = `/${path.relative(dist, full).split(path.sep).join('/')}`;
    if (!isPublishedPath(sitePath)) continue;
    if (sitePath.endsWith('/index.html')) sitePath = sitePath.slice(0, -'index.html'.length);
    published[sitePath] = entry.name.endsWith('.html') ? publishedAnchors(readFileSync(full, 'utf8')) : [];
  }
};
walk(dist);

const current: Ledger = existsSync(file)
  ? (JSON.parse(readFileSync(file, 'utf8')) as Ledger)
  : {
      about:
        'Every URL and section anchor this site has published. Each must keep resolving, directly or through a redirect (tests/site/ledger.test.ts). Add new ones with `npm run ledger:update`; never delete one: redirect it instead.',
      urls: {},
    };
const { ledger, added } = mergeLedger(current, published);
writeFileSync(file, `${JSON.stringify(ledger, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} to the ledger:\n  ${added.join('\n  ')}` : 'The ledger already lists everything the site publishes.');
