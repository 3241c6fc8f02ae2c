/**
 * Draws a card: satori lays it out and turns its text into paths (Inter, from the local
 * @fontsource files), resvg rasterises the SVG to PNG on libuv's thread pool, off the main thread.
 * Nothing is fetched, and the same card always gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { OG_HEIGHT, OG_WIDTH, type OgNode } from './card.ts';

const require = createRequire(path.join(process.cwd(), 'package.json'));

/** Package versions that decide a card's bytes, for the cache key. */
export const rendererVersions = ['satori', '@resvg/resvg-js', '@fontsource/inter']
  .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
  .join(' ');

type Font = Parameters<typeof satori>[1]['fonts'][number];
let fonts: Font[] | undefined;

/** Latin first, then Latin Extended, which satori falls back to for the characters Latin lacks. */
function loadFonts(): Font[] {
  const dir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  fonts ??= (['latin', 'latin-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: 'Inter',
      weight,
      style: 'normal' as const,
      data: readFileSync(path.join(dir, `inter-${subset}-${weight}-normal.woff`)),
    })),
  );
  return fonts;
}

export async function renderOgPng(tree: OgNode): Promise<Uint8Array<ArrayBuffer>> {
  // satori's typings want a React element; the plain object form is its documented equivalent.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  const png = (await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, logLevel: 'error' })).asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength) as Uint8Array<ArrayBuffer>;
}
