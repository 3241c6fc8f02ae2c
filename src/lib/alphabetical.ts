/**
 * An A–Z index: entries grouped under their first letter, "#" for anything that is not a letter,
 * each group with the id of its heading (`letter-A`, `letter-other`).
 */
export function alphabeticalIndex<T extends { name: string }>(entries: readonly T[]): { letter: string; anchor: string; entries: T[] }[] {
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  const groups = Map.groupBy(sorted, (entry) => {
    const first = entry.name.normalize('NFD').charAt(0).toUpperCase();
    return /[A-Z]/.test(first) ? first : '#';
  });
  return [...groups]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, anchor: `letter-${letter === '#' ? 'other' : letter}`, entries: list }));
}
