/**
 * Apps Script's RangeList (Sheet.getRangeList): several ranges of one sheet, changed by one call.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/range-list
 *
 * Each method the reference lists does to every range what the Range method of that name does. Only
 * those whose Range method this runtime implements are defined; the rest (breakApart, check, uncheck,
 * isChecked, removeCheckboxes, setBackgroundRGB, setBorder, setFormulaR1C1, setShowHyperlink,
 * setTextDirection, setTextRotation, setVerticalText, trimWhitespace) are absent, so a script calling
 * one gets "not implemented in the local runtime: RangeList.<method>" from the dispatcher.
 */
import { GasError, GasObject } from '../gas-object';
import type { Range } from './range';

export class RangeList extends GasObject {
  readonly gasClass = 'RangeList';
  readonly gasService = 'Spreadsheet' as const;
  constructor(private readonly ranges: readonly Range[]) {
    super();
  }

  getRanges(): Range[] {
    return [...this.ranges];
  }

  activate(): this {
    // Google selects every range of the list; this runtime keeps one active range, the last one.
    for (const range of this.ranges) range.activate();
    return this;
  }

  clear(): this {
    return this._each('clear', arguments);
  }
  clearContent(): this {
    return this._each('clearContent', arguments);
  }
  clearDataValidations(): this {
    return this._each('clearDataValidations', arguments);
  }
  clearFormat(): this {
    return this._each('clearFormat', arguments);
  }
  clearNote(): this {
    return this._each('clearNote', arguments);
  }
  insertCheckboxes(): this {
    return this._each('insertCheckboxes', arguments);
  }
  setBackground(): this {
    return this._each('setBackground', arguments);
  }
  setFontColor(): this {
    return this._each('setFontColor', arguments);
  }
  setFontFamily(): this {
    return this._each('setFontFamily', arguments);
  }
  setFontLine(): this {
    return this._each('setFontLine', arguments);
  }
  setFontSize(): this {
    return this._each('setFontSize', arguments);
  }
  setFontStyle(): this {
    return this._each('setFontStyle', arguments);
  }
  setFontWeight(): this {
    return this._each('setFontWeight', arguments);
  }
  setFormula(): this {
    return this._each('setFormula', arguments);
  }
  setHorizontalAlignment(): this {
    return this._each('setHorizontalAlignment', arguments);
  }
  setNote(): this {
    return this._each('setNote', arguments);
  }
  setNumberFormat(): this {
    return this._each('setNumberFormat', arguments);
  }
  setValue(): this {
    return this._each('setValue', arguments);
  }
  setVerticalAlignment(): this {
    return this._each('setVerticalAlignment', arguments);
  }
  setWrap(): this {
    return this._each('setWrap', arguments);
  }
  setWrapStrategy(): this {
    return this._each('setWrapStrategy', arguments);
  }

  /**
   * One request to Sheets for the whole list: a range the user may not edit refuses it before any
   * range changes (no half-applied list), and a bad argument is reported as this class's signature
   * error, as Google names the method the script called.
   */
  private _each(method: string, args: IArguments): this {
    for (const range of this.ranges) range._assertEditable();
    const list = Array.from(args);
    try {
      for (const range of this.ranges) {
        (range as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!.apply(range, list);
      }
    } catch (error) {
      const own = `SpreadsheetApp.Range.${method}.`;
      if (error instanceof GasError && error.message.endsWith(own))
        throw new GasError(error.message.replace(own, `SpreadsheetApp.RangeList.${method}.`));
      throw error;
    }
    return this;
  }
}
