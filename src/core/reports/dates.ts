/**
 * Register dates arrive as Date | null, but a sheet can hold anything: an Invalid Date, text, a
 * number. `validMs` turns a cell into ms or NaN; `dateIssue` says why it was unusable, for the notes.
 */
import { isDate } from '../time';

/** ms since epoch, or NaN when the value is not a valid Date (of any realm: see isDate). */
export function validMs(value: unknown): number {
  return isDate(value) ? value.getTime() : NaN;
}

export function dateIssue(value: unknown): 'missing' | 'malformed' {
  return value === null || value === undefined || value === '' ? 'missing' : 'malformed';
}

/**
 * ms since epoch cut to the whole second, or NaN. Stamps may keep milliseconds while the change log
 * (and a date typed or pasted in a sheet) keeps whole seconds: every comparison between them is made
 * at the precision both have, or an assignment logged in the same second as its approval would look
 * earlier than it.
 */
export function validSeconds(value: unknown): number {
  const ms = validMs(value);
  return Number.isNaN(ms) ? NaN : Math.floor(ms / 1000) * 1000;
}
