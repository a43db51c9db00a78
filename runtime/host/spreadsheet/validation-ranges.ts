/**
 * A sheet's data validation rules stored as rectangles (SheetModel.validations), not per cell: a rule
 * set on a whole column is one entry, so a 100,000-row sheet pays per rule, not per cell. These
 * functions keep that list compact as rules are read, replaced and set cell by cell.
 */
import type { Rect } from './rect';
import { intersection, lastColumnOf, lastRowOf, subtract } from './rect';
import type { ValidationRule } from './validation-rules';
import { ruleKey } from './validation-rules';

export interface ValidationEntry {
  rect: Rect;
  rule: ValidationRule;
}

/** The rule of one cell (1-based), or null. */
export function validationAt(entries: ValidationEntry[], row: number, column: number): ValidationRule | null {
  for (const entry of entries) {
    const r = entry.rect;
    if (row >= r.row && row <= lastRowOf(r) && column >= r.column && column <= lastColumnOf(r))
      return entry.rule;
  }
  return null;
}

/** The rule of every cell of `rect` (null where none), in O(cells + rules). */
export function validationsIn(entries: ValidationEntry[], rect: Rect): (ValidationRule | null)[][] {
  const out: (ValidationRule | null)[][] = [];
  for (let i = 0; i < rect.numRows; i++)
    out.push(new Array<ValidationRule | null>(rect.numColumns).fill(null));
  for (const entry of entries) {
    const overlap = intersection(entry.rect, rect);
    if (!overlap) continue;
    for (let r = overlap.row; r <= lastRowOf(overlap); r++) {
      const line = out[r - rect.row]!;
      for (let c = overlap.column; c <= lastColumnOf(overlap); c++) line[c - rect.column] = entry.rule;
    }
  }
  return out;
}

/** The entries with `rect` cut out of them (rules partly inside it keep their outside pieces). */
export function withoutValidations(entries: ValidationEntry[], rect: Rect): ValidationEntry[] {
  const kept: ValidationEntry[] = [];
  for (const entry of entries) {
    for (const piece of subtract(entry.rect, rect)) kept.push({ rect: piece, rule: entry.rule });
  }
  return kept;
}

/** Adds one rule over `rect` (already cleared of other rules). */
export function addValidation(entries: ValidationEntry[], rect: Rect, rule: ValidationRule): void {
  // Rules set row by row in a loop (a common script pattern) extend the previous rectangle.
  const last = entries[entries.length - 1];
  if (
    last &&
    ruleKey(last.rule) === ruleKey(rule) &&
    last.rect.column === rect.column &&
    last.rect.numColumns === rect.numColumns
  ) {
    if (lastRowOf(last.rect) + 1 === rect.row) {
      last.rect.numRows += rect.numRows;
      return;
    }
  }
  entries.push({ rect, rule });
}

/**
 * Adds the rules of `rect` cell by cell (Range.setDataValidations; `rect` already cleared). Equal rules
 * in a column are stored as one vertical run, and equal runs side by side as one rectangle.
 */
export function addValidationGrid(
  entries: ValidationEntry[],
  rect: Rect,
  rules: (ValidationRule | null)[][],
): void {
  let previous: { key: string; start: number; end: number; entry: ValidationEntry }[] = [];
  for (let j = 0; j < rect.numColumns; j++) {
    const column = rect.column + j;
    const runs: { key: string; start: number; end: number; entry: ValidationEntry }[] = [];
    let i = 0;
    while (i < rect.numRows) {
      const rule = rules[i]?.[j] ?? null;
      if (!rule) {
        i++;
        continue;
      }
      const key = ruleKey(rule);
      let k = i + 1;
      while (k < rect.numRows) {
        const next = rules[k]?.[j] ?? null;
        if (!next || (next !== rule && ruleKey(next) !== key)) break;
        k++;
      }
      const start = rect.row + i;
      const end = rect.row + k - 1;
      const left = previous.find((p) => p.key === key && p.start === start && p.end === end);
      if (left) {
        left.entry.rect.numColumns++;
        runs.push(left);
      } else {
        const entry = { rect: { row: start, column, numRows: end - start + 1, numColumns: 1 }, rule };
        entries.push(entry);
        runs.push({ key, start, end, entry });
      }
      i = k;
    }
    previous = runs;
  }
}
