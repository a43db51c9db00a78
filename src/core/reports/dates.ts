/**
 * Register dates arrive as Date | null, but a sheet can hold anything: an Invalid Date, text, a
 * number. `validMs` turns a cell into ms or NaN; `dateIssue` says why it was unusable, for the notes.
 */

/** ms since epoch, or NaN when the value is not a valid Date. Realm-safe (no instanceof). */
export function validMs(value: unknown): number {
  if (Object.prototype.toString.call(value) !== '[object Date]') return NaN;
  return (value as Date).getTime();
}

export function dateIssue(value: unknown): 'missing' | 'malformed' {
  return value === null || value === undefined || value === '' ? 'missing' : 'malformed';
}
