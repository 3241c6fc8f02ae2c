/** A profile's figures with their source's title and URL, as the figures page, charts and CSV show them. */
import type { FigureLike } from './figures.ts';

export type FigureRow = FigureLike & { url: string; sourceTitle: string; publisher: string };

export function companyFigures(data: { figures: readonly FigureLike[]; sources: readonly { id: string; url: string; title: string; publisher: string }[] }): FigureRow[] {
  return data.figures.map((figure) => {
    const source = data.sources.find((s) => s.id === figure.source);
    if (!source) throw new Error(`Figure "${figure.label}" cites no source "${figure.source}"`);
    return { ...figure, url: source.url, sourceTitle: source.title, publisher: source.publisher };
  });
}

/** The columns of a profile's figures CSV; the all-figures CSV puts `company` first. */
export const figureCsvHeader = ['label', 'value', 'unit', 'as_of', 'source_id', 'source_title', 'source_publisher', 'source_url'] as const;

/** One CSV row per figure, in the order of `figureCsvHeader`. */
export function figureCsvRows(rows: readonly FigureRow[]): (string | number)[][] {
  return rows.map((r) => [r.label, r.value, r.unit, r.asOf, r.source, r.sourceTitle, r.publisher, r.url]);
}
