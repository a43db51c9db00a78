/**
 * The two checks every edit goes through: protection (may this user change these cells?) and data
 * validation (does the entry satisfy a rule that rejects invalid input?). Shared by script writes and
 * by what a person types (userEdit), which Sheets treats the same way for these two checks.
 */
import type { SheetModel } from './sheet-model';
import type { ProtectionModel } from './protection-model';
import type { Rect } from './rect';
import { intersection, subtract } from './rect';
import type { CellValue } from './values';
import type { CheckContext, RangeRef, ValidationRule } from './validation-rules';
import { satisfies, validationMessage } from './validation-rules';
import { formatForDisplay } from './number-format';
import { cellA1 } from './a1';
import { Messages, fail } from './errors';

/** Whether `rect` touches cells that `protection` covers (a sheet protection minus its exceptions). */
export function covers(protection: ProtectionModel, sheet: SheetModel, rect: Rect): boolean {
  if (protection.type === 'RANGE') {
    const covered = protection.rectOn(sheet);
    return covered !== null && intersection(covered, rect) !== null;
  }
  let remaining: Rect[] = [rect];
  for (const u of protection.unprotected) {
    if (u.sheetId !== sheet.sheetId) continue;
    remaining = remaining.flatMap((r) => subtract(r, u.rect));
    if (remaining.length === 0) return false;
  }
  return remaining.length > 0;
}

/** The first protection that stops `user` from editing `rect`, or null. */
export function blockingProtection(sheet: SheetModel, rect: Rect, user: string): ProtectionModel | null {
  const owner = sheet.spreadsheet.ownerEmail;
  for (const p of sheet.protections) {
    if (!p.removed && !p.canEdit(user, owner) && covers(p, sheet, rect)) return p;
  }
  return null;
}

/** Warning-only protections over `rect` (Sheets asks the person to confirm; scripts are not asked). */
export function warningProtections(sheet: SheetModel, rect: Rect): ProtectionModel[] {
  return sheet.protections.filter((p) => !p.removed && p.warningOnly && covers(p, sheet, rect));
}

export function assertCanEdit(sheet: SheetModel, rect: Rect, user: string): void {
  if (blockingProtection(sheet, rect, user)) fail(Messages.protected);
}

/** Reads the display values a VALUE_IN_RANGE rule refers to, once per check. */
export function checkContextFor(sheet: SheetModel): CheckContext {
  const cache = new Map<string, string[]>();
  return {
    rangeDisplays(ref: RangeRef): string[] {
      const key = `${ref.sheetId}:${ref.rect.row}:${ref.rect.column}:${ref.rect.numRows}:${ref.rect.numColumns}`;
      let found = cache.get(key);
      if (!found) {
        const source = sheet.spreadsheet.sheetById(ref.sheetId);
        found = [];
        if (source) {
          // Only rows that hold data matter: a rule on `B2:B` must not read 100,000 empty cells.
          const numRows = Math.max(0, Math.min(ref.rect.numRows, source.lastRow() - ref.rect.row + 1));
          if (numRows > 0)
            found = source
              .readDisplayValues({ ...ref.rect, numRows })
              .flat()
              .filter((d) => d !== '');
        }
        cache.set(key, found);
      }
      return found;
    },
  };
}

export interface PendingCell {
  value: CellValue;
  /** The cell's number format once written (a typed date brings its own). */
  format: string | undefined;
  isFormula: boolean;
}

/**
 * The first cell (in reading order) whose new value breaks a rule that rejects invalid input, with
 * Google's message, or null. Only cells under such rules are looked at, so a big write to a sheet
 * whose rules cover one column checks that column only. Formula cells are not checked: we cannot
 * compute their results.
 */
export function validationFailure(
  sheet: SheetModel,
  rect: Rect,
  cellAt: (row: number, column: number) => PendingCell,
): { message: string; rule: ValidationRule } | null {
  let first: { row: number; column: number; rule: ValidationRule } | null = null;
  const ctx = checkContextFor(sheet);
  for (const entry of sheet.validations) {
    if (entry.rule.allowInvalid) continue;
    const overlap = intersection(entry.rect, rect);
    if (!overlap) continue;
    scan: for (let row = overlap.row; row < overlap.row + overlap.numRows; row++) {
      if (first && row > first.row) break;
      for (let column = overlap.column; column < overlap.column + overlap.numColumns; column++) {
        if (first && row === first.row && column >= first.column) break scan;
        const cell = cellAt(row, column);
        if (cell.isFormula) continue;
        const display = formatForDisplay(cell.value, cell.format, sheet.timeZone);
        if (!satisfies(entry.rule, { value: cell.value, display }, ctx)) {
          first = { row, column, rule: entry.rule };
          break scan;
        }
      }
    }
  }
  return first ? { message: validationMessage(cellA1(first.row, first.column)), rule: first.rule } : null;
}
