/**
 * /llms.txt (https://llmstxt.org/): the site's name, a one-paragraph summary, then one section of
 * Markdown links per kind of entry, each to the entry's Markdown version with its one-line summary and
 * its web page, and a short list of the data files. Pure, like the API documents, so it is unit-tested.
 */
import type { List, PhrasingContent, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { claimSentence } from '../lib/claims.ts';
import { claimVerdicts, type ClaimVerdict } from '../lib/vocabulary.ts';
import { CONTENT_LICENSE, SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-meta.ts';
import { paths, type SitePath } from '../lib/urls.ts';
import type { PageCollection } from '../lib/collections.ts';
import { apiPaths, type UrlOf } from './schemas.ts';

interface Named {
  id: string;
  data: { name: string; summary: string };
}

/** The parts of the catalog llms.txt lists, in the catalog's order. */
export interface LlmsInput {
  companies: readonly Named[];
  libraries: readonly Named[];
  tricks: readonly Named[];
  posts: readonly { id: string; data: { title: string; description: string } }[];
  claims: readonly { id: string; data: { claim: string; verdict: ClaimVerdict; companies: readonly string[] } }[];
  company(id: string): { data: { name: string } };
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] });

function linkList(items: readonly PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
  };
}

export function llmsTxt(input: LlmsInput, urlOf: UrlOf): string {
  const section = (title: string, items: readonly PhrasingContent[][]): RootContent[] => [
    { type: 'heading', depth: 2, children: [text(title)] },
    linkList(items),
  ];
  /** "- [Name](…/id.md): summary. [Web page](…/id/)" */
  const entry = (collection: PageCollection, id: string, name: string, summary: string): PhrasingContent[] => [
    link(urlOf(paths.markdown(collection, id)), name),
    text(`: ${summary} `),
    link(urlOf(paths.entry(collection, id)), 'Web page'),
  ];
  const data = (label: string, path: SitePath, note: string): PhrasingContent[] => [link(urlOf(path), label), text(`: ${note}`)];

  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(SITE_TITLE)] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [text(SITE_DESCRIPTION)] }] },
    {
      type: 'paragraph',
      children: [
        text(
          'Every statement is footnoted to its original source and every figure carries an "as of" date; popular claims are checked against the sources, with a verdict. ' +
            'Each entry below links to its Markdown version, which keeps the footnotes and names its web page. The text and data are ',
        ),
        link(CONTENT_LICENSE.url, CONTENT_LICENSE.name),
        text('.'),
      ],
    },
    ...section('Companies', input.companies.map((c) => entry('companies', c.id, c.data.name, c.data.summary))),
    ...section('Libraries', input.libraries.map((l) => entry('libraries', l.id, l.data.name, l.data.summary))),
    ...section('Scale tricks', input.tricks.map((t) => entry('tricks', t.id, t.data.name, t.data.summary))),
    ...section(
      'Claims',
      input.claims.map((claim) => [
        link(urlOf(paths.claim(claim.id)), claimSentence(claim.data.claim)),
        text(`: ${claimVerdicts[claim.data.verdict]}. About ${claim.data.companies.map((id) => input.company(id).data.name).join(', ')}.`),
      ]),
    ),
    ...section('Articles', input.posts.map((p) => entry('posts', p.id, p.data.title, p.data.description))),
    ...section('Data', [
      data('Companies (JSON)', apiPaths.companies(), 'every profile in brief, each with the URL of its full JSON document.'),
      data('Libraries (JSON)', apiPaths.libraries(), 'every library, with the companies that use it and how.'),
      data('Scale tricks (JSON)', apiPaths.tricks(), 'every trick, with the companies that use it and how.'),
      data('Claims (JSON)', apiPaths.claims(), 'every checked claim, its verdict, explanation and sources.'),
      data('Claims (CSV)', apiPaths.claimsCsv(), 'the same claims, one row each.'),
      data('Figures (CSV)', apiPaths.figuresCsv(), 'every scale figure with its "as of" date and source URL.'),
      data('Sitemap', paths.asset('sitemap-index.xml'), 'every web page, dated.'),
      data('RSS feed', paths.asset('rss.xml'), 'articles and profile updates.'),
    ]),
  ];
  return toMarkdown({ type: 'root', children }, { bullet: '-', listItemIndent: 'one' });
}
