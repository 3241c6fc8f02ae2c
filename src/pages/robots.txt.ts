/** GET /robots.txt: every page may be crawled; the sitemap lists them with their last-changed dates. */
import type { APIRoute } from 'astro';
import { href, paths } from '../site.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(href(paths.asset('sitemap-index.xml')), site).toString();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
