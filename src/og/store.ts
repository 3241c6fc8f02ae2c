/**
 * The build's social images, cached across builds in a folder under Astro's cache, each file named
 * by a hash of its card's element tree and the renderer's versions: a card is drawn again only when
 * its words or its design change. Publishing copies every card into the site and deletes cache
 * files no card uses, so the folder holds one build's cards.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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

/** Draws one card into `target` (the file appears whole or not at all). */
export type DrawCard = (input: OgCardInput, target: string) => Promise<void>;

export interface OgImageStore {
  /** Starts drawing every card not in the cache, in the background. */
  start: () => void;
  /** One card's PNG, from the cache or drawn now (the dev server's route). */
  get: (key: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** Waits for every card, copies them to `<siteDir>/og/<key>.png` and prunes the cache. */
  publish: (siteDir: string) => Promise<OgDrawCounts>;
}

/** The cache file of a card: a hash of everything that decides its bytes. */
export function ogCacheFile(dir: string, input: OgCardInput): string {
  const hash = createHash('sha256').update(`${rendererVersions}\n${JSON.stringify(ogCardTree(input))}`).digest('hex');
  return path.join(dir, `${hash.slice(0, 32)}.png`);
}

/** Draws on the calling thread: for the dev server and tests; the build draws in workers (pool.ts). */
export const drawHere: DrawCard = async (input, target) => {
  const png = await renderOgPng(ogCardTree(input));
  // Written whole, by rename, so an interrupted build never leaves half a card in the cache.
  await writeFile(`${target}.partial`, png);
  await rename(`${target}.partial`, target);
};

export function createOgImageStore(cards: readonly OgCard[], { dir, draw = drawHere }: { dir: string; draw?: DrawCard }): OgImageStore {
  const byKey = new Map(cards.map((card) => [card.key, card]));
  const files = new Map<string, Promise<string>>();
  const counts: OgDrawCounts = { drawn: 0, cached: 0 };
  let made: Promise<unknown> | undefined;

  const file = (card: OgCard): Promise<string> => {
    let pending = files.get(card.key);
    if (!pending) {
      pending = (async () => {
        const target = ogCacheFile(dir, card.input);
        if (existsSync(target)) {
          counts.cached++;
          return target;
        }
        await (made ??= mkdir(dir, { recursive: true }));
        await draw(card.input, target);
        counts.drawn++;
        return target;
      })();
      // A failure is reported by whoever awaits the card; the background start must not crash the process first.
      pending.catch(() => {});
      files.set(card.key, pending);
    }
    return pending;
  };

  return {
    start: () => cards.forEach(file),
    get: async (key) => {
      const card = byKey.get(key);
      if (!card) throw new Error(`No social image card for "${key}"`);
      const bytes = await readFile(await file(card));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
    },
    publish: async (siteDir) => {
      const used = new Set<string>();
      const folders = new Set(cards.map((card) => path.dirname(path.join(siteDir, 'og', `${card.key}.png`))));
      await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
      await Promise.all(
        cards.map(async (card) => {
          const cached = await file(card);
          used.add(cached);
          await copyFile(cached, path.join(siteDir, 'og', `${card.key}.png`));
        }),
      );
      const present = await readdir(dir).catch(() => [] as string[]);
      await Promise.all(present.filter((name) => !used.has(path.join(dir, name))).map((name) => rm(path.join(dir, name), { force: true })));
      return { ...counts };
    },
  };
}
