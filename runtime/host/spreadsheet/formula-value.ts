/**
 * The values a formula computes with, and Sheets' conversions between them: a blank cell is 0 in
 * arithmetic, "" in text and FALSE as a condition; TRUE is 1 in arithmetic and "TRUE" in text; text
 * that reads as a number (as typed input would) is that number in arithmetic, other text is #VALUE!;
 * a date is its serial day number (days since 30 December 1899, Sheets help "DATE": "Google Sheets
 * uses the 1900 date system"), so `"x"&DATE(2030,1,1)` is "x47484". Ben Vogt's reverse engineering
 * of Sheets' types ("A guesser's guide to Google Spreadsheets", benvogt.io) reports the same: text
 * such as "1,000,000" or "$101.49" is read as a number, and a date is a number the cell displays as
 * a date.
 */
import type { CellValue } from './values';
import { parseTypedInput } from './values';
import { toSerial } from './number-format';
import { offsetAt } from '../time-zone';

/** An error value (`#DIV/0!`, `#VALUE!`, …): what getValue returns is its code as a string. */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** A number Sheets shows as a date: `withTime` when it carries a time of day (NOW, a date-time cell). */
export class SheetDate {
  constructor(
    readonly serial: number,
    readonly withTime: boolean,
  ) {}
}

/** `null` is a blank cell (or an omitted argument). */
export type FormulaValue = number | string | boolean | null | SheetDate | FormulaError;

export const Errors = {
  divZero: new FormulaError('#DIV/0!'),
  value: new FormulaError('#VALUE!'),
  ref: new FormulaError('#REF!'),
  name: new FormulaError('#NAME?'),
  na: new FormulaError('#N/A'),
  num: new FormulaError('#NUM!'),
  parse: new FormulaError('#ERROR!'),
} as const;

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A stored cell value as a formula sees it. */
export function fromCell(value: CellValue | undefined, timeZone: string): FormulaValue {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) {
    const serial = toSerial(value, timeZone);
    return new SheetDate(serial, !Number.isInteger(serial));
  }
  return value;
}

/** What Range.getValue returns for a computed value: errors as their codes, dates as Dates. */
export function toCell(value: FormulaValue, timeZone: string): CellValue {
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  if (value instanceof SheetDate) return serialToDate(value.serial, timeZone);
  if (typeof value === 'number' && !Number.isFinite(value)) return Errors.num.code;
  return value;
}

/** The instant whose wall clock in `timeZone` is the serial (the offset looked up, no fields built). */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round(SERIAL_EPOCH_MS + serial * DAY_MS);
  // One correction handles a first guess that landed on the other side of a DST transition.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

export function dateSerialOf(date: Date, timeZone: string): number {
  return toSerial(date, timeZone);
}

export function isError(value: FormulaValue): value is FormulaError {
  return value instanceof FormulaError;
}

/**
 * A number, or the error the value turns into in arithmetic. `nowMs` is the world's clock, for text
 * that is a date without a year ("1/2").
 */
export function toNumber(value: FormulaValue, timeZone: string, nowMs?: number): number | FormulaError {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof SheetDate) return value.serial;
  if (value instanceof FormulaError) return value;
  // Text is read the way typed input is: "12", "1,234", "50%", "$3", "2026-03-01".
  const typed = parseTypedInput(value, timeZone, undefined, nowMs);
  if (typed.formula !== null || value.trim() === '') return Errors.value;
  if (typeof typed.value === 'number') return typed.value;
  if (typed.value instanceof Date) return toSerial(typed.value, timeZone);
  return Errors.value;
}

/** Numbers in text: 15 significant digits, as Sheets writes `=1/3&""` ("0.333333333333333"). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const text = String(Number(n.toPrecision(15)));
  return text.replace('e+', 'E+').replace('e-', 'E-');
}

export function toText(value: FormulaValue): string | FormulaError {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof SheetDate) return numberText(value.serial);
  if (value instanceof FormulaError) return value;
  return numberText(value);
}

export function toBoolean(value: FormulaValue): boolean | FormulaError {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof SheetDate) return value.serial !== 0;
  if (value instanceof FormulaError) return value;
  const upper = value.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return Errors.value;
}

/** Sheets' order across types when comparing: numbers (and dates) < text < booleans. */
function rank(value: number | string | boolean): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

/**
 * Compares two values as `=`, `<`, … do: text ignores case, a blank is 0 beside a number, "" beside
 * text and FALSE beside a boolean. Returns <0, 0 or >0, or the error of either side.
 */
export function compare(a: FormulaValue, b: FormulaValue): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const left = comparable(a, b);
  const right = comparable(b, a);
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'string' && typeof right === 'string') {
    const x = left.toLowerCase();
    const y = right.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(left);
  const y = Number(right);
  return x < y ? -1 : x > y ? 1 : 0;
}

function comparable(value: FormulaValue, other: FormulaValue): number | string | boolean {
  if (value instanceof SheetDate) return value.serial;
  if (value !== null && !(value instanceof FormulaError)) return value;
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}
