/**
 * The SpreadsheetApp global.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 */
import type { GasObject } from '../gas-object';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, javaInt, overload } from './base';
import type { SpreadsheetModel } from './spreadsheet-model';
import { Messages, fail } from './errors';
import { DataValidationBuilder } from './validation-objects';
import { ConditionalFormatRuleBuilder } from './conditional-formats';
import { SPREADSHEET_APP_ENUMS } from './spreadsheet-enums';
import { Spreadsheet } from './spreadsheet';
import type { Sheet } from './sheet';
import type { Range } from './range';
import { createUi } from '../services/ui';
import { NO_ACCESS_MESSAGE, canOpen } from './sharing';

export class SpreadsheetAppService extends SpreadsheetGasObject {
  readonly gasClass = 'SpreadsheetApp';

  override _staticProperties(): Record<string, unknown> {
    return { ...SPREADSHEET_APP_ENUMS };
  }

  _active(): SpreadsheetModel | null {
    const id = this.ctx.activeSpreadsheetId;
    if (id === null) return null;
    return this.ctx.world.spreadsheets.get(id) ?? null;
  }

  /** The container spreadsheet; null where there is none (a time-driven trigger, a standalone run). */
  getActiveSpreadsheet(): Spreadsheet | null {
    const model = this._active();
    return model ? new Spreadsheet(this.ctx, model) : null;
  }

  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet | null {
    return this.getActiveSpreadsheet()?.getActiveSheet() ?? null;
  }

  getActiveRange(): Range | null {
    return this.getActiveSpreadsheet()?.getActiveRange() ?? null;
  }

  getCurrentCell(): Range | null {
    return this.getActiveSpreadsheet()?.getCurrentCell() ?? null;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw new GasError('There is no active spreadsheet.');
    return ss.setActiveSheet(sheet);
  }

  setActiveRange(range: Range): Range {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw new GasError('There is no active spreadsheet.');
    return ss.setActiveRange(range);
  }

  openById(id: string): Spreadsheet {
    overload(this.gasClass, 'openById', arguments, ['string']);
    const model = this.ctx.world.spreadsheets.get(id);
    if (!model) fail(Messages.openById);
    return this._opened(model);
  }

  openByUrl(url: string): Spreadsheet {
    overload(this.gasClass, 'openByUrl', arguments, ['string']);
    const model = this.ctx.world.spreadsheets.byUrl(url);
    if (!model) fail(Messages.openByUrl);
    return this._opened(model);
  }

  /** A file the effective user may open (owner, shared with them, or open to all: sharing.ts). */
  _opened(model: SpreadsheetModel): Spreadsheet {
    if (!canOpen(this.ctx.effectiveUserEmail, model.ownerEmail, model.editors, model.sharing))
      throw new GasError(NO_ACCESS_MESSAGE);
    return new Spreadsheet(this.ctx, model);
  }

  /**
   * A new file owned by the effective user, one tab "Sheet1" of `rows` × `columns` (default 1000 × 26),
   * private to them until shared (sharing.ts).
   */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    overload(this.gasClass, 'create', arguments, ['string'], ['string', 'number', 'number']);
    // rows and columns are Java ints: a fraction is dropped toward zero, as for every other count.
    const size =
      rows === undefined || columns === undefined ? {} : { rows: javaInt(rows), columns: javaInt(columns) };
    // A grid with no row or column cannot exist; Google's wording for asking for one is not known to
    // the runtime, so it says so rather than making an impossible sheet.
    if ((size.rows !== undefined && size.rows < 1) || (size.columns !== undefined && size.columns < 1))
      throw new Error(
        `runtime: SpreadsheetApp.create with ${rows} rows × ${columns} columns (less than one) is not modelled; ask for at least 1 × 1`,
      );
    const model = this.ctx.world.spreadsheets.create(name, this.ctx.effectiveUserEmail, {
      ...size,
      private: true,
    });
    return new Spreadsheet(this.ctx, model);
  }

  getUi(): GasObject {
    return createUi(this.ctx);
  }

  /** Writes here are applied immediately, so there is nothing pending to flush. */
  flush(): void {}

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, this._active());
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx);
  }
}
