/**
 * Apps Script's Spreadsheet (one file).
 * Reference: developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import type { ExecutionContext } from '../execution';
import { GasError, GasObject } from '../gas-object';
import { enumArg, overload, text } from './base';
import { PROTECTION_TYPE } from './spreadsheet-enums';
import type { SpreadsheetModel } from './spreadsheet-model';
import { Messages, fail } from './errors';
import { isValidTimeZone } from '../time-zone';
import { changeSpreadsheetTimeZone } from './time-zone-change';
import { Sheet, rangeFromA1 } from './sheet';
import { Range } from './range';
import { ProtectionObject } from './protection-object';
import { sheetProtectionBlocking } from './protection-model';
import { SharedSpreadsheetFile } from './spreadsheet-sharing';

/** The event the UI recorder receives for Spreadsheet.toast (UiRecorder.record, owned by services/ui). */
export interface ToastEvent {
  kind: 'toast';
  spreadsheetId: string;
  user: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}
interface ToastRecorder {
  record(event: ToastEvent): void;
}

export class Spreadsheet extends SharedSpreadsheetFile {
  readonly gasClass = 'Spreadsheet';

  constructor(ctx: ExecutionContext, _model: SpreadsheetModel) {
    super(ctx, _model);
  }

  _sheet(sheet: Sheet | unknown, method: string): Sheet {
    if (!(sheet instanceof Sheet) || sheet._model.spreadsheet !== this._model) {
      throw new GasError(`Invalid argument: sheet (${method})`);
    }
    return sheet;
  }

  getId(): string {
    return this._model.id;
  }

  getName(): string {
    return this._model.name;
  }

  rename(newName: string): void {
    overload(this.gasClass, 'rename', arguments, ['string']);
    this._model.name = newName;
  }

  getUrl(): string {
    return this._model.url;
  }

  getFormUrl(): string | null {
    return this._model.formUrl;
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    overload(this.gasClass, 'setSpreadsheetTimeZone', arguments, ['string']);
    if (!isValidTimeZone(timezone)) throw new GasError('Invalid argument: timezone');
    // Date cells keep their wall clock, so they read as other instants (./time-zone-change).
    changeSpreadsheetTimeZone(this._model, timezone);
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  // ------------------------------------------------------------------------------------------
  // Sheets

  getSheets(): Sheet[] {
    return this._model.sheetModels().map((s) => new Sheet(this.ctx, s));
  }

  getNumSheets(): number {
    return this._model.sheetModels().length;
  }

  getSheetByName(name: string): Sheet | null {
    overload(this.gasClass, 'getSheetByName', arguments, ['string']);
    const sheet = this._model.sheetNamed(name);
    return sheet ? new Sheet(this.ctx, sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    overload(this.gasClass, 'getSheetById', arguments, ['number']);
    const sheet = this._model.sheetById(id);
    return sheet ? new Sheet(this.ctx, sheet) : null;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index) (0-based index).
   * The new tab becomes the active sheet, as Google documents. Google's forms with an `options` object
   * ({template}) are not modelled: they say so, not that Google refuses them.
   */
  insertSheet(a?: string | number, b?: number): Sheet {
    const isOptions = (x: unknown) => typeof x === 'object' && x !== null && !(x instanceof GasObject);
    if (Array.prototype.some.call(arguments, isOptions))
      throw new GasError('not implemented in the local runtime: Spreadsheet.insertSheet with options');
    const form = overload(
      this.gasClass,
      'insertSheet',
      arguments,
      [],
      ['number'],
      ['string'],
      ['string', 'number'],
    );
    let name: string;
    let index: number | undefined;
    if (form === 0 || form === 1) {
      name = this._freeName();
      index = form === 1 ? (a as number) : undefined;
    } else {
      name = a as string;
      index = form === 3 ? b : undefined;
    }
    const sheet = this._model.insertSheetModel(
      name,
      index ?? this._model.indexOf(this._model.activeSheetFor(this.ctx.activeUserEmail)) + 1,
    );
    this._model.setActiveSheetFor(this.ctx.activeUserEmail, sheet);
    return new Sheet(this.ctx, sheet);
  }

  _freeName(): string {
    for (let n = this._model.sheetModels().length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this._model.sheetModels().some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  deleteSheet(sheet: Sheet): void {
    overload(this.gasClass, 'deleteSheet', arguments, ['gas']);
    const target = this._sheet(sheet, 'deleteSheet');
    if (target._model.deleted) fail(Messages.sheetDeleted(target._model.name));
    if (
      sheetProtectionBlocking(target._model.protections, this.ctx.effectiveUserEmail, this._model.ownerEmail)
    )
      fail(Messages.protected);
    this._model.removeSheet(target._model);
  }

  getActiveSheet(): Sheet {
    return new Sheet(this.ctx, this._model.activeSheetFor(this.ctx.activeUserEmail));
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    overload(this.gasClass, 'setActiveSheet', arguments, ['gas'], ['gas', 'boolean']);
    return this._sheet(sheet, 'setActiveSheet').activate();
  }

  moveActiveSheet(pos: number): void {
    overload(this.gasClass, 'moveActiveSheet', arguments, ['number']);
    this._model.moveSheet(this._model.activeSheetFor(this.ctx.activeUserEmail), pos - 1);
  }

  // ------------------------------------------------------------------------------------------
  // Ranges and selection

  /** Spreadsheet.getRange("Sheet!A1:B2"); without a sheet name, on the active sheet. */
  getRange(a1Notation: string): Range {
    overload(this.gasClass, 'getRange', arguments, ['string']);
    return rangeFromA1(this.ctx, this._model.activeSheetFor(this.ctx.activeUserEmail), a1Notation);
  }

  getActiveRange(): Range {
    const sel = this._model.selectionFor(this.ctx.activeUserEmail);
    return new Range(this.ctx, this._model.sheetById(sel.sheetId)!, { ...sel.rect });
  }

  getActiveCell(): Range {
    const sel = this._model.selectionFor(this.ctx.activeUserEmail);
    return new Range(this.ctx, this._model.sheetById(sel.sheetId)!, {
      row: sel.rect.row,
      column: sel.rect.column,
      numRows: 1,
      numColumns: 1,
    });
  }

  getCurrentCell(): Range {
    return this.getActiveCell();
  }

  setActiveRange(range: Range): Range {
    overload(this.gasClass, 'setActiveRange', arguments, ['gas']);
    if (!(range instanceof Range) || range._model.spreadsheet !== this._model)
      throw new GasError('Invalid argument: range');
    return range.activate();
  }

  setActiveSelection(range: Range | string): Range {
    overload(this.gasClass, 'setActiveSelection', arguments, ['gas'], ['string']);
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }

  // Shortcuts Google offers on Spreadsheet for the active sheet.
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }
  appendRow(rowContents: unknown[]): Sheet {
    return this.getActiveSheet().appendRow(rowContents);
  }

  getProtections(type: unknown): ProtectionObject[] {
    overload(this.gasClass, 'getProtections', arguments, ['enum']);
    const kind = enumArg(this.gasClass, 'getProtections', arguments, PROTECTION_TYPE, type);
    return this._model
      .sheetModels()
      .flatMap((s) => s.protections.filter((p) => !p.removed && p.type === kind))
      .map((p) => new ProtectionObject(this.ctx, this._model, p));
  }

  // ------------------------------------------------------------------------------------------
  // UI

  /** Spreadsheet.toast: shown to the user at the keyboard; recorded for tests and the workbench. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    overload(this.gasClass, 'toast', arguments, ['any'], ['any', 'any'], ['any', 'any', 'number']);
    const recorder = this.ctx.world.ui as unknown as Partial<ToastRecorder>;
    if (typeof recorder.record !== 'function') {
      throw new Error('UiRecorder.record is missing: the ui service must provide it for Spreadsheet.toast');
    }
    recorder.record({
      kind: 'toast',
      spreadsheetId: this._model.id,
      user: this.ctx.activeUserEmail,
      message: text(msg),
      title: title === undefined ? '' : text(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}

export function spreadsheetObjectFor(ctx: ExecutionContext, model: SpreadsheetModel): Spreadsheet {
  return new Spreadsheet(ctx, model);
}
