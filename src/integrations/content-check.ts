/**
 * Runs the content check (src/node/content-check/) at config setup, before Astro's content layer
 * reads a file, so that every content problem of a build is reported at once with file and line,
 * and YAML's date conversion never gets to roll an impossible day into the next month. A build
 * fails; `astro dev` prints the report and keeps serving, so an author can fix files one by one.
 * For the project's own content/, it also rewrites docs/ids.md from what it read.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatContentProblems, type CheckedEntry } from '../node/content-check/index.ts';
import { idsDocument } from '../node/content-check/ids-doc.ts';

export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
}

export interface ContentCheckOptions {
  contentRoot: string;
  /** Where to write the list of ids (docs/ids.md), or nothing for fixture content. */
  idsFile?: string | undefined;
  /** Given the checked entries when there are no problems: the social cards start from them. */
  onChecked?: ((entries: readonly CheckedEntry[]) => void) | undefined;
}

/** Runs the check; writes the ids file when there are no problems. Returns the report, or undefined when all is well. */
export function runContentCheck({ contentRoot, idsFile, onChecked }: ContentCheckOptions): string | undefined {
  const { problems, entries } = checkContent(contentRoot);
  if (problems.length > 0) return formatContentProblems(problems);
  onChecked?.(entries);
  if (idsFile) {
    const text = idsDocument(entries);
    if (!existsSync(idsFile) || readFileSync(idsFile, 'utf8') !== text) writeFileSync(idsFile, text);
  }
  return undefined;
}

export default function contentCheck(options: ContentCheckOptions): AstroIntegration {
  let command: string | undefined;
  return {
    name: 'python-at-scale:content-check',
    hooks: {
      'astro:config:setup': (params) => {
        command = params.command;
      },
      // After every integration's setup (so the atomic output can say what it kept), before content sync.
      'astro:config:done': ({ logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const report = runContentCheck(options);
        if (!report) {
          logger.info(`Content checked in ${Math.round(performance.now() - started)} ms: no problems in ${path.relative(process.cwd(), options.contentRoot) || '.'}/.`);
          return;
        }
        if (command === 'dev') {
          logger.error(`Content problems (the dev server keeps running; fix them before you build):\n\n${report}`);
          return;
        }
        const error = new ContentProblemsError(`Content problems stop the build:\n\n${report}`);
        // The stack would point at this file, not at the content: the report already names every file and line.
        error.stack = '';
        throw error;
      },
    },
  };
}
