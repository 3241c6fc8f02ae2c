// Lists the sources with no publication date, by file: each should be a living document (a README,
// a docs page) rather than an article whose date was left out. The build prints how many there are.
import path from 'node:path';
import { config } from '../src/config.ts';
import { collectionNames } from '../src/lib/collections.ts';
import { readFrontmatterFiles } from '../src/node/content-files.ts';
import { undatedSources } from '../src/data/source-checks.ts';

const entries = collectionNames.flatMap((collection) =>
  readFrontmatterFiles(config.contentRoot, collection).map(({ file, data }) => ({
    file: path.relative(process.cwd(), file),
    sources: (Array.isArray(data['sources']) ? data['sources'] : []) as { id: string; url: string; date?: string }[],
  })),
);
const undated = undatedSources(entries);
console.log(undated.length ? `${undated.length} sources without a publication date:\n  ${undated.join('\n  ')}` : 'Every source has a publication date.');
