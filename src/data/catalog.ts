/**
 * The one module that reads the content collections. It sorts them (collection order is not stable),
 * validates every cross-reference (Astro's `reference()` only logs a broken one), and builds the
 * cross-link graph once per build. Pages import the prepared data from here and never call
 * `getCollection` themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { LibraryUse, TrickUse } from '../schemas/company.ts';
import { libraryUsage, relatedCompanies, trickUsage, type Relation, type Usage } from './graph.ts';
import { formatProblems, listChoices, validateAliases, validateCompanyReferences, validatePostReferences } from './references.ts';
import { didYouMean } from '../lib/closest.ts';
import { checkSources, citedInBody, uncheckedSources, undatedSources } from './source-checks.ts';
import { groupByLabel } from '../lib/group.ts';
import { claimVerdicts, keysOf, libraryKinds, roleAreas, trickCategories, type RoleArea } from '../lib/vocabulary.ts';
import { paths, type SitePath } from '../lib/urls.ts';
import type { CollectionName } from '../lib/collections.ts';
import { backlinkIndex, extractInternalLinks, linkedPage } from './backlinks.ts';

export type Company = CollectionEntry<'companies'>;
export type Library = CollectionEntry<'libraries'>;
export type Trick = CollectionEntry<'tricks'>;
export type Post = CollectionEntry<'posts'>;
export type Claim = CollectionEntry<'claims'>;
export type { LibraryUse, TrickUse };

/** A company entry in the shape the graph functions take. */
export interface CompanyNode {
  id: string;
  name: string;
  entry: Company;
  libraries: LibraryUse[];
  scaleTricks: TrickUse[];
}

export interface Catalog {
  companies: Company[];
  libraries: Library[];
  tricks: Trick[];
  /** Articles, newest first. */
  posts: Post[];
  /** Checked claims, by verdict (true first) and then by the claim's wording. */
  claims: Claim[];
  /** The claims a profile's claims section shows (those that no article shows), in the order of `claims`. */
  claimsAbout: (companyId: string) => Claim[];
  claim: (id: string) => Claim;
  company: (id: string) => Company;
  library: (id: string) => Library;
  trick: (id: string) => Trick;
  post: (id: string) => Post;
  /** Library id → the companies that use it, by company name. */
  libraryUsers: (id: string) => Usage<CompanyNode, LibraryUse>[];
  /** Trick id → the companies that use it, by company name. */
  trickUsers: (id: string) => Usage<CompanyNode, TrickUse>[];
  /** Company id → related companies, most shared first. */
  related: (id: string) => Relation<CompanyNode>[];
  /** The pages that mention a page, from body links and frontmatter references. */
  mentions: (path: SitePath) => Mention[];
  /** Every role area, in the vocabulary's order, with the companies where Python does that job. */
  areas: Area[];
}

/** A role area and the companies (by name) whose profile lists it. */
export interface Area {
  id: RoleArea;
  label: string;
  companies: Company[];
}

/** A page that mentions another one. */
export interface Mention {
  path: SitePath;
  title: string;
  collection: CollectionName;
}

const verdictOrder = keysOf(claimVerdicts);
const byVerdict = (a: Claim, b: Claim) =>
  verdictOrder.indexOf(a.data.verdict) - verdictOrder.indexOf(b.data.verdict) || a.data.claim.localeCompare(b.data.claim, 'en');

const byName = <T extends { data: { name: string } }>(a: T, b: T) => a.data.name.localeCompare(b.data.name, 'en');

export class ContentReferenceError extends Error {
  override name = 'ContentReferenceError';
}

function lookup<T>(map: Map<string, T>, kind: string) {
  return (id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`No ${kind} with id "${id}"`);
    return found;
  };
}

async function loadCatalog(): Promise<Catalog> {
  const [companies, libraries, tricks, posts, claims] = await Promise.all([
    getCollection('companies'),
    getCollection('libraries'),
    getCollection('tricks'),
    getCollection('posts'),
    getCollection('claims'),
  ]);
  companies.sort(byName);
  libraries.sort(byName);
  tricks.sort(byName);
  posts.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  claims.sort(byVerdict);
  const claimsInArticle = (postId: string) => claims.filter((claim) => claim.data.article === postId);
  const claimsByCompany = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (claim.data.article) continue;
    for (const id of claim.data.companies) claimsByCompany.set(id, [...(claimsByCompany.get(id) ?? []), claim]);
  }

  // Display names too, so that a name written where an id belongs ("TFX (TensorFlow Extended)") finds its id.
  const names = Object.fromEntries([...companies, ...libraries, ...tricks].map((e) => [e.id, e.data.name]));
  const problems = validateCompanyReferences(
    companies.map((c) => ({ id: c.id, file: c.filePath ?? `content/companies/${c.id}.mdx`, ...c.data })),
    { libraryIds: libraries.map((l) => l.id).sort(), trickIds: tricks.map((t) => t.id).sort(), names },
  );
  const fileOf = (entry: { id: string; filePath?: string | undefined; collection: string }) => entry.filePath ?? `content/${entry.collection}/${entry.id}.mdx`;
  const sourced = [...companies, ...libraries, ...tricks, ...posts, ...claims].map((entry) => {
    const rows = entry.collection === 'companies' ? (entry as Company).data : undefined;
    const rowSources = rows
      ? [...rows.libraries, ...rows.scaleTricks, ...rows.figures, ...rows.movedAway, ...rows.timeline].map((row) => row.source)
      : [];
    // A profile's claims section renders its claims, so a profile source their footnotes cite is cited there.
    const shown = rows ? (claimsByCompany.get(entry.id) ?? []) : entry.collection === 'posts' ? claimsInArticle(entry.id) : [];
    const claimSources = shown.flatMap((claim) => citedInBody(claim.body));
    return {
      file: fileOf(entry),
      sources: entry.data.sources,
      cited: new Set([...rowSources, ...claimSources, ...citedInBody(entry.body)]),
      ...(rows ? { figures: rows.figures } : {}),
    };
  });
  problems.push(...checkSources(sourced));
  const aliased = { libraries, tricks, posts } as const;
  for (const [collection, entries] of Object.entries(aliased) as [keyof typeof aliased, (typeof aliased)[keyof typeof aliased]][]) {
    problems.push(...validateAliases(collection, entries.map((e) => ({ id: e.id, file: fileOf(e), aliases: e.data.aliases }))));
  }
  problems.push(
    ...validatePostReferences(
      [...posts, ...claims].map((entry) => ({ file: fileOf(entry), companies: entry.data.companies })),
      companies.map((c) => c.id).sort(),
      names,
    ),
  );
  for (const company of companies) {
    if ((claimsByCompany.get(company.id)?.length ?? 0) === 0 || company.body?.includes(`<Claims company="${company.id}" />`)) continue;
    const [first] = claimsByCompany.get(company.id)!;
    problems.push({
      file: fileOf(company),
      field: 'body',
      value: company.id,
      message:
        `has claims about it in content/claims (e.g. ${first!.id}) but its body does not show them. ` +
        `Fix: put \`<Claims company="${company.id}" />\` under a "## Claims and what the sources show" heading.`,
    });
  }
  const postIds = posts.map((p) => p.id).sort();
  for (const claim of claims) {
    const { article } = claim.data;
    if (!article) continue;
    const post = posts.find((p) => p.id === article);
    if (!post) {
      problems.push({ file: fileOf(claim), field: 'article', value: article, message: `unknown article "${article}".${didYouMean(article, postIds)} Valid ids: ${listChoices(postIds)}. Fix: use one of these, or leave \`article\` out to show the claim in its companies' profiles.` });
    } else if (!post.body?.includes(`<Claim id="${claim.id}"`)) {
      problems.push({ file: fileOf(claim), field: 'article', value: article, message: `names the article "${article}", whose body does not show it. Fix: put \`<Claim id="${claim.id}" />\` where it belongs in ${fileOf(post)}, or leave \`article\` out.` });
    }
  }
  for (const post of posts) {
    for (const [, id] of (post.body ?? '').matchAll(/<Claim id="([^"]+)"/g)) {
      const claim = claims.find((c) => c.id === id);
      if (claim?.data.article === post.id) continue;
      problems.push({
        file: fileOf(post),
        field: 'body',
        value: id!,
        message: claim
          ? `shows the claim "${id}", which does not name this article. Fix: add \`article: ${post.id}\` to ${fileOf(claim)}.`
          : `shows an unknown claim "${id}".${didYouMean(id!, claims.map((c) => c.id))} Fix: use the id of a file in content/claims.`,
      });
    }
  }
  if (problems.length > 0) throw new ContentReferenceError(formatProblems(problems));
  const undated = undatedSources(sourced).length;
  const unchecked = uncheckedSources(sourced).length;
  if (undated + unchecked > 0) {
    console.info(`Sources: ${undated} without a publication date (right only for living documents such as a README), ${unchecked} not yet checked against their text; \`npm run sources:report\` lists them.`);
  }

  const nodes: CompanyNode[] = companies.map((entry) => ({
    id: entry.id,
    name: entry.data.name,
    entry,
    libraries: entry.data.libraries,
    scaleTricks: entry.data.scaleTricks,
  }));
  const libraryUsers = libraryUsage(nodes);
  const trickUsers = trickUsage(nodes);
  const related = relatedCompanies(nodes, 4);
  // A link to an alias (an old id, or a company's other name) counts as a link to the entry it leads to.
  const aliasTargets = new Map<string, SitePath>(
    [...companies, ...libraries, ...tricks, ...posts].flatMap((entry) =>
      entry.data.aliases.map((alias) => [paths.entry(entry.collection, alias) as string, paths.entry(entry.collection, entry.id)] as const),
    ),
  );
  const aliasPath = (target: string) => aliasTargets.get(target) ?? target;
  const bodyTargets = (body: string | undefined) => extractInternalLinks(body ?? '').map((l) => aliasPath(linkedPage(l.url)));
  const mentions = backlinkIndex<Mention>([
    ...posts.map((p) => ({
      page: { path: paths.post(p.id), title: p.data.title, collection: 'posts' as const },
      targets: [...p.data.companies.map((id) => paths.company(id)), ...bodyTargets(p.body), ...claimsInArticle(p.id).flatMap((c) => bodyTargets(c.body))],
    })),
    ...companies.map((c) => ({
      page: { path: paths.company(c.id), title: c.data.name, collection: 'companies' as const },
      targets: [
        ...c.data.libraries.map((u) => paths.library(u.library)),
        ...c.data.scaleTricks.map((u) => paths.trick(u.trick)),
        ...bodyTargets(c.body),
        // The claims section is part of the profile page.
        ...(claimsByCompany.get(c.id) ?? []).flatMap((claim) => bodyTargets(claim.body)),
      ],
    })),
    ...libraries.map((l) => ({ page: { path: paths.library(l.id), title: l.data.name, collection: 'libraries' as const }, targets: bodyTargets(l.body) })),
    ...tricks.map((t) => ({ page: { path: paths.trick(t.id), title: t.data.name, collection: 'tricks' as const }, targets: bodyTargets(t.body) })),
  ]);

  return {
    companies,
    libraries,
    tricks,
    company: lookup(new Map(companies.map((c) => [c.id, c])), 'company'),
    library: lookup(new Map(libraries.map((l) => [l.id, l])), 'library'),
    trick: lookup(new Map(tricks.map((t) => [t.id, t])), 'trick'),
    post: lookup(new Map(posts.map((p) => [p.id, p])), 'post'),
    posts,
    claims,
    claimsAbout: (id) => claimsByCompany.get(id) ?? [],
    claim: lookup(new Map(claims.map((c) => [c.id, c])), 'claim'),
    libraryUsers: (id) => libraryUsers.get(id) ?? [],
    trickUsers: (id) => trickUsers.get(id) ?? [],
    related: (id) => related.get(id) ?? [],
    mentions: (path) => mentions.get(path) ?? [],
    areas: keysOf(roleAreas).map((id) => ({
      id,
      label: roleAreas[id],
      companies: companies.filter((c) => c.data.role.areas.includes(id)),
    })),
  };
}

/** A company's name and its role areas as readers see them, for search filters. */
export function namedWithAreas(company: Company): { name: string; areas: string[] } {
  return { name: company.data.name, areas: company.data.role.areas.map((area) => roleAreas[area]) };
}

/** One row of the libraries or tricks index. */
export interface IndexItem {
  name: string;
  summary: string;
  path: SitePath;
  users: { id: string; name: string; path: SitePath }[];
}

/** The libraries index, grouped by kind, or the tricks index, grouped by category. */
export function indexGroups(catalog: Catalog, collection: 'libraries' | 'tricks') {
  const item = (entry: Library | Trick, users: Usage<CompanyNode, unknown>[]): IndexItem => ({
    name: entry.data.name,
    summary: entry.data.summary,
    path: paths.entry(collection, entry.id),
    users: users.map(({ company }) => ({ id: company.id, name: company.name, path: paths.company(company.id) })),
  });
  if (collection === 'libraries') {
    return groupByLabel(catalog.libraries, (l) => l.data.kind, libraryKinds).map((group) => ({
      ...group,
      items: group.items.map((library) => item(library, catalog.libraryUsers(library.id))),
    }));
  }
  return groupByLabel(catalog.tricks, (t) => t.data.category, trickCategories).map((group) => ({
    ...group,
    items: group.items.map((trick) => item(trick, catalog.trickUsers(trick.id))),
  }));
}

let catalog: Promise<Catalog> | undefined;

/** The prepared catalog, built once per build and shared by every page. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog();
  return catalog;
}
