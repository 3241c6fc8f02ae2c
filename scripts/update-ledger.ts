// Adds every URL and section anchor the built site (dist/) publishes to ledger/published.json,
// keeping everything already there. Run after a deliberate change that publishes new pages or
// sections: `npm run build && npm run ledger:update`, then commit the ledger.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../src/config.ts';
import { builtFiles } from '../src/node/built-site.ts';
import { isPublishedPath, mergeLedger, publishedAnchors, type Ledger } from '../src/node/ledger.ts';

const dist = config.outDir;
const file = path.resolve('ledger', 'published.json');
if (!existsSync(dist)) throw new Error(`No built site at ${dist}: run \`npm run build\` first.`);

const published: Record<string, string[]> = {};
for (const built of builtFiles(dist)) {
  if (isPublishedPath(built.sitePath)) published[built.sitePath] = built.html ? publishedAnchors(readFileSync(path.join(dist, built.relative), 'utf8')) : [];
}

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
