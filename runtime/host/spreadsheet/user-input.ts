/**
 * What a person does in the grid: typing into a cell or pasting a block. Host-only: the runtime uses
 * it to drive edit triggers, the workbench to apply what a user typed.
 *
 * Like Sheets: each string is parsed as typed input; a rule that rejects invalid data refuses the whole
 * edit (nothing is written) with Google's message, or the rule's help text when it has one; a
 * protected range or sheet refuses a user who is not one of its editors, unless it is warning-only.
 */
import { canEditFile } from './sharing';
import type { SpreadsheetStore } from './store';
import type { CellValue } from './values';
import { planTypedWrite, plannedCell } from './write-plan';
import type { Rect } from './rect';
import { blockingProtection, validationFailure, warningProtections } from './guards';
import { Messages } from './errors';
import { rectToA1 } from './a1';

export interface UserEditRequest {
  spreadsheetId: string;
  sheetName: string;
  /** 1-based top-left cell of the edit. */
  row: number;
  column: number;
  /** What was typed or pasted, one string per cell ('' clears the cell). */
  values: string[][];
  /** Who is editing. */
  user: string;
}

export interface UserEditResult {
  /** The A1 notation of the edited block, e.g. `B2` or `B2:D4`. */
  a1: string;
  rect: Rect;
  /**
   * The cells before and after as stored, a formula cell's being '' (not computed): the edit event
   * gives no `value` for a typed formula and no `oldValue` for a replaced one, as before formulas were
   * computed, since what live Apps Script passes there is not established.
   */
  oldValues: CellValue[][];
  newValues: CellValue[][];
  /** Descriptions of warning-only protections the person was warned about (and went ahead). */
  warnings: string[];
}

/** A refused edit: `reason` tells why, and nothing was written. */
export class UserEditRefused extends Error {
  constructor(
    message: string,
    readonly reason: 'protected' | 'validation' | 'bounds' | 'view-only',
  ) {
    super(message);
    this.name = 'UserEditRefused';
  }
}

export function userEdit(store: SpreadsheetStore, request: UserEditRequest): UserEditResult {
  const spreadsheet = store.require(request.spreadsheetId);
  // Sheets opens the file read-only for someone who may only view it (or not open it): nothing to type in.
  if (!canEditFile(request.user, spreadsheet))
    throw new UserEditRefused(`${request.user} can only view this spreadsheet (View only).`, 'view-only');
  const sheet = spreadsheet.requireSheet(request.sheetName);
  const numRows = request.values.length;
  const numColumns = request.values.reduce((w, line) => Math.max(w, line.length), 0);
  if (numRows === 0 || numColumns === 0) throw new Error('userEdit: values must hold at least one cell');
  const rect: Rect = { row: request.row, column: request.column, numRows, numColumns };
  if (
    rect.row < 1 ||
    rect.column < 1 ||
    rect.row + numRows - 1 > sheet.maxRows ||
    rect.column + numColumns - 1 > sheet.maxColumns
  ) {
    throw new UserEditRefused(`The edit ${rectToA1(rect)} is outside the sheet ${sheet.name}.`, 'bounds');
  }
  if (blockingProtection(sheet, rect, request.user))
    throw new UserEditRefused(Messages.protected, 'protected');

  const plan = planTypedWrite(sheet, rect, request.values);
  const invalid = validationFailure(sheet, rect, (row, column) => plannedCell(sheet, plan, row, column));
  // The Sheets UI shows the rule's help text instead of the generic message when there is one.
  if (invalid) throw new UserEditRefused(invalid.rule.helpText ?? invalid.message, 'validation');

  const oldValues = sheet.readStoredValues(rect);
  sheet.commitPlan(plan);
  return {
    a1: rectToA1(rect),
    rect,
    oldValues,
    newValues: sheet.readStoredValues(rect),
    warnings: warningProtections(sheet, rect).map((p) => p.description),
  };
}
