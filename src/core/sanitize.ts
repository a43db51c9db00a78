/**
 * User text stays text. Sheets parses a string written with setValue(s) exactly like typed input: "=…"
 * becomes a formula, "1/2" a date, "TRUE" a boolean, "007" the number 7. A leading apostrophe makes
 * Sheets store the rest verbatim (and it is not part of the value read back), so every piece of text
 * that came from a person goes through `asCellText` before it is written.
 */
import { isDate } from './time';

/** Google Sheets' limit on the characters in one cell. */
export const CELL_CHAR_LIMIT = 50_000;

export interface CellText {
  /** What to write to the cell (may start with an apostrophe). */
  cell: string;
  /** What the cell will read back as: `cell` without the apostrophe. */
  text: string;
  /** True when the text was cut to fit a cell. */
  truncated: boolean;
  /** Length of the value received, before cleaning or truncation. */
  originalLength: number;
}

// C0 controls except \t and \n, DEL, C1 controls: invisible, and some (NUL) break Sheets and email.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Line breaks normalized to \n, control characters other than \t and \n removed. */
export function cleanText(value: string): string {
  // Most text is already clean: test once rather than always building two new strings.
  if (!NEEDS_CLEANING.test(value)) return value;
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';
const MONTH_DATE = new RegExp(`^(${WEEKDAY}\\s+)?${MONTH}[\\s,/-]*\\d`, 'i');
const DAY_MONTH_DATE = new RegExp(`^${WEEKDAY}\\s+\\d`, 'i');

/**
 * True when Sheets would not store `text` verbatim. Deliberately generous: an apostrophe in front of
 * text that would have stayed text anyway is invisible and harmless, a missing one corrupts data.
 */
export function needsApostrophe(text: string): boolean {
  if (text === '') return false;
  const first = text[0] ?? '';
  // Formula starters, a leading apostrophe Sheets would swallow, error literals ("#N/A") and leading
  // whitespace or line breaks.
  if ("=+-@#'\t\n\r ".includes(first)) return true;
  // Numbers, currency, percentages, fractions, times, dates that start with a digit: "12", "1.5e3",
  // ".5", "$12", "€ 3", "(12)", "3/4", "12:30", "2026-01-05". Text like "3rd floor" is caught too.
  if (/^[\d.,(%$€£¥₹]/.test(first)) return true;
  // Only month and weekday names (and TRUE/FALSE) can make a word-initial text parse: skip the rest fast.
  if (!/^[adfjmnostw]/i.test(first)) return false;
  if (/^(true|false)$/i.test(text)) return true;
  // "Jan 5", "March 2026", "Mon, Jan 5", "Tue 5 March".
  if (MONTH_DATE.test(text) || DAY_MONTH_DATE.test(text)) return true;
  return false;
}

/** 123456 → "123,456" without depending on the engine's locale data. */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The visible end of a cut text, saying how much was received. */
export function truncationMarker(originalLength: number): string {
  return `… [truncated: ${groupThousands(originalLength)} characters received]`;
}

/** Cut `text` so that it is at most `max` characters, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * What to write so that Sheets stores exactly this text: cleaned of control characters, prefixed with
 * an apostrophe where Sheets would parse it, and cut to fit one cell *including* the apostrophe, with a
 * visible marker. Idempotent on its own `text`: asCellText(r.text).cell === r.cell.
 */
export function asCellText(value: string, limit: number = CELL_CHAR_LIMIT): CellText {
  const originalLength = value.length;
  let text = cleanText(value);
  const prefix = needsApostrophe(text) ? "'" : '';
  let truncated = false;
  if (prefix.length + text.length > limit) {
    const marker = truncationMarker(originalLength);
    text = cutAt(text, limit - prefix.length - marker.length) + marker;
    truncated = true;
  }
  return { cell: prefix + text, text, truncated, originalLength };
}

/** A single line for an email subject or a one-line summary: no CR/LF or tabs, spaces collapsed. */
export function singleLine(value: string, maxLength = 250): string {
  const line = cleanText(value)
    .replace(/[\s\u2028\u2029\u0085]+/g, ' ')
    .trim();
  if (line.length <= maxLength) return line;
  return cutAt(line, maxLength - 1).trimEnd() + '…';
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export type ReportCell = string | number | boolean | Date;

/**
 * A value for a generated report cell: numbers, booleans and dates stay typed (charts need them),
 * text goes through `asCellText` (a location named "=HYPERLINK(…)" must not become a live formula),
 * null/undefined become an empty cell, and non-finite numbers become ''.
 */
export function neutralizeForReport(value: unknown): ReportCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value : '';
  return asCellText(String(value)).cell;
}
