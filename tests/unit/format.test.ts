import { describe, expect, it } from 'vitest';
import { formatDate, formatFigure, formatPartialDate, isoDate } from '../../src/lib/format.ts';
import { groupByLabel } from '../../src/lib/group.ts';

describe('formatPartialDate', () => {
  it.each([
    ['2019', '2019'],
    ['2019-05', 'May 2019'],
    ['2019-05-20', '20 May 2019'],
    ['2017-12-01', '1 December 2017'],
  ])('%s reads %s', (input, expected) => expect(formatPartialDate(input)).toBe(expected));

  it('refuses anything else', () => expect(() => formatPartialDate('May 2019')).toThrow(/Not a partial date/));
});

describe('formatFigure', () => {
  it.each([
    [2_000_000_000, '2 billion'],
    [1_000_000_000_000, '1 trillion'],
    [4_000_000, '4 million'],
    [3_500_000, '3.5 million'],
    [700_000_000, '700 million'],
    [1700, '1,700'],
    [80, '80'],
    [12.5, '12.5'],
  ])('%d reads %s', (input, expected) => expect(formatFigure(input)).toBe(expected));
});

describe('dates', () => {
  it('formats in UTC whatever the local zone', () => {
    const date = new Date('2026-11-21T00:00:00Z');
    expect(formatDate(date)).toBe('21 November 2026');
    expect(isoDate(date)).toBe('2026-11-21');
  });
});

describe('groupByLabel', () => {
  it('groups in label order and leaves out empty groups', () => {
    const labels = { web: 'Web', data: 'Data', ml: 'ML' };
    const groups = groupByLabel(['flask:web', 'numpy:data', 'django:web'], (s) => s.split(':')[1] as keyof typeof labels, labels);
    expect(groups).toEqual([
      { key: 'web', label: 'Web', items: ['flask:web', 'django:web'] },
      { key: 'data', label: 'Data', items: ['numpy:data'] },
    ]);
  });
});
