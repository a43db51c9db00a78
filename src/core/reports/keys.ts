/** Grouping keys for breakdowns and trends (category, priority, location). */

/** Empty keys are grouped as "(none)" so they stay visible instead of vanishing. */
export function keyOf(text: unknown): string {
  const key = String(text ?? '').trim();
  return key === '' ? '(none)' : key;
}

export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
