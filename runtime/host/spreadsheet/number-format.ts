/**
 * What Sheets shows for a value under a number format (Range.getDisplayValues), following the
 * format syntax of the Sheets help centre: date/time tokens (`yyyy-mm-dd hh:mm`, `m/d/yyyy`,
 * `ddd`, `mmmm`, `am/pm`), numeric placeholders (`0`, `#`, `0.00`, `#,##0`, `0%`), quoted literals,
 * sections (`positive;negative;zero;text`) and `@` (plain text). The format is read into tokens by
 * ./format-tokens.
 */
import type { CellValue } from './values';
import { DAY_NAMES, MONTH_NAMES, offsetMinutesAt, zonedFields } from '../time-zone';
import { sectionsOf, type Token } from './format-tokens';

/** What Range.getNumberFormat reports for a cell whose format is "Automatic". */
export const AUTOMATIC_FORMAT = '0.###############';
/** How Sheets shows a date-time written by a script into an unformatted cell. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const PLAIN_TEXT_FORMAT = '@';

/** Sheets' day 0 (December 30, 1899): numbers under a date format count days from it. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function formatForDisplay(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === undefined || format === '' || format === AUTOMATIC_FORMAT) {
    return value instanceof Date
      ? formatDate(value, DEFAULT_DATE_TIME_FORMAT, timeZone)
      : formatGeneralNumber(value);
  }
  if (format === PLAIN_TEXT_FORMAT) {
    return value instanceof Date
      ? formatDate(value, DEFAULT_DATE_TIME_FORMAT, timeZone)
      : formatGeneralNumber(value);
  }
  if (isDateFormat(format)) {
    // A number under a date format is a serial day count; a date keeps its instant.
    const date = value instanceof Date ? value : new Date(SERIAL_EPOCH_MS + value * DAY_MS);
    return formatDate(date, format, value instanceof Date ? timeZone : 'Etc/UTC');
  }
  const n = value instanceof Date ? toSerial(value, timeZone) : value;
  return formatNumber(n, format);
}

/** A date as Sheets' serial number (days since 1899-12-30, wall clock of the spreadsheet). */
export function toSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + offsetMinutesAt(ms, timeZone) * 60_000 - SERIAL_EPOCH_MS) / DAY_MS;
}

/** "Automatic" number display: integers as typed, fractions to 10 significant digits. */
export function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || (abs !== 0 && abs < 1e-9)) {
    const [mantissa, exponent] = Number(n.toPrecision(6)).toExponential().split('e');
    const exp = Number(exponent);
    return `${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

export function isDateFormat(format: string): boolean {
  return sectionsOf(format).some((tokens) => tokens.some((t) => t.kind === 'date' || t.kind === 'ampm'));
}

// ---------------------------------------------------------------------------------------------
// Dates

export function formatDate(date: Date, format: string, timeZone: string): string {
  if (Number.isNaN(date.getTime())) return '';
  const { tokens, twelveHour, minuteAt } = datePlan(format);
  const p = zonedFields(date, timeZone);
  let out = '';
  tokens.forEach((t, i) => {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'point':
        out += '.';
        break;
      case 'comma':
        out += ',';
        break;
      case 'percent':
        out += '%';
        break;
      case 'placeholder':
        out += t.char === '#' ? '' : t.char === '?' ? ' ' : '0';
        break;
      case 'ampm': {
        const pm = p.hour >= 12;
        const text = t.style === 'AM/PM' || t.style === 'am/pm' ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
        out += t.style === 'am/pm' || t.style === 'a/p' ? text.toLowerCase() : text;
        break;
      }
      case 'fraction':
        out += '.' + String(p.millisecond).padStart(3, '0').slice(0, t.digits).padEnd(t.digits, '0');
        break;
      case 'date':
        out += dateToken(t.letter, t.count, p, twelveHour, minuteAt.has(i));
        break;
    }
  });
  return out;
}

interface DatePlan {
  tokens: Token[];
  twelveHour: boolean;
  /** Indexes of `m` tokens that mean minutes (right after an hour token or right before seconds). */
  minuteAt: Set<number>;
}
const datePlans = new Map<string, DatePlan>();

function datePlan(format: string): DatePlan {
  let plan = datePlans.get(format);
  if (plan) return plan;
  const tokens = sectionsOf(format)[0] ?? [];
  const dateTokens = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'date');
  const minuteAt = new Set<number>();
  dateTokens.forEach(({ t, i }, k) => {
    if (t.kind !== 'date' || t.letter !== 'm') return;
    const prev = dateTokens[k - 1]?.t;
    const next = dateTokens[k + 1]?.t;
    if ((prev?.kind === 'date' && prev.letter === 'h') || (next?.kind === 'date' && next.letter === 's'))
      minuteAt.add(i);
  });
  plan = { tokens, twelveHour: tokens.some((t) => t.kind === 'ampm'), minuteAt };
  if (datePlans.size > 10_000) datePlans.clear();
  datePlans.set(format, plan);
  return plan;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function dateToken(
  letter: 'y' | 'm' | 'd' | 'h' | 's',
  count: number,
  p: ReturnType<typeof zonedFields>,
  twelveHour: boolean,
  minute: boolean,
): string {
  switch (letter) {
    case 'y':
      return count <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
    case 'd':
      if (count === 1) return String(p.day);
      if (count === 2) return pad(p.day, 2);
      if (count === 3) return DAY_NAMES[p.isoWeekday % 7]!.slice(0, 3);
      return DAY_NAMES[p.isoWeekday % 7]!;
    case 'h': {
      const h = twelveHour ? p.hour % 12 || 12 : p.hour;
      return count >= 2 ? pad(h, 2) : String(h);
    }
    case 's':
      return count >= 2 ? pad(p.second, 2) : String(p.second);
    case 'm':
      if (minute) return count >= 2 ? pad(p.minute, 2) : String(p.minute);
      if (count === 1) return String(p.month);
      if (count === 2) return pad(p.month, 2);
      if (count === 3) return MONTH_NAMES[p.month - 1]!.slice(0, 3);
      if (count === 5) return MONTH_NAMES[p.month - 1]!.slice(0, 1);
      return MONTH_NAMES[p.month - 1]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

export function formatNumber(value: number, format: string): string {
  const sections = sectionsOf(format);
  let tokens = sections[0] ?? [];
  let n = value;
  let explicitNegative = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== undefined) {
    tokens = sections[1];
    n = -value;
    explicitNegative = true;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== undefined) {
    tokens = sections[2];
  }
  const placeholders = tokens.map((t, i) => (t.kind === 'placeholder' ? i : -1)).filter((i) => i >= 0);
  if (placeholders.length === 0) {
    // A section without digits (e.g. `"n/a"`) shows its literals only.
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');
  }
  const first = placeholders[0]!;
  const last = placeholders[placeholders.length - 1]!;
  const pointAt = tokens.findIndex((t, i) => t.kind === 'point' && i > first && i <= last + 1);
  const percent = tokens.filter((t) => t.kind === 'percent').length;
  const intTokens = tokens.slice(first, pointAt < 0 ? last + 1 : pointAt);
  const fracTokens = pointAt < 0 ? [] : tokens.slice(pointAt + 1, last + 1);
  const grouping = intTokens.some((t) => t.kind === 'comma');
  // Commas right after the last integer placeholder scale by 1,000 each (`#,##0,` shows thousands).
  let scaleCommas = 0;
  for (let i = last + 1; i < tokens.length && tokens[i]?.kind === 'comma'; i++) scaleCommas++;
  const minInt = intTokens.filter((t) => t.kind === 'placeholder' && t.char === '0').length;
  const fracPlaces = fracTokens.filter((t) => t.kind === 'placeholder').length;
  const minFrac = fracTokens.filter((t) => t.kind === 'placeholder' && t.char === '0').length;

  let scaled = (Math.abs(n) * Math.pow(100, percent)) / Math.pow(1000, scaleCommas);
  scaled = Number(scaled.toFixed(fracPlaces));
  let [intText = '0', fracText = ''] = scaled.toFixed(fracPlaces).split('.');
  while (fracText.length > minFrac && fracText.endsWith('0')) fracText = fracText.slice(0, -1);
  if (intText === '0' && minInt === 0) intText = '';
  intText = intText.padStart(minInt, '0');
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = intText + (fracPlaces > 0 && (fracText.length > 0 || pointAt >= 0) ? '.' + fracText : '');

  const literalText = (t: Token): string => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '');
  const prefix = tokens.slice(0, first).map(literalText).join('');
  const suffix = tokens
    .slice(last + 1)
    .map(literalText)
    .join('');
  const isNegative = n < 0 && !explicitNegative && Number(scaled) !== 0;
  return `${isNegative ? '-' : ''}${prefix}${body}${suffix}`;
}
