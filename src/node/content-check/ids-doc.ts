/**
 * docs/ids.md, written from the checked content on every build of the real content root, so the
 * list of ids an author may reference is never stale. Pure: returns the text.
 */
import type { CheckedEntry } from './index.ts';

interface Named {
  name?: string;
  title?: string;
  kind?: string;
  category?: string;
  aliases?: string[];
  libraries?: { library: string }[];
  scaleTricks?: { trick: string }[];
  companies?: string[];
  claim?: string;
  verdict?: string;
  article?: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function idsDocument(entries: readonly CheckedEntry[]): string {
  const of = (collection: CheckedEntry['collection']) =>
    entries.filter((e) => e.collection === collection).sort((a, b) => a.id.localeCompare(b.id));
  const companies = of('companies');
  const users = (field: 'libraries' | 'scaleTricks', key: 'library' | 'trick', id: string) =>
    companies
      .filter((c) => ((c.data as Named)[field] ?? []).some((use) => (use as Record<string, string>)[key] === id))
      .map((c) => c.id)
      .join(', ') || '—';

  const lines = [
    '# Entry ids (the full list; reference only these)',
    '',
    '<!-- Written by the build from content/ (src/node/content-check/ids-doc.ts): do not edit by hand. -->',
    '',
    '## companies (content/companies/<id>.mdx)',
    '| id | name | aliases |',
    '|---|---|---|',
    ...companies.map((e) => {
      const data = e.data as Named;
      return `| ${e.id} | ${cell(data.name ?? '')} | ${(data.aliases ?? []).join(', ') || '—'} |`;
    }),
    '',
    '## libraries (content/libraries/<id>.mdx)',
    '| id | name | kind | used by |',
    '|---|---|---|---|',
    ...of('libraries').map((e) => {
      const data = e.data as Named;
      return `| ${e.id} | ${cell(data.name ?? '')} | ${data.kind ?? ''} | ${users('libraries', 'library', e.id)} |`;
    }),
    '',
    '## tricks (content/tricks/<id>.mdx)',
    '| id | name | category | used by |',
    '|---|---|---|---|',
    ...of('tricks').map((e) => {
      const data = e.data as Named;
      return `| ${e.id} | ${cell(data.name ?? '')} | ${data.category ?? ''} | ${users('scaleTricks', 'trick', e.id)} |`;
    }),
    '',
    '## posts (content/posts/<id>.mdx)',
    '| id | title | companies |',
    '|---|---|---|',
    ...of('posts').map((e) => {
      const data = e.data as Named;
      return `| ${e.id} | ${cell(data.title ?? '')} | ${(data.companies ?? []).join(', ')} |`;
    }),
    '',
    '## claims (content/claims/<id>.mdx; an article shows one with `<Claim id="<id>" />`)',
    '| id | claim | verdict | companies | article |',
    '|---|---|---|---|---|',
    ...of('claims').map((e) => {
      const data = e.data as Named;
      return `| ${e.id} | ${cell(data.claim ?? '')} | ${data.verdict ?? ''} | ${(data.companies ?? []).join(', ')} | ${data.article ?? '—'} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
