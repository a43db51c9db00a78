/**
 * The ground floor of Apps Script's Sheet (./sheet): the tab it stands for, the host-only helpers
 * (names start with `_`: the dispatcher hides them), identity, and getting ranges. Sheet is split by
 * concern into a chain of classes, SheetBase → SheetStructure (./sheet-structure) → SheetLayout
 * (./sheet-layout) → Sheet, because the dispatcher exposes every method on the prototype chain, so
 * scripts still see one class. Only the next class in the chain imports each of these modules, which
 * keeps the spreadsheet modules' import cycles from reaching a class before its base is defined.
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, javaInt, overload } from './base';
import type { GasEnumValue } from '../gas-enum';
import { SHEET_TYPE } from './spreadsheet-enums';
import type { SheetModel } from './sheet-model';
import type { Rect } from './rect';
import { a1Span, parseA1, resolveA1 } from './a1';
import { Messages, fail } from './errors';
import { blockingProtection } from './guards';
import { Range, checkRect } from './range';
import { sheetProtectionBlocking } from './protection-model';
import { spreadsheetObjectFor } from './spreadsheet';
import type { Spreadsheet } from './spreadsheet';

export abstract class SheetBase extends SpreadsheetGasObject {
  readonly gasClass = 'Sheet';

  constructor(
    ctx: ExecutionContext,
    readonly _model: SheetModel,
  ) {
    super(ctx);
  }

  _live(): SheetModel {
    if (this._model.deleted) fail(Messages.sheetDeleted(this._model.name));
    return this._model;
  }

  _user(): string {
    return this.ctx.effectiveUserEmail;
  }

  _range(rect: Rect): Range {
    return new Range(this.ctx, this._live(), rect);
  }

  /** Structural changes (insert/delete rows or columns) need edit rights over the lines touched. */
  _assertCanRestructure(rect: Rect): void {
    if (blockingProtection(this._live(), rect, this._user())) fail(Messages.protected);
  }

  // ------------------------------------------------------------------------------------------
  // Identity

  getName(): string {
    return this._live().name;
  }

  setName(name: string): this {
    overload(this.gasClass, 'setName', arguments, ['string']);
    const sheet = this._live();
    if (sheetProtectionBlocking(sheet.protections, this._user(), sheet.spreadsheet.ownerEmail))
      fail(Messages.protected);
    const clash = sheet.spreadsheet
      .sheetModels()
      .find((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash) fail(Messages.sheetExists(name));
    sheet.name = name;
    return this;
  }

  getSheetId(): number {
    return this._live().sheetId;
  }

  /** 1-based position of the tab. */
  getIndex(): number {
    return this._live().spreadsheet.indexOf(this._model) + 1;
  }

  getParent(): Spreadsheet {
    return spreadsheetObjectFor(this.ctx, this._live().spreadsheet);
  }

  getFormUrl(): string | null {
    return this._live().formUrl;
  }

  getType(): GasEnumValue {
    return SHEET_TYPE.value('GRID');
  }

  // ------------------------------------------------------------------------------------------
  // Ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const form = overload(
      this.gasClass,
      'getRange',
      arguments,
      ['string'],
      ['number', 'number'],
      ['number', 'number', 'number'],
      ['number', 'number', 'number', 'number'],
    );
    const sheet = this._live();
    if (form === 0) return rangeFromA1(this.ctx, sheet, a as string);
    const row = javaInt(a as number);
    const col = javaInt(column as number);
    const nr = javaInt(numRows ?? 1);
    const nc = javaInt(numColumns ?? 1);
    checkRect(sheet, row, col, nr, nc);
    return this._range({ row, column: col, numRows: nr, numColumns: nc });
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    const sheet = this._live();
    return this._range({
      row: 1,
      column: 1,
      numRows: Math.max(1, sheet.lastRow()),
      numColumns: Math.max(1, sheet.lastColumn()),
    });
  }

  getLastRow(): number {
    return this._live().lastRow();
  }

  getLastColumn(): number {
    return this._live().lastColumn();
  }

  getMaxRows(): number {
    return this._live().maxRows;
  }

  getMaxColumns(): number {
    return this._live().maxColumns;
  }

  getActiveRange(): Range | null {
    const sheet = this._live();
    const sel = sheet.spreadsheet.selectionFor(this.ctx.activeUserEmail);
    return sel.sheetId === sheet.sheetId
      ? this._range({ ...sel.rect })
      : this._range({ row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  getActiveCell(): Range {
    const range = this.getActiveRange() as Range;
    return this._range({ row: range._rect.row, column: range._rect.column, numRows: 1, numColumns: 1 });
  }

  getCurrentCell(): Range | null {
    return this.getActiveCell();
  }

  setActiveRange(range: Range): Range {
    overload(this.gasClass, 'setActiveRange', arguments, ['gas']);
    if (!(range instanceof Range) || range._model !== this._live())
      throw new GasError('The range must be on this sheet.');
    return range.activate();
  }

  setActiveSelection(range: Range | string): Range {
    overload(this.gasClass, 'setActiveSelection', arguments, ['gas'], ['string']);
    const target = typeof range === 'string' ? rangeFromA1(this.ctx, this._live(), range) : range;
    return this.setActiveRange(target);
  }
}

/**
 * A range from A1 notation on `sheet`, or on the tab the notation names. Unknown tabs and notation
 * Sheets would not accept fail with "Range not found", like Google.
 */
export function rangeFromA1(ctx: ExecutionContext, sheet: SheetModel, a1: string): Range {
  const parsed = parseA1(a1);
  if (!parsed) fail(Messages.rangeNotFound);
  // The tab named in the notation is found as getSheetByName finds it, ignoring case (as a formula's
  // sheet reference does in Sheets).
  const target = parsed.sheetName === null ? sheet : sheet.spreadsheet.sheetNamed(parsed.sheetName);
  if (!target) fail(Messages.rangeNotFound);
  const rect = resolveA1(parsed, target.maxRows, target.maxColumns);
  checkRect(target, rect.row, rect.column, rect.numRows, rect.numColumns);
  return new Range(ctx, target, rect, a1Span(parsed));
}
