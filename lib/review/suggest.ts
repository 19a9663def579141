import leven from 'leven';

/**
 * "Did you mean": the known names closest to `input` (case-insensitive edit distance on the whole
 * name and on its first DNS label), nearest first, at most `max`. A name is near when the distance
 * is at most a third of its length (at least 2), or when one is a prefix of the other's first label.
 */
export function suggestNames(input: string, known: readonly string[], max = 3): string[] {
  const q = input.toLowerCase();
  const scored: { name: string; d: number }[] = [];
  for (const name of known) {
    const n = name.toLowerCase();
    const label = n.split('.')[0]!;
    const d = Math.min(leven(q, n), leven(q, label));
    const near =
      d <= Math.max(2, Math.floor(label.length / 3)) || (q.length >= 3 && (label.startsWith(q) || q.startsWith(label)));
    if (near) scored.push({ name, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, max)
    .map((s) => s.name);
}

/** ` did you mean a, b?` or ``. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0
    ? ` Did you mean ${suggestions.join(', ')}? / もしかして: ${suggestions.join('、')}`
    : '';
}
