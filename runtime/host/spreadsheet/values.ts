/**
 * Cell values and how Sheets turns text into them. A person typing into a cell and a script calling
 * Range.setValue("…") go through the same parser (Apps Script writes strings as "user entered"):
 * numbers, TRUE/FALSE, dates become typed values; `=` starts a formula; a leading apostrophe forces
 * text and is not part of the value; `+`/`-` text that is not a number becomes a formula.
 */
import { zonedToDate } from '../time-zone';
import { PLAIN_TEXT_FORMAT } from './number-format';
import { GasError } from '../gas-object';

/** What Range.getValues returns per cell: '' for an empty cell. */
export type CellValue = number | string | boolean | Date;

export interface ParsedInput {
  value: CellValue;
  /** The formula text (starting with `=`), or null. A formula's value is '' here: we cannot compute it. */
  formula: string | null;
  /** The number format Sheets applies when it recognises a typed date/percent/currency, or null. */
  autoFormat: string | null;
}

export const MAX_CELL_CHARACTERS = 50_000;

export function assertCellLength(text: string): void {
  if (text.length > MAX_CELL_CHARACTERS) {
    throw new GasError('Your input contains more than the maximum of 50000 characters in a single cell.');
  }
}

const plain = (value: CellValue): ParsedInput => ({ value, formula: null, autoFormat: null });

/**
 * Parses what a person types (or a script writes as a string). `format` is the cell's current
 * number format: under plain text (`@`) everything stays text, as in Sheets. `nowMs` (the world's
 * clock) gives the year of a date typed without one (`1/2`); without it such text stays text.
 */
export function parseTypedInput(
  text: string,
  timeZone: string,
  format?: string,
  nowMs?: number,
): ParsedInput {
  assertCellLength(text);
  if (text === '') return plain('');
  if (text.startsWith("'")) return plain(text.slice(1));
  if (format === PLAIN_TEXT_FORMAT) return plain(text);
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text, autoFormat: null };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return plain(true);
  if (upper === 'FALSE') return plain(false);
  const number = parseNumber(trimmed);
  if (number) return { value: number.value, formula: null, autoFormat: number.format };
  const date =
    parseDate(trimmed, timeZone) ??
    (nowMs === undefined ? null : parseMonthDay(trimmed, timeZone, nowMs)) ??
    parseTimeOfDay(trimmed, timeZone);
  if (date) return { value: date.value, formula: null, autoFormat: date.format };
  // Sheets reads `+x` / `-x` as the start of a formula (the formula-injection hazard of CSV exports).
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    return { value: '', formula: `=${text}`, autoFormat: null };
  }
  return plain(text);
}

/** Range.setValue semantics for any value a script can pass. */
export function scriptValueToInput(
  value: unknown,
  timeZone: string,
  format?: string,
  nowMs?: number,
): ParsedInput {
  if (value === null || value === undefined) return plain('');
  if (typeof value === 'string') return parseTypedInput(value, timeZone, format, nowMs);
  if (typeof value === 'number') return plain(Number.isFinite(value) ? value : String(value));
  if (typeof value === 'boolean') return plain(value);
  if (value instanceof Date) return plain(new Date(value.getTime()));
  // Objects are written as their text (a Range is written as "Range", as in Apps Script).
  return parseTypedInput(String(value), timeZone, format, nowMs);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const CURRENCY = /^([+-]?)\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;

function parseNumber(text: string): { value: number; format: string | null } | null {
  if (NUMBER.test(text)) return { value: Number(text), format: null };
  if (GROUPED.test(text)) {
    const decimals = text.includes('.') ? '.00' : '';
    return { value: Number(text.replace(/,/g, '')), format: `#,##0${decimals}` };
  }
  const currency = CURRENCY.exec(text);
  if (currency) {
    const value = Number(`${currency[1] ?? ''}${(currency[2] ?? '').replace(/,/g, '')}${currency[3] ?? ''}`);
    return { value, format: '"$"#,##0.00' };
  }
  const percent = PERCENT.exec(text);
  if (percent) {
    const digits = percent[1] ?? '0';
    const value = Number(digits) / 100;
    return { value: Number(value.toPrecision(15)), format: digits.includes('.') ? '0.00%' : '0%' };
  }
  return null;
}

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]+(.+))?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseTime(text: string): { hour: number; minute: number; second: number } | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** Dates typed as `2026-03-01`, `2026/3/1`, `3/1/2026`, `3/1/26`, each optionally with a time. */
function parseDate(text: string, timeZone: string): { value: Date; format: string } | null {
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;
  let style: 'iso' | 'us';
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    timeText = iso[4];
    style = 'iso';
  } else if (us) {
    month = Number(us[1]);
    day = Number(us[2]);
    const y = us[3] ?? '';
    // Two-digit years: 00-29 are 20xx, 30-99 are 19xx (Sheets' cut-over).
    year = y.length === 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y);
    timeText = us[4];
    style = 'us';
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let time = { hour: 0, minute: 0, second: 0 };
  if (timeText !== undefined) {
    const parsed = parseTime(timeText);
    if (!parsed) return null;
    time = parsed;
  }
  const value = zonedToDate(year, month, day, time.hour, time.minute, time.second, timeZone);
  const datePart = style === 'iso' ? 'yyyy-mm-dd' : 'M/d/yyyy';
  return { value, format: timeText === undefined ? datePart : `${datePart} H:mm:ss` };
}

const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;

/**
 * A month and day with no year (`1/2`, `12/25`): a date in the current year, at midnight in the
 * spreadsheet's zone, as Sheets (en-US) reads it, and why text such as a room "1/2" or a size "3/4"
 * written without an apostrophe comes back as a Date (src/core/sanitize.ts guards the add-on's own
 * writes). `1/2` is not a fraction; `13/4` or `2/30` is no date and stays text. The number format
 * applied (`M/d`, the shape typed) is the runtime's choice: Google does not publish the one it picks.
 */
function parseMonthDay(
  text: string,
  timeZone: string,
  nowMs: number,
): { value: Date; format: string } | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(nowMs)),
  );
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { value: zonedToDate(year, month, day, 0, 0, 0, timeZone), format: 'M/d' };
}

/**
 * A time on its own (`10:30`, `14:15:30`, `2:15 PM`) is a time value, not text: Sheets stores it as
 * the fraction of a day, whose date part is the serial epoch, 30 December 1899 (Sheets help, VALUE:
 * "any of the date, time or number formats that Google Sheets understands", VALUE("12:00:00");
 * TIMEVALUE: "either the 12-hour or 24-hour time format, for example "2:15 PM" or "14:15"";
 * Sheets API DateTimeRenderOption: the fractional portion of a serial number "counts the time as a
 * fraction of the day"), and Range.getValue returns it as a Date on that day in the spreadsheet's
 * time zone. Durations past 23:59:59 (`25:00`) are not modelled and stay text. The number format
 * applied is the runtime's choice: Google does not publish which one Sheets picks.
 */
function parseTimeOfDay(text: string, timeZone: string): { value: Date; format: string } | null {
  const m = TIME.exec(text);
  const time = m ? parseTime(text) : null;
  if (!m || !time) return null;
  const value = zonedToDate(1899, 12, 30, time.hour, time.minute, time.second, timeZone);
  const seconds = m[3] === undefined ? '' : ':ss';
  return { value, format: m[4] ? `h:mm${seconds} am/pm` : `H:mm${seconds}` };
}

export function cloneValue(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

export function isEmptyValue(value: CellValue | undefined): boolean {
  return value === undefined || value === '';
}
