/**
 * The one place that builds site URLs. Paths are branded so that a site path (which still needs the
 * base prefix) and an href (which has it) cannot be mixed up.
 */

import type { CollectionName, PageCollection } from './collections.ts';

declare const sitePathBrand: unique symbol;
declare const hrefBrand: unique symbol;

/** A path inside the site, from its root, without the base: "/companies/dropbox/". */
export type SitePath = string & { readonly [sitePathBrand]: true };
/** A path ready for an href: the base path followed by a SitePath. */
export type Href = string & { readonly [hrefBrand]: true };


/** An id, and so a URL segment: lower-case letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function sitePath(path: string): SitePath {
  return path as SitePath;
}

export function checkedId(id: string): string {
  if (!SLUG_PATTERN.test(id)) throw new Error(`Not a valid entry id for a URL: "${id}"`);
  return id;
}

export const paths = {
  home: () => sitePath('/'),
  search: (query?: string) => sitePath(query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  /** The search page browsing everything with one filter value: `/search/?library=Django`. */
  searchFilter: (filter: string, value: string) => sitePath(`/search/?${new URLSearchParams({ [filter]: value }).toString()}`),
  compare: () => sitePath('/compare/'),
  collection: (collection: CollectionName) => sitePath(`/${collection}/`),
  entry: (collection: CollectionName, id: string) => sitePath(`/${collection}/${checkedId(id)}/`),
  company: (id: string) => paths.entry('companies', id),
  library: (id: string) => paths.entry('libraries', id),
  trick: (id: string) => paths.entry('tricks', id),
  post: (id: string) => paths.entry('posts', id),
  /** An entry page as Markdown, beside its HTML: "/companies/dropbox.md". */
  markdown: (collection: PageCollection, id: string) => sitePath(`/${collection}/${checkedId(id)}.md`),
  /** The site for language models (https://llmstxt.org/): every entry with its one-line summary. */
  llmsTxt: () => sitePath('/llms.txt'),
  /** The index of role areas. */
  areas: () => sitePath('/areas/'),
  /** A role area's page: the companies where Python does that job. */
  area: (id: string) => sitePath(`/areas/${checkedId(id)}/`),
  embed: (id: string) => sitePath(`/embed/companies/${checkedId(id)}/`),
  og: (collection: CollectionName, id: string) => sitePath(`/og/${collection}/${checkedId(id)}.png`),
  /** Every checked claim, grouped by company; a claim's permanent anchor is its id. */
  claims: () => sitePath('/claims/'),
  claim: (id: string) => sitePath(`/claims/#${checkedId(id)}`),
  claimVerdict: (verdict: string) => sitePath(`/claims/verdict/${checkedId(verdict)}/`),
  /** Every scale figure, with charts of the series that have more than one dated value. */
  figures: () => sitePath('/figures/'),
  /** A file served from public/, such as "favicon.svg". */
  asset: (file: string) => sitePath(`/${file.replace(/^\/+/, '')}`),
};

/** Normalises a configured base ("/", "/kb", "/kb/") to a prefix without a trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Builds hrefs for a site deployed under `base`. */
export function hrefBuilder(base: string) {
  const prefix = normaliseBase(base);
  return (path: SitePath): Href => `${prefix}${path}` as Href;
}

/** The absolute URL of a site path, for canonical links and feeds. */
export function absoluteUrl(site: string | URL, base: string, path: SitePath): string {
  return new URL(hrefBuilder(base)(path), site).toString();
}
