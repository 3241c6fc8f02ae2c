/**
 * Entry pages as Markdown (`/companies/<id>.md` and the like), for readers and language models that
 * want the text without the page: the same facts, each row and sentence footnoted to its source,
 * every "as of" date kept, every link absolute. Pure functions of the catalog's data, without Astro,
 * so they are unit-tested (tests/unit/markdown.test.ts). Bodies are parsed as MDX into mdast and
 * written back by remark's own serializer, so footnotes, tables and links keep their structure.
 */
import type {
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  Link,
  List,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
} from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { SKIP, visit } from 'unist-util-visit';
import type { CompanyData, LibraryUse, TrickUse } from '../schemas/company.ts';
import type { LibraryData } from '../schemas/library.ts';
import type { TrickData } from '../schemas/trick.ts';
import type { PostData } from '../schemas/post.ts';
import type { ClaimData } from '../schemas/claim.ts';
import { citationContent, citationsFromText } from '../markdown/remark-cite-sources.ts';
import { formatDate, formatFigure, formatPartialDate, isoDate } from '../lib/format.ts';
import { claimVerdicts, libraryKinds, roleAreas, trickCategories } from '../lib/vocabulary.ts';
import { CONTENT_LICENSE } from '../lib/site-meta.ts';
import { absoluteUrl, normaliseBase, paths, type SitePath } from '../lib/urls.ts';
import { apiPaths } from './schemas.ts';

/** A source as entries list it; footnote definitions are written from it. */
export interface SourceLike {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date?: string | undefined;
}

/** A checked claim, as a profile's `<Claims />` or an article's `<Claim />` shows it. */
export interface MarkdownClaim {
  id: string;
  data: Pick<ClaimData, 'claim' | 'verdict' | 'rerated' | 'circulates' | 'sources'>;
  body?: string | undefined;
}

interface Entry<T> {
  id: string;
  data: T;
  body?: string | undefined;
}

/**
 * The parts of the catalog (src/data/catalog.ts) the Markdown is built from, described structurally so
 * that these functions run without Astro's content layer.
 */
export interface MarkdownInput {
  company(id: string): Entry<CompanyData>;
  library(id: string): Entry<LibraryData>;
  trick(id: string): Entry<TrickData>;
  post(id: string): Entry<PostData>;
  claim(id: string): MarkdownClaim;
  /** The claims a profile's `<Claims />` shows. */
  claimsAbout(companyId: string): readonly MarkdownClaim[];
  libraryUsers(id: string): readonly { company: { id: string }; use: LibraryUse }[];
  trickUsers(id: string): readonly { company: { id: string }; use: TrickUse }[];
}

/** Where the site is published: astro.config's `site` and `base`. */
export interface MarkdownSite {
  site: string | URL;
  base: string;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  // Unpadded tables: a long cell would otherwise pad every row of its column to its width.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, listItemIndent: 'one', rule: '-' });

// ---------------------------------------------------------------------------------------------
// mdast builders

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const link = (url: string, label: string): Link => ({ type: 'link', url, children: [text(label)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: Heading['depth'], label: string): Heading => ({ type: 'heading', depth, children: [text(label)] });
const reference = (label: string): FootnoteReference => ({ type: 'footnoteReference', identifier: label.toLowerCase(), label });

function list(items: readonly PhrasingContent[][]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(...item)] })) };
}

function table(header: readonly string[], rows: readonly PhrasingContent[][][]): Table {
  const row = (cells: readonly PhrasingContent[][]) => ({ type: 'tableRow' as const, children: cells.map((children): TableCell => ({ type: 'tableCell', children })) });
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => [text(h)])), ...rows.map(row)] };
}

/** Items joined as prose: "a, b, c". */
function joined(items: readonly PhrasingContent[], separator = ', '): PhrasingContent[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [text(separator), item]));
}

// ---------------------------------------------------------------------------------------------
// Footnotes

/**
 * The footnotes of one Markdown page. The page's own sources keep their ids as labels; a source cited
 * by a claim or a company's usage row reuses the page's footnote when it is the same URL, and otherwise
 * gets a label namespaced by the claim or company id, so two labels never collide.
 */
export class Footnotes {
  readonly #labelOfUrl = new Map<string, string>();
  readonly #pageSources = new Map<string, SourceLike>();
  readonly #taken = new Set<string>();
  readonly #definitions = new Map<string, FootnoteDefinition>();

  constructor(pageSources: readonly SourceLike[]) {
    for (const source of pageSources) {
      if (!this.#labelOfUrl.has(source.url)) {
        this.#labelOfUrl.set(source.url, source.id);
        this.#pageSources.set(source.url, source);
      }
      this.#taken.add(source.id.toLowerCase());
    }
  }

  #free(wanted: string): string {
    let label = wanted;
    for (let n = 2; this.#taken.has(label.toLowerCase()); n += 1) label = `${wanted}-${n}`;
    this.#taken.add(label.toLowerCase());
    return label;
  }

  /** The label citing a source, its definition written from the source. */
  cite(source: SourceLike, namespace?: string): string {
    let label = this.#labelOfUrl.get(source.url);
    if (!label) {
      label = this.#free(namespace ? `${namespace}-${source.id}` : source.id);
      this.#labelOfUrl.set(source.url, label);
    }
    if (!this.#definitions.has(label)) {
      this.#definitions.set(label, { type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: [paragraph(...citationContent(this.#pageSources.get(source.url) ?? source))] });
    }
    return label;
  }

  /** The label of a note written by hand in a body (`[^aside]: …`), namespaced inside a claim. */
  note(definition: FootnoteDefinition, namespace?: string): string {
    const label = this.#free(namespace ? `${namespace}-${definition.label ?? definition.identifier}` : (definition.label ?? definition.identifier));
    this.#definitions.set(label, { ...definition, identifier: label.toLowerCase(), label });
    return label;
  }

  /** The definitions the tree cites, in the order they are first cited. */
  definitionsFor(tree: Root): FootnoteDefinition[] {
    const labels = new Set<string>();
    visit(tree, 'footnoteReference', (node) => {
      if (node.label) labels.add(node.label);
    });
    return [...labels].map((label) => {
      const definition = this.#definitions.get(label);
      if (!definition) throw new Error(`No footnote definition for [^${label}]`);
      return definition;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Bodies

interface BodyScope {
  /** The entry whose body this is, for error messages: "companies/dropbox". */
  entry: string;
  sources: readonly SourceLike[];
  /** Prefix for footnote labels that are not the page's own (a claim's id). */
  namespace?: string;
  footnotes: Footnotes;
  /** Turns a link as written into an absolute URL. */
  absolute: (url: string) => string;
  /** The Markdown that stands for a component of the body, such as `<Claims company="x" />`. */
  component: (element: MdxJsxFlowElement | MdxJsxTextElement) => RootContent[];
}

/** The value of a JSX attribute, whether written as a string (`id="x"`) or an expression (`level={4}`). */
export function attribute(element: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name !== name) continue;
    if (typeof attr.value === 'string') return attr.value;
    return attr.value?.value;
  }
  return undefined;
}

/** An MDX body as Markdown nodes: citations footnoted, links absolute, components replaced. */
export function convertBody(body: string | undefined, scope: BodyScope): RootContent[] {
  const tree = processor.parse(body ?? '');
  citationsFromText(tree);

  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') node.url = scope.absolute(node.url);
  });

  const notes = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    if (!parent || index === undefined) return;
    notes.set(node.identifier, node);
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  const noteLabels = new Map<string, string>();
  const sources = new Map(scope.sources.map((s) => [s.id.toLowerCase(), s]));
  visit(tree, 'footnoteReference', (node) => {
    const id = node.identifier.toLowerCase();
    const note = notes.get(node.identifier);
    let label: string;
    if (note) {
      label = noteLabels.get(id) ?? scope.footnotes.note(note, scope.namespace);
      noteLabels.set(id, label);
    } else {
      const source = sources.get(id);
      if (!source) throw new Error(`${scope.entry}: footnote [^${node.label ?? id}] names no source of the entry`);
      label = scope.footnotes.cite(source, scope.namespace);
    }
    node.identifier = label.toLowerCase();
    node.label = label;
  });

  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'mdxjsEsm') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // A comment (`{/* … */}`) says nothing to a reader; any other expression has no Markdown form.
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) throw new Error(`${scope.entry}: the expression {${node.value}} has no Markdown form; write it as text.`);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const replacement = scope.component(node);
      (parent.children as RootContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    }
    return undefined;
  });
  return tree.children;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Builds the Markdown of every entry page from the catalog. */
export function markdownBuilder(input: MarkdownInput, { site, base }: MarkdownSite) {
  const urlOf = (path: SitePath) => absoluteUrl(site, base, path);
  const prefix = normaliseBase(base);

  /** A link as an author wrote it, absolute: root-relative ones get the base path, as on the pages. */
  const absoluteFrom = (pageUrl: string) => (url: string) => {
    if (url.startsWith('/') && !url.startsWith('//')) {
      return prefix !== '' && (url === prefix || url.startsWith(`${prefix}/`)) ? new URL(url, site).toString() : urlOf(url as SitePath);
    }
    return new URL(url, pageUrl).toString();
  };

  const sourceOf = (sources: readonly SourceLike[], id: string, entry: string): SourceLike => {
    const found = sources.find((s) => s.id === id);
    if (!found) throw new Error(`${entry} cites no source "${id}"`);
    return found;
  };

  function claimBlock(claim: MarkdownClaim, level: 3 | 4, footnotes: Footnotes): RootContent[] {
    const { data } = claim;
    const meta: PhrasingContent[] = [strong(`Verdict: ${claimVerdicts[data.verdict]}`), text(' · '), link(urlOf(paths.claim(claim.id)), 'Permanent link')];
    for (const earlier of data.rerated ?? []) meta.push(text(` · rated ${claimVerdicts[earlier.verdict]} until ${formatDate(earlier.until)}`));
    if (data.circulates && 'description' in data.circulates) meta.push(text(` · Circulates in: ${data.circulates.description}`));
    if (data.circulates && 'source' in data.circulates) {
      const { source } = data.circulates;
      meta.push(text(' · Repeated in '), link(source.url, source.title), text(` (${source.publisher}${source.date ? `, ${formatPartialDate(source.date)}` : ''})`));
    }
    const claimUrl = urlOf(paths.claim(claim.id));
    return [
      heading(level, `Often said: ${data.claim}.`),
      paragraph(...meta),
      ...convertBody(claim.body, {
        entry: `claims/${claim.id}`,
        sources: data.sources,
        namespace: claim.id,
        footnotes,
        absolute: absoluteFrom(claimUrl),
        component: (element) => {
          throw new Error(`claims/${claim.id}: a claim's explanation cannot show <${element.name ?? ''} />`);
        },
      }),
    ];
  }

  /** The components entry bodies use, as Markdown. */
  const components = (entry: string, footnotes: Footnotes) => (element: MdxJsxFlowElement | MdxJsxTextElement): RootContent[] => {
    if (element.name === 'Claims') {
      const company = attribute(element, 'company');
      if (!company) throw new Error(`${entry}: <Claims /> needs a company="…" attribute`);
      return [
        ...input.claimsAbout(company).flatMap((claim) => claimBlock(claim, 3, footnotes)),
        paragraph(link(urlOf(paths.claims()), 'Every checked claim, for every company')),
      ];
    }
    if (element.name === 'Claim') {
      const id = attribute(element, 'id');
      if (!id) throw new Error(`${entry}: <Claim /> needs an id="…" attribute`);
      return claimBlock(input.claim(id), attribute(element, 'level') === '4' ? 4 : 3, footnotes);
    }
    throw new Error(`${entry}: the component <${element.name ?? ''} /> has no Markdown form; add one in src/api/markdown.ts.`);
  };

  /** The lines under the title: the canonical page, dates, data and license. */
  const aboutList = (pageUrl: string, lines: PhrasingContent[][]): List =>
    list([[text('Page: '), link(pageUrl, pageUrl)], ...lines, [text('License: '), link(CONTENT_LICENSE.url, CONTENT_LICENSE.name)]]);

  const sourcesSection = (sources: readonly SourceLike[]): RootContent[] =>
    sources.length > 0 ? [heading(2, 'Sources'), list(sources.map((source) => citationContent(source)))] : [];

  /** The finished document: the nodes, then the footnotes they cite. */
  const write = (children: RootContent[], footnotes: Footnotes): string => {
    const tree: Root = { type: 'root', children };
    tree.children.push(...footnotes.definitionsFor(tree));
    return processor.stringify(tree);
  };

  function company(id: string): string {
    const { data, body } = input.company(id);
    const entry = `companies/${id}`;
    const pageUrl = urlOf(paths.company(id));
    const footnotes = new Footnotes(data.sources);
    const cite = (sourceId: string) => reference(footnotes.cite(sourceOf(data.sources, sourceId, entry)));
    const glance: RootContent[] = [
      heading(2, 'At a glance'),
      heading(3, 'Libraries'),
      table(
        ['Library', `How ${data.name} uses it`],
        data.libraries.map((use) => [[link(urlOf(paths.library(use.library)), input.library(use.library).data.name)], [text(use.use), cite(use.source)]]),
      ),
      heading(3, 'Scale tricks'),
      table(
        ['Trick', `How ${data.name} does it`],
        data.scaleTricks.map((use) => [[link(urlOf(paths.trick(use.trick)), input.trick(use.trick).data.name)], [text(use.how), cite(use.source)]]),
      ),
    ];
    if (data.figures.length > 0) {
      glance.push(
        heading(3, 'Figures'),
        table(
          ['Figure', 'Value', 'As of'],
          data.figures.map((figure) => [[text(figure.label)], [text(`${formatFigure(figure.value)} ${figure.unit}`)], [text(formatPartialDate(figure.asOf)), cite(figure.source)]]),
        ),
      );
    }
    if (data.movedAway.length > 0) {
      glance.push(
        heading(3, 'Moved away from Python'),
        table(
          ['What', 'To', 'When', 'Why'],
          data.movedAway.map((move) => [[text(move.what)], [text(move.to)], [text(formatPartialDate(move.when))], [text(move.why), cite(move.source)]]),
        ),
      );
    }
    const children: RootContent[] = [
      heading(1, `${data.name}: Python at scale`),
      { type: 'blockquote', children: [paragraph(text(data.summary))] },
      aboutList(pageUrl, [
        [text(`Reviewed against its sources: ${isoDate(data.reviewed)}`)],
        [text('Data: '), link(urlOf(apiPaths.company(id)), 'JSON'), text(' · '), link(urlOf(apiPaths.figures(id)), 'figures as CSV')],
      ]),
      paragraph(strong("Python's role:"), text(` ${data.role.summary}`)),
      paragraph(text('Where Python is used: '), ...joined(data.role.areas.map((area) => link(urlOf(paths.area(area)), roleAreas[area])))),
      ...glance,
      ...convertBody(body, { entry, sources: data.sources, footnotes, absolute: absoluteFrom(pageUrl), component: components(entry, footnotes) }),
    ];
    if (data.timeline.length > 0) {
      children.push(heading(2, 'Timeline'), list(data.timeline.map((event) => [strong(formatPartialDate(event.date)), text(`: ${event.event}`), cite(event.source)])));
    }
    children.push(...sourcesSection(data.sources));
    return write(children, footnotes);
  }

  /** A library or trick page: what it is, who uses it and how (each use footnoted to the company's source), the body. */
  function usedBy(
    collection: 'libraries' | 'tricks',
    id: string,
    { title, name, summary, facts, usedByHeading, usages, body, sources, reviewed }: {
      title: string;
      name: string;
      summary: string;
      facts: PhrasingContent[][];
      usedByHeading: string;
      usages: readonly { company: string; text: string; source: string }[];
      body: string | undefined;
      sources: readonly SourceLike[];
      reviewed: Date;
    },
  ): string {
    const entry = `${collection}/${id}`;
    const pageUrl = urlOf(paths.entry(collection, id));
    const footnotes = new Footnotes(sources);
    const used = usages.map(({ company: companyId, text: how, source }) => {
      const user = input.company(companyId);
      const label = footnotes.cite(sourceOf(user.data.sources, source, `companies/${companyId}`), companyId);
      return [link(urlOf(paths.company(companyId)), user.data.name), text(`: ${how}`), reference(label)];
    });
    const children: RootContent[] = [
      heading(1, title),
      { type: 'blockquote', children: [paragraph(text(summary))] },
      aboutList(pageUrl, [...facts, [text(`Reviewed against its sources: ${isoDate(reviewed)}`)]]),
      heading(2, usedByHeading),
      used.length > 0 ? list(used) : paragraph(text(`No profiled company is documented as using ${name} yet.`)),
      ...convertBody(body, { entry, sources, footnotes, absolute: absoluteFrom(pageUrl), component: components(entry, footnotes) }),
      ...sourcesSection(sources),
    ];
    return write(children, footnotes);
  }

  function library(id: string): string {
    const { data, body } = input.library(id);
    return usedBy('libraries', id, {
      title: `${data.name}: who uses it at scale`,
      name: data.name,
      summary: data.summary,
      facts: [[text(`Kind: ${libraryKinds[data.kind]}`)], [text(`Written in: ${data.language}`)], [text('Home page: '), link(data.homepage, data.homepage)]],
      usedByHeading: 'Used by',
      usages: input.libraryUsers(id).map(({ company: user, use }) => ({ company: user.id, text: use.use, source: use.source })),
      body,
      sources: data.sources,
      reviewed: data.reviewed,
    });
  }

  function trick(id: string): string {
    const { data, body } = input.trick(id);
    return usedBy('tricks', id, {
      title: `${data.name}: a Python scale trick`,
      name: data.name,
      summary: data.summary,
      facts: [[text(`Category: ${trickCategories[data.category]}`)]],
      usedByHeading: 'Who does it, and how',
      usages: input.trickUsers(id).map(({ company: user, use }) => ({ company: user.id, text: use.how, source: use.source })),
      body,
      sources: data.sources,
      reviewed: data.reviewed,
    });
  }

  function post(id: string): string {
    const { data, body } = input.post(id);
    const entry = `posts/${id}`;
    const pageUrl = urlOf(paths.post(id));
    const footnotes = new Footnotes(data.sources);
    const covers = data.companies.map((companyId) => link(urlOf(paths.company(companyId)), input.company(companyId).data.name));
    const children: RootContent[] = [
      heading(1, data.title),
      { type: 'blockquote', children: [paragraph(text(data.description))] },
      aboutList(pageUrl, [
        [text(`Published: ${isoDate(data.published)}`)],
        ...(data.updated ? [[text(`Updated: ${isoDate(data.updated)}`)]] : []),
        [text('Covers: '), ...joined(covers)],
      ]),
      ...convertBody(body, { entry, sources: data.sources, footnotes, absolute: absoluteFrom(pageUrl), component: components(entry, footnotes) }),
      ...sourcesSection(data.sources),
    ];
    return write(children, footnotes);
  }

  return { company, library, trick, post };
}

/** A Markdown response: UTF-8, with the media type of RFC 7763. */
export function markdownFile(markdown: string): Response {
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
}
