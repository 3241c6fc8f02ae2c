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

export const figureCsvHeader = ['company', 'label', 'value', 'unit', 'asOf', 'source', 'sourceTitle', 'sourceUrl'] as const;

/** One CSV row per figure. */
export function figureCsvRows(company: string, rows: readonly FigureRow[]): (string | number)[][] {
  return rows.map((r) => [company, r.label, r.value, r.unit, r.asOf, r.source, r.sourceTitle, r.url]);
}
