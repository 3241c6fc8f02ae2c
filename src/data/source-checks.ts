/**
 * The mechanical part of fact-checking, run on every build: each source is cited by some claim,
 * points at a document rather than a category or tag page, and no figure is dated after the
 * source that reports it was published.
 */
import type { ReferenceProblem } from './references.ts';

export interface SourcedEntry {
  file: string;
  sources: readonly { id: string; url: string; date?: string | undefined; checked?: string | undefined }[];
  /** The source ids that claims cite: footnote labels in the body and `source:` in frontmatter rows. */
  cited: ReadonlySet<string>;
  figures?: readonly { asOf: string; source: string }[];
}

const citationPattern = /\[\^([^\]\s]+)\]/g;

/** The footnote labels a body cites. */
export function citedInBody(body: string | undefined): string[] {
  return [...(body ?? '').matchAll(citationPattern)].map((match) => match[1]!);
}

/**
 * Paths and queries that list documents rather than being one: a blog's category, tag, topic or
 * archive (the keyword and at most one segment after it, so `/topics/company/thank-you-guido` is an
 * article), an author's page, page N of a listing. A GitHub release (`/releases/tag/v1`) is a document.
 */
const listingPatterns: [RegExp, string][] = [
  [/\/(?:category|categories)(?:\/[^/]+)?\/?$/i, 'a category page'],
  [/(?<!\/releases)\/(?:tag|tags|tagged)(?:\/[^/]+)?\/?$/i, 'a tag page'],
  [/\/(?:topic|topics)(?:\/[^/]+)?\/?$/i, 'a topic page'],
  [/\/(?:archive|archives)(?:\/[^/]+)?\/?$/i, 'an archive page'],
  [/\/(?:author|authors)\/[^/]+\/?$/i, "an author's page"],
  [/\/page\/\d+\/?$/i, 'a numbered listing page'],
];
const listingQuery = /^(?:cat|category|tag|topic)$/i;

/** Why a URL looks like a listing of documents rather than a document, or undefined. */
export function listingPage(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  for (const [pattern, what] of listingPatterns) if (pattern.test(parsed.pathname)) return what;
  for (const key of parsed.searchParams.keys()) if (listingQuery.test(key)) return 'a filtered listing';
  return undefined;
}

/** True when the partial date `a` ("2021", "2021-03", "2021-03-04") lies after `b`, compared at the coarser of the two. */
export function laterThan(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

export function checkSources(entries: readonly SourcedEntry[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const { file, sources, cited, figures = [] } of entries) {
    const byId = new Map(sources.map((source) => [source.id, source]));
    sources.forEach((source, i) => {
      if (!cited.has(source.id)) {
        problems.push({
          file,
          field: `sources[${i}].id`,
          value: source.id,
          message:
            `source "${source.id}" is cited by no claim: no footnote [^${source.id}] in the body and no row's \`source:\`. ` +
            'Fix: cite it after the sentence it supports, or remove it.',
        });
      }
      const listing = listingPage(source.url);
      if (listing) {
        problems.push({
          file,
          field: `sources[${i}].url`,
          value: source.url,
          message: `"${source.url}" looks like ${listing}, not a document. Fix: cite the article, talk or README itself.`,
        });
      }
    });
    figures.forEach((figure, i) => {
      const date = byId.get(figure.source)?.date;
      if (date && laterThan(figure.asOf, date)) {
        problems.push({
          file,
          field: `figures[${i}].asOf`,
          value: figure.asOf,
          message:
            `"${figure.asOf}" is later than its source "${figure.source}", published "${date}": a source cannot give a figure as of a date after it appeared. ` +
            'Fix: use the date the source gives for the figure, or cite the later source that reports it.',
        });
      }
    });
  }
  return problems;
}

/** The sources with no publication date, for the build to name: allowed only for living documents such as a README. */
export function undatedSources(entries: readonly Pick<SourcedEntry, 'file' | 'sources'>[]): string[] {
  return entries.flatMap(({ file, sources }) => sources.filter((source) => !source.date).map((source) => `${source.id} (${file})`));
}

/** The sources nobody has yet read against the claims that cite them. */
export function uncheckedSources(entries: readonly Pick<SourcedEntry, 'file' | 'sources'>[]): string[] {
  return entries.flatMap(({ file, sources }) => sources.filter((source) => !source.checked).map((source) => `${source.id} (${file})`));
}
