/**
 * Data validation rules as the model stores them, and the check Sheets applies to an entry.
 * Criteria names are Apps Script's `SpreadsheetApp.DataValidationCriteria`.
 */
import type { CellValue } from './values';
import type { Rect } from './rect';

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;
export type DataValidationCriteria = (typeof DataValidationCriteria)[keyof typeof DataValidationCriteria];

/** A reference to cells of the same spreadsheet (requireValueInRange), by sheet id so renames hold. */
export interface RangeRef {
  kind: 'range';
  sheetId: number;
  rect: Rect;
}

export type CriteriaArg = CellValue | CellValue[] | RangeRef | null;

export interface ValidationRule {
  readonly criteria: DataValidationCriteria;
  readonly args: readonly CriteriaArg[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export function isRangeRef(arg: unknown): arg is RangeRef {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'range';
}

const keys = new WeakMap<ValidationRule, string>();
/** Structural identity, so equal rules written cell by cell merge into one rectangle. */
export function ruleKey(rule: ValidationRule): string {
  let key = keys.get(rule);
  if (key === undefined) {
    key = JSON.stringify([rule.criteria, rule.args, rule.allowInvalid, rule.helpText], (_k, v: unknown) =>
      v instanceof Date ? { $d: v.getTime() } : v,
    );
    keys.set(rule, key);
  }
  return key;
}

/** How a validated cell looks to the checker: its value and what Sheets displays for it. */
export interface Entry {
  value: CellValue;
  display: string;
}

export interface CheckContext {
  /** Display strings of the cells a VALUE_IN_RANGE rule points at. */
  rangeDisplays(ref: RangeRef): string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

function asNumber(v: CellValue): number | null {
  return typeof v === 'number' ? v : null;
}
function asTime(v: CellValue | CellValue[] | RangeRef | null | undefined): number | null {
  return v instanceof Date ? v.getTime() : null;
}
function num(arg: CriteriaArg | undefined): number {
  return typeof arg === 'number' ? arg : Number(arg);
}

/** Whether `entry` satisfies the rule. Blank cells always do: clearing a validated cell is allowed. */
export function satisfies(rule: ValidationRule, entry: Entry, ctx: CheckContext): boolean {
  const { value } = entry;
  if (value === '') return true;
  const a = rule.args;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = Array.isArray(a[0]) ? a[0] : [];
      return list.some((item) => String(item) === entry.display || item === value);
    }
    case 'VALUE_IN_RANGE': {
      const ref = a[0];
      return isRangeRef(ref) ? ctx.rangeDisplays(ref).includes(entry.display) : false;
    }
    case 'CHECKBOX': {
      if (a.length === 0) return typeof value === 'boolean';
      const allowed = a.map((x) => String(x));
      return allowed.includes(entry.display) || allowed.includes(String(value));
    }
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN': {
      const n = asNumber(value);
      if (n === null) return false;
      const inside = n >= Math.min(num(a[0]), num(a[1])) && n <= Math.max(num(a[0]), num(a[1]));
      return rule.criteria === 'NUMBER_BETWEEN' ? inside : !inside;
    }
    case 'NUMBER_EQUAL_TO':
      return asNumber(value) === num(a[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return asNumber(value) !== null && asNumber(value) !== num(a[0]);
    case 'NUMBER_GREATER_THAN':
      return (asNumber(value) ?? -Infinity) > num(a[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return (asNumber(value) ?? -Infinity) >= num(a[0]);
    case 'NUMBER_LESS_THAN':
      return asNumber(value) !== null && (asNumber(value) as number) < num(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return asNumber(value) !== null && (asNumber(value) as number) <= num(a[0]);
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date;
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_EQUAL_TO':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_ON_OR_BEFORE':
    case 'DATE_BETWEEN':
    case 'DATE_NOT_BETWEEN':
      return checkDate(rule.criteria, asTime(value), a);
    case 'TEXT_CONTAINS':
      return entry.display.includes(String(a[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !entry.display.includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return entry.display === String(a[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(entry.display);
    case 'TEXT_IS_VALID_URL':
      return URL.test(entry.display);
    case 'CUSTOM_FORMULA':
      // Formulas are not evaluated locally: a custom-formula rule cannot reject anything here.
      return true;
  }
}

function checkDate(criteria: DataValidationCriteria, t: number | null, a: readonly CriteriaArg[]): boolean {
  if (t === null) return false;
  const t0 = asTime(a[0]);
  const t1 = asTime(a[1]);
  if (t0 === null) return false;
  switch (criteria) {
    case 'DATE_AFTER':
      return t > t0;
    case 'DATE_BEFORE':
      return t < t0;
    case 'DATE_EQUAL_TO':
      return t === t0;
    case 'DATE_ON_OR_AFTER':
      return t >= t0;
    case 'DATE_ON_OR_BEFORE':
      return t <= t0;
    case 'DATE_BETWEEN':
      return t1 !== null && t >= Math.min(t0, t1) && t <= Math.max(t0, t1);
    case 'DATE_NOT_BETWEEN':
      return t1 !== null && (t < Math.min(t0, t1) || t > Math.max(t0, t1));
    default:
      return true;
  }
}

/** Google's message when an entry breaks a rule that rejects invalid input. */
export function validationMessage(a1: string): string {
  return `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}
