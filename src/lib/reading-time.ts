/** Minutes to read a Markdown body at 220 words a minute, links and footnote labels not counted. */
export function readingMinutes(markdown: string): number {
  const text = markdown
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_`>|[\]-]/g, ' ');
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 220));
}
