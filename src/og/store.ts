/**
 * The build's social images, cached across builds in a folder under Astro's cache, each file named
 * by a hash of its card's element tree and the renderer's versions: a card is drawn again only when
 * its words or its design change. Once every card has been asked for, files no card uses are
 * deleted, so the folder holds one build's cards.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ogCardTree, type OgCardInput } from './card.ts';
import { renderOgPng, rendererVersions } from './render.ts';

export interface OgCard {
  /** The path under /og/ without ".png", such as "companies/instagram". */
  key: string;
  input: OgCardInput;
}

export interface OgDrawCounts {
  drawn: number;
  cached: number;
}

export interface OgImageStore {
  /** One card's PNG, from the cache or drawn now; keeps the next few cards drawing meanwhile. */
  get: (key: string) => Promise<Uint8Array<ArrayBuffer>>;
}

/** The cache file of a card: a hash of everything that decides its bytes. */
export function ogCacheFile(dir: string, input: OgCardInput): string {
  const hash = createHash('sha256').update(`${rendererVersions}\n${JSON.stringify(ogCardTree(input))}`).digest('hex');
  return path.join(dir, `${hash.slice(0, 32)}.png`);
}

export function createOgImageStore(
  cards: readonly OgCard[],
  { dir, ahead = 2, onComplete }: { dir: string; ahead?: number; onComplete?: (counts: OgDrawCounts) => void },
): OgImageStore {
  const index = new Map(cards.map((card, i) => [card.key, i]));
  const drawing = new Map<string, Promise<string>>();
  const asked = new Set<string>();
  const counts: OgDrawCounts = { drawn: 0, cached: 0 };
  let made: Promise<unknown> | undefined;

  const draw = (card: OgCard): Promise<string> => {
    let file = drawing.get(card.key);
    if (!file) {
      file = (async () => {
        const target = ogCacheFile(dir, card.input);
        const cached = await readFile(target).then(() => true, () => false);
        if (cached) {
          counts.cached++;
          return target;
        }
        const png = await renderOgPng(ogCardTree(card.input));
        await (made ??= mkdir(dir, { recursive: true }));
        // Written whole, by rename, so an interrupted build never leaves half a card in the cache.
        await writeFile(`${target}.partial`, png);
        await rename(`${target}.partial`, target);
        counts.drawn++;
        return target;
      })();
      drawing.set(card.key, file);
    }
    return file;
  };

  const prune = async (used: Set<string>) => {
    const present = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(present.filter((name) => !used.has(path.join(dir, name))).map((name) => rm(path.join(dir, name), { force: true })));
  };

  return {
    get: async (key) => {
      const at = index.get(key);
      if (at === undefined) throw new Error(`No social image card for "${key}"`);
      // Astro asks for cards one at a time, in order: resvg draws the next ones on its own threads meanwhile.
      for (const next of cards.slice(at + 1, at + 1 + ahead)) draw(next).catch(() => {});
      const bytes = await readFile(await draw(cards[at]!));
      asked.add(key);
      if (asked.size === cards.length) {
        await prune(new Set(await Promise.all(cards.map(draw))));
        onComplete?.({ ...counts });
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
    },
  };
}
