/**
 * Groups items under the keys of a label map, in the map's order, leaving out empty groups:
 * the libraries index by kind, the tricks index by category.
 */
export function groupByLabel<T, K extends string>(
  items: readonly T[],
  keyOf: (item: T) => K,
  labels: Readonly<Record<K, string>>,
): { key: K; label: string; items: T[] }[] {
  const groups = Map.groupBy(items, keyOf);
  return (Object.keys(labels) as K[])
    .filter((key) => groups.has(key))
    .map((key) => ({ key, label: labels[key], items: groups.get(key)! }));
}
