/**
 * A page cited in the formats readers paste into papers and reference managers. The date is the
 * page's own (when it was last reviewed), never the build's, so the same content cites the same way.
 */
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const bibtexMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface CitedPage {
  /** The site's name, which is the page's author (a group author in APA). */
  site: string;
  title: string;
  url: string;
  /** When the page was last reviewed. */
  date: Date;
  /** A short id for the BibTeX key, e.g. the entry's id. */
  key: string;
}

/** APA 7, web page with a group author: "Site. (2026, November 21). Title. URL". */
export function apaCitation({ site, title, url, date }: CitedPage): string {
  const day = `${date.getUTCFullYear()}, ${months[date.getUTCMonth()]} ${date.getUTCDate()}`;
  return `${site}. (${day}). ${title}. ${url}`;
}

/** BibTeX's special characters, escaped; braces keep a title's capitals as written. */
function bibtexText(text: string): string {
  return text.replace(/\\/g, '\\textbackslash{}').replace(/([{}&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX @misc entry (biblatex reads `url` and `date` as well). */
export function bibtexCitation({ site, title, url, date, key }: CitedPage): string {
  const iso = date.toISOString().slice(0, 10);
  const citeKey = `${site}-${key}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return [
    `@misc{${citeKey},`,
    `  author = {{${bibtexText(site)}}},`,
    `  title = {{${bibtexText(title)}}},`,
    `  year = {${date.getUTCFullYear()}},`,
    `  month = ${bibtexMonths[date.getUTCMonth()]},`,
    `  date = {${iso}},`,
    `  url = {${url}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note = {Reviewed ${iso}},`,
    '}',
  ].join('\n');
}
