/** The feed: every article, and every profile as of its last review against its sources. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { formatDate } from '../lib/format.ts';
import { collections } from '../lib/collections.ts';
import { SITE_DESCRIPTION, SITE_TITLE, href, paths } from '../site.ts';

export async function GET(context: APIContext) {
  const catalog = await getCatalog();
  const items = [
    ...catalog.posts.map((post) => ({
      title: post.data.title,
      link: href(paths.post(post.id)),
      pubDate: post.data.updated ?? post.data.published,
      description: post.data.description,
      categories: [collections.posts.label, ...post.data.companies.map((id) => catalog.company(id).data.name)],
    })),
    ...catalog.companies.map((company) => ({
      title: `${company.data.name} profile, reviewed ${formatDate(company.data.reviewed)}`,
      link: href(paths.company(company.id)),
      pubDate: company.data.reviewed,
      description: company.data.summary,
      categories: ['Company profile', company.data.name],
    })),
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title, 'en'));

  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    // The channel links to the home page, base path included.
    site: new URL(href(paths.home()), context.site).toString(),
    items,
    trailingSlash: true,
  });
}
