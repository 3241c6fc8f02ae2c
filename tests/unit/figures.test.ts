import { describe, expect, it } from 'vitest';
import { chartGeometry, defaultBox, figureSeries, lastDayOf, niceTicks, olderThan, splitQualifier, yearPosition } from '../../src/lib/figures.ts';
import { companyFigures, figureCsvHeader, figureCsvRows } from '../../src/lib/figure-rows.ts';
import { toCsv } from '../../src/lib/csv.ts';

const today = new Date(Date.UTC(2026, 10, 28));
const figure = (asOf: string, value: number, label = 'Monthly active users', unit = 'users') => ({ label, unit, value, asOf, source: `s-${asOf}` });

describe('the five-year mark', () => {
  it('counts from the last day a partial date can mean', () => {
    expect(lastDayOf('2021').toISOString().slice(0, 10)).toBe('2021-12-31');
    expect(lastDayOf('2024-02').toISOString().slice(0, 10)).toBe('2024-02-29');
    expect(lastDayOf('2019-05-20').toISOString().slice(0, 10)).toBe('2019-05-20');
  });

  it('marks values older than five years on the given day, and only those', () => {
    expect(olderThan('2020', today)).toBe(true);
    expect(olderThan('2021-10', today)).toBe(true);
    expect(olderThan('2021-11-27', today)).toBe(true);
    expect(olderThan('2021-11-28', today)).toBe(false);
    expect(olderThan('2021-11', today)).toBe(false);
    expect(olderThan('2021', today)).toBe(false);
    expect(olderThan('2025', today)).toBe(false);
  });
});

describe('figure series', () => {
  it('groups by label and unit, keeps only series with more than one value, oldest first', () => {
    const series = figureSeries([
      figure('2019', 1e9),
      figure('2012', 1e8),
      figure('2016-06', 5e8),
      figure('2019', 3, 'Data centres', 'sites'),
      figure('2019', 1e6, 'Monthly active users', 'creators'),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => p.asOf)).toEqual(['2012', '2016-06', '2019']);
  });

  it('counts one quantity given loosely at one date and exactly at another as one series', () => {
    const series = figureSeries([figure('2015', 100, 'Engineers (about)', 'engineers'), figure('2021-11', 1000, 'Engineers (more than)', 'engineers')]);
    expect(series.map((s) => [s.label, s.points.map((p) => p.label)])).toEqual([['Engineers', ['Engineers (about)', 'Engineers (more than)']]]);
    expect(splitQualifier('Engineers (more than)')).toEqual({ base: 'Engineers', qualifier: 'more than' });
    expect(splitQualifier('Lines of Go (around)')).toEqual({ base: 'Lines of Go', qualifier: 'around' });
    // A parenthesis that says what is counted is part of the quantity.
    expect(splitQualifier('Events a day (not Python)')).toEqual({ base: 'Events a day (not Python)' });
  });

  it('finds no series when every label has one value', () => {
    expect(figureSeries([figure('2019', 1), figure('2019', 2, 'Other')])).toEqual([]);
  });
});

describe('chart geometry of a synthetic series', () => {
  const series = figureSeries([figure('2012', 100_000_000), figure('2016-06', 500_000_000), figure('2019', 1_000_000_000)])[0]!;
  const chart = chartGeometry(series);

  it('places every point inside the plot, later dates to the right, larger values higher', () => {
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(p.x).toBeLessThanOrEqual(chart.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(p.y).toBeLessThanOrEqual(chart.plot.bottom);
    }
    const [a, b, c] = chart.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(a!.y).toBeGreaterThan(b!.y);
    expect(b!.y).toBeGreaterThan(c!.y);
  });

  it('starts the value axis at zero and ends it at a round value at or above the largest', () => {
    expect(chart.yTicks[0]).toMatchObject({ value: 0, y: chart.plot.bottom });
    expect(chart.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(1_000_000_000);
    expect(chart.yTicks.at(-1)!.label).toBe('1 billion');
  });

  it('labels years along the time axis and draws the line through the points in order', () => {
    expect(chart.xTicks[0]!.year).toBe(2012);
    expect(chart.xTicks.at(-1)!.year).toBeGreaterThanOrEqual(2019);
    expect(chart.line.split(' ')).toHaveLength(3);
    expect(chart.line.startsWith(`${chart.points[0]!.x},${chart.points[0]!.y}`)).toBe(true);
    expect(chart.box).toBe(defaultBox);
  });

  it('puts a partial date at the middle of its period', () => {
    expect(yearPosition('2019')).toBe(2019.5);
    expect(yearPosition('2019-01')).toBeCloseTo(2019 + 0.5 / 12);
  });

  it('makes round ticks', () => {
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('figure rows and CSV', () => {
  const data = {
    figures: [figure('2019', 1_000_000_000)],
    sources: [{ id: 's-2019', url: 'https://example.com/post', title: 'A post, "quoted"', publisher: 'Example' }],
  };

  it('joins each figure to its source', () => {
    expect(companyFigures(data)[0]).toMatchObject({ url: 'https://example.com/post', sourceTitle: 'A post, "quoted"' });
    expect(() => companyFigures({ ...data, sources: [] })).toThrow(/cites no source "s-2019"/);
  });

  it('writes RFC 4180 CSV, quoting what needs it', () => {
    const text = toCsv(figureCsvHeader, figureCsvRows(companyFigures(data)));
    expect(text).toBe(
      'label,value,unit,as_of,source_id,source_title,source_publisher,source_url\r\n' +
        'Monthly active users,1000000000,users,2019,s-2019,"A post, ""quoted""",Example,https://example.com/post\r\n',
    );
  });
});
