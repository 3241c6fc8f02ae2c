// `npm run test:content`: the content check alone, as the build runs it first (src/integrations/
// content-check.ts): every problem in the content root, with file and line, in a few seconds.
// Also rewrites docs/ids.md for the project's content/. Exits 1 when there is a problem.
import path from 'node:path';
import { config } from '../src/config.ts';
import { runContentCheck } from '../src/integrations/content-check.ts';

const started = performance.now();
const report = runContentCheck({ contentRoot: config.contentRoot, idsFile: config.idsFile });
const where = path.relative(process.cwd(), config.contentRoot) || '.';
if (report) {
  console.error(report);
  process.exitCode = 1;
} else {
  console.log(`No content problems in ${where}/ (checked in ${((performance.now() - started) / 1000).toFixed(1)} s).`);
}
