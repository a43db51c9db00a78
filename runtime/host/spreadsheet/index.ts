/**
 * The SpreadsheetApp emulation: script-visible globals (SpreadsheetApp, Charts) and the host helpers
 * the runtime and the workbench use (userEdit, rangeObject, spreadsheetObject, snapshot).
 */
import type { ExecutionContext } from '../execution';
import type { GasObject } from '../gas-object';
import { SpreadsheetAppService } from './app';
import { ChartsService } from './charts';
import { Range, checkRect } from './range';
import { Spreadsheet } from './spreadsheet';
import { GasError } from '../gas-object';

export { userEdit, UserEditRefused } from './user-input';
export type { UserEditRequest, UserEditResult } from './user-input';
export { snapshot } from './snapshot';
export type { SheetSnapshot, SnapshotWindow, ValidationSnapshot } from './snapshot';
export { SpreadsheetStore } from './store';
export type { CreateOptions } from './store';
export { SpreadsheetModel } from './spreadsheet-model';
export { SheetModel } from './sheet-model';
export type { CellValue } from './values';
export { parseTypedInput } from './values';
export { formatForDisplay } from './number-format';
export { parseA1, resolveA1, rectToA1, columnToLetters, lettersToColumn } from './a1';
export type { Rect } from './rect';
export type { ToastEvent } from './spreadsheet';
export { Range } from './range';
export { Spreadsheet } from './spreadsheet';
export { Sheet } from './sheet';

export function createSpreadsheetApp(ctx: ExecutionContext): GasObject {
  return new SpreadsheetAppService(ctx);
}

export function createCharts(ctx: ExecutionContext): GasObject {
  return new ChartsService(ctx);
}

/**
 * A script-visible Range bound to an execution, for event objects (`e.range`). Throws if the
 * spreadsheet or sheet does not exist or the rectangle is outside the sheet.
 */
export function rangeObject(
  ctx: ExecutionContext,
  spreadsheetId: string,
  sheetName: string,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): Range {
  const sheet = ctx.world.spreadsheets.require(spreadsheetId).requireSheet(sheetName);
  try {
    checkRect(sheet, row, column, numRows, numColumns);
  } catch (error) {
    if (error instanceof GasError)
      throw new Error(`rangeObject(${sheetName}, ${row}, ${column}): ${error.message}`);
    throw error;
  }
  return new EventRange(ctx, sheet, { row, column, numRows, numColumns });
}

/**
 * An event's `e.range`: a Range that also carries its corners as plain fields (rowStart, columnStart,
 * rowEnd, columnEnd, 1-based), which scripts read without a service call (`e.range.columnStart`) and
 * which JSON.stringify(e) shows, as on live Apps Script (an edit event logs "range":{"columnStart":1,
 * "rowStart":1,"rowEnd":1,"columnEnd":1}). A Range got any other way has none of them.
 */
class EventRange extends Range {
  override _ownProperties(): Record<string, unknown> {
    const { row, column, numRows, numColumns } = this._rect;
    return {
      columnStart: column,
      rowStart: row,
      rowEnd: row + numRows - 1,
      columnEnd: column + numColumns - 1,
    };
  }
}

/** A script-visible Spreadsheet bound to an execution (`e.source`). */
export function spreadsheetObject(ctx: ExecutionContext, spreadsheetId: string): Spreadsheet {
  return new Spreadsheet(ctx, ctx.world.spreadsheets.require(spreadsheetId));
}
