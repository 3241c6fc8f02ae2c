// Lists, by file, the sources with no publication date (each should be a living document such as a
// README, not an article whose date was left out) and the sources not yet read against the claims
// that cite them (no `checked` day). The build prints how many of each there are.
import path from 'node:path';
import { config } from '../src/config.ts';
import { collectionNames } from '../src/lib/collections.ts';
import { readFrontmatterFiles } from '../src/node/content-files.ts';
import { uncheckedSources, undatedSources } from '../src/data/source-checks.ts';

const entries = collectionNames.flatMap((collection) =>
  readFrontmatterFiles(config.contentRoot, collection).map(({ file, data }) => ({
    file: path.relative(process.cwd(), file),
    sources: (Array.isArray(data['sources']) ? data['sources'] : []) as { id: string; url: string; date?: string; checked?: string }[],
  })),
);
for (const [what, list] of [
  ['without a publication date', undatedSources(entries)],
  ['not yet checked against their text (no `checked` day)', uncheckedSources(entries)],
] as const) {
  console.log(list.length ? `${list.length} sources ${what}:\n  ${list.join('\n  ')}\n` : `Every source has ${what.startsWith('without') ? 'a publication date' : 'a checked day'}.\n`);
}
