import { closest, distance } from 'fastest-levenshtein';

/**
 * The valid choice nearest to a mistyped value, or undefined when nothing is close enough to be a
 * useful suggestion (more than a third of the value would have to change).
 */
export function closestMatch(value: string, choices: readonly string[]): string | undefined {
  if (choices.length === 0) return undefined;
  const best = closest(value, [...choices]);
  const limit = Math.max(2, Math.ceil(value.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}

/** "Did you mean …?" text for an error message, empty when there is no close match. */
export function didYouMean(value: string, choices: readonly string[]): string {
  const match = closestMatch(value, choices);
  return match ? ` Did you mean "${match}"?` : '';
}
