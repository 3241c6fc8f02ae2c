/** GET /libraries/<id>.md: the library page as Markdown, footnotes and links kept (src/api/markdown.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { markdownFile } from '../../api/markdown.ts';
import { getMarkdown } from '../_markdown.ts';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.libraries.map((entry) => ({ params: { id: entry.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => markdownFile((await getMarkdown()).library(params.id!));
