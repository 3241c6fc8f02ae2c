/**
 * Scale figures as data: their series (one label and unit, several dated values), their age, and the
 * geometry of a series' chart. Pure functions, so the chart is drawn at build time and unit-tested
 * with synthetic series.
 */
import { formatFigure } from './format.ts';

export interface FigureLike {
  label: string;
  value: number;
  unit: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  asOf: string;
  source: string;
}

export interface Series<F extends FigureLike = FigureLike> {
  label: string;
  unit: string;
  /** Oldest first. */
  points: F[];
}

/** The last day a partial date can mean: "2019" → 2019-12-31, "2019-02" → 2019-02-28. */
export function lastDayOf(partial: string): Date {
  const [year, month, day] = partial.split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) return new Date(Date.UTC(year, month! - 1, day));
  if (month !== undefined) return new Date(Date.UTC(year, month, 0));
  return new Date(Date.UTC(year, 11, 31));
}

/**
 * Whether a figure is older than `years` years on `today`. A figure dated "2021" may hold to the end
 * of 2021, so it counts from the last day its date can mean: the mark is never put on too early.
 */
export function olderThan(asOf: string, today: Date, years = 5): boolean {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return lastDayOf(asOf).getTime() < cutoff.getTime();
}

const qualifierPattern = /\s*\((about|around|approximate|approximately|more than|at least|over|on the order of)\)$/;

/**
 * A figure's label without the precision its source gives ("Engineers (about)" → "Engineers",
 * qualifier "about"): the same quantity counted loosely at one date and exactly at another is one series.
 */
export function splitQualifier(label: string): { base: string; qualifier?: string } {
  const match = qualifierPattern.exec(label);
  return match ? { base: label.slice(0, match.index), qualifier: match[1]! } : { base: label };
}

/**
 * The series among a company's figures: the same quantity (label without its precision qualifier)
 * and unit, more than one dated value, oldest first.
 */
export function figureSeries<F extends FigureLike>(figures: readonly F[]): Series<F>[] {
  const groups = new Map<string, Series<F>>();
  for (const figure of figures) {
    const { base } = splitQualifier(figure.label);
    const key = `${base}\u0000${figure.unit}`;
    const group = groups.get(key) ?? { label: base, unit: figure.unit, points: [] };
    group.points.push(figure);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => group.points.length > 1)
    .map((group) => ({ ...group, points: [...group.points].sort((a, b) => lastDayOf(a.asOf).getTime() - lastDayOf(b.asOf).getTime()) }));
}

/** A partial date as a fractional year, at the middle of the period it names: "2019" → 2019.5. */
export function yearPosition(partial: string): number {
  const [year, month, day] = partial.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return year + 0.5;
  if (day === undefined) return year + (month - 0.5) / 12;
  return year + (month - 1) / 12 + (day - 0.5) / 365;
}

/** Round, readable tick values from 0 to at least `max`: 0, 250, 500… */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels and ticks. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export const defaultBox: ChartBox = { width: 640, height: 320, margin: { top: 16, right: 24, bottom: 56, left: 88 } };

export interface ChartGeometry<F extends FigureLike> {
  box: ChartBox;
  points: (F & { x: number; y: number })[];
  yTicks: { value: number; y: number; label: string }[];
  xTicks: { year: number; x: number }[];
  /** The polyline through the points, as SVG `points`. */
  line: string;
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Where each point, tick and the line of a series go in the chart box; y from 0, x by date. */
export function chartGeometry<F extends FigureLike>(series: Series<F>, box: ChartBox = defaultBox): ChartGeometry<F> {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const positions = series.points.map((p) => yearPosition(p.asOf));
  const first = Math.floor(Math.min(...positions));
  const last = Math.ceil(Math.max(...positions));
  const span = Math.max(last - first, 1);
  const ticks = niceTicks(Math.max(...series.points.map((p) => p.value)));
  const top = ticks.at(-1)!;
  const xOf = (position: number) => plot.left + ((position - first) / span) * (plot.right - plot.left);
  const yOf = (value: number) => plot.bottom - (value / top) * (plot.bottom - plot.top);
  const round = (n: number) => Math.round(n * 10) / 10;
  const points = series.points.map((p, i) => ({ ...p, x: round(xOf(positions[i]!)), y: round(yOf(p.value)) }));
  const step = Math.max(1, Math.ceil(span / 8));
  const xTicks: { year: number; x: number }[] = [];
  for (let year = first; year <= last; year += step) xTicks.push({ year, x: round(xOf(year)) });
  return {
    box,
    plot,
    points,
    yTicks: ticks.map((value) => ({ value, y: round(yOf(value)), label: formatFigure(value) })),
    xTicks,
    line: points.map((p) => `${p.x},${p.y}`).join(' '),
  };
}
