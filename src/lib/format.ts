/** Formatting shared by pages: dates known to a year, month or day, and large figures in words. */

const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2019" → "2019"; "2019-05" → "May 2019"; "2019-05-20" → "20 May 2019". */
export function formatPartialDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) throw new Error(`Not a partial date: "${date}" (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, year, month, day] = match;
  if (!month) return year!;
  const name = months[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** A full date, as on a "reviewed" line: "21 November 2026". Always read in UTC. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The machine-readable form of a date for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const wordScales: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** 2000000000 → "2 billion"; 4000000 → "4 million"; 1700 → "1,700"; 12.5 → "12.5". */
export function formatFigure(value: number): string {
  for (const [scale, word] of wordScales) {
    if (Math.abs(value) >= scale) {
      const scaled = Math.round((value / scale) * 10) / 10;
      return `${scaled.toLocaleString('en-US')} ${word}`;
    }
  }
  return value.toLocaleString('en-US');
}
