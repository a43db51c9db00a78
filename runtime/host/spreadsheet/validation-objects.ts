/**
 * DataValidationBuilder and DataValidation, the script-visible side of validation rules.
 * New rules allow invalid input (show a warning) unless setAllowInvalid(false), as Google documents.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, enumArg, overload, text } from './base';
import type { GasEnumValue } from '../gas-enum';
import { DATA_VALIDATION_CRITERIA } from './spreadsheet-enums';
import type { SpreadsheetModel } from './spreadsheet-model';
import type { CellValue } from './values';
import type { CriteriaArg, DataValidationCriteria, ValidationRule } from './validation-rules';
import { DataValidationCriteria as Criteria, isRangeRef } from './validation-rules';
import { Range } from './range';

interface Draft {
  criteria: DataValidationCriteria | null;
  args: CriteriaArg[];
  allowInvalid: boolean;
  helpText: string | null;
}

abstract class ValidationView extends SpreadsheetGasObject {
  constructor(
    ctx: ExecutionContext,
    /** The file range criteria point into; learnt from the first Range given when not known. */
    public _spreadsheet: SpreadsheetModel | null,
  ) {
    super(ctx);
  }

  abstract _draft(): Draft;

  getAllowInvalid(): boolean {
    return this._draft().allowInvalid;
  }

  getCriteriaType(): GasEnumValue | null {
    const criteria = this._draft().criteria;
    return criteria === null ? null : DATA_VALIDATION_CRITERIA.value(criteria);
  }

  /** Criteria arguments as the script passed them; a range criterion comes back as a Range. */
  getCriteriaValues(): unknown[] {
    return this._draft().args.map((arg) => {
      if (isRangeRef(arg)) {
        const sheet = this._spreadsheet?.sheetById(arg.sheetId);
        return sheet ? new Range(this.ctx, sheet, { ...arg.rect }) : null;
      }
      return Array.isArray(arg) ? arg.slice() : arg;
    });
  }

  getHelpText(): string | null {
    return this._draft().helpText;
  }

  copy(): DataValidationBuilder {
    const d = this._draft();
    return new DataValidationBuilder(this.ctx, this._spreadsheet, { ...d, args: d.args.slice() });
  }
}

/**
 * Sheets holds at most 500 items in a drop-down typed as a list; applying a longer one fails with this
 * text (seen on live Apps Script by scripts that hit it; Google's reference does not state the limit).
 * Whether live Apps Script refuses the rule at build() or when it is applied is not published: the
 * runtime refuses it when applied, where Sheets stores it. A list from a range has no such limit.
 */
export const LIST_ITEMS_LIMIT = 500;
export const LIST_ITEMS_LIMIT_MESSAGE = `The data validation rule has more items than the limit of ${LIST_ITEMS_LIMIT}. Use the "List from a range" criteria instead.`;

/** Throws Sheets' refusal for a list rule of more than 500 items. */
export function assertStorable(rule: ValidationRule): void {
  const list = rule.criteria === Criteria.VALUE_IN_LIST ? rule.args[0] : null;
  if (Array.isArray(list) && list.length > LIST_ITEMS_LIMIT) throw new GasError(LIST_ITEMS_LIMIT_MESSAGE);
}

export class DataValidation extends ValidationView {
  readonly gasClass = 'DataValidation';

  constructor(
    ctx: ExecutionContext,
    spreadsheet: SpreadsheetModel | null,
    readonly _rule: ValidationRule,
  ) {
    super(ctx, spreadsheet);
  }

  _draft(): Draft {
    return { ...this._rule, args: this._rule.args.slice() };
  }
}

export class DataValidationBuilder extends ValidationView {
  readonly gasClass = 'DataValidationBuilder';

  constructor(
    ctx: ExecutionContext,
    spreadsheet: SpreadsheetModel | null,
    readonly _state: Draft = { criteria: null, args: [], allowInvalid: true, helpText: null },
  ) {
    super(ctx, spreadsheet);
  }

  _draft(): Draft {
    return this._state;
  }

  _set(criteria: DataValidationCriteria, args: CriteriaArg[]): DataValidationBuilder {
    this._state.criteria = criteria;
    this._state.args = args;
    return this;
  }

  build(): DataValidation {
    const s = this._state;
    // Sheets cannot store a rule without a criterion.
    if (s.criteria === null) throw new GasError('A data validation rule must have a criteria type.');
    return new DataValidation(this.ctx, this._spreadsheet, {
      criteria: s.criteria,
      args: s.args.slice(),
      allowInvalid: s.allowInvalid,
      helpText: s.helpText,
    });
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    overload(this.gasClass, 'setAllowInvalid', arguments, ['boolean']);
    this._state.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    overload(this.gasClass, 'setHelpText', arguments, ['string']);
    this._state.helpText = helpText;
    return this;
  }

  withCriteria(criteria: unknown, args: unknown[]): DataValidationBuilder {
    overload(this.gasClass, 'withCriteria', arguments, ['enum', 'array']);
    const name = enumArg(this.gasClass, 'withCriteria', arguments, DATA_VALIDATION_CRITERIA, criteria);
    return this._set(
      name,
      args.map((a) => this._arg(a)),
    );
  }

  _arg(value: unknown): CriteriaArg {
    if (value instanceof Range) {
      this._spreadsheet ??= value._model.spreadsheet;
      return { kind: 'range', sheetId: value._model.sheetId, rect: { ...value._rect } };
    }
    if (Array.isArray(value))
      return value.map((v) =>
        v instanceof Date ? v : typeof v === 'object' && v !== null ? text(v) : (v as CellValue),
      );
    if (value === null || value === undefined) return null;
    if (value instanceof Date || typeof value !== 'object') return value as CellValue;
    return text(value);
  }

  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilder {
    overload(this.gasClass, 'requireValueInList', arguments, ['array'], ['array', 'boolean']);
    return this._set(Criteria.VALUE_IN_LIST, [values.map((v) => text(v)), showDropdown ?? true]);
  }

  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder {
    overload(this.gasClass, 'requireValueInRange', arguments, ['gas'], ['gas', 'boolean']);
    if (!(range instanceof Range)) overload(this.gasClass, 'requireValueInRange', arguments);
    return this._set(Criteria.VALUE_IN_RANGE, [this._arg(range), showDropdown ?? true]);
  }

  requireCheckbox(_checkedValue?: unknown, _uncheckedValue?: unknown): DataValidationBuilder {
    overload(this.gasClass, 'requireCheckbox', arguments, [], ['any'], ['any', 'any']);
    const args = Array.from(arguments as ArrayLike<unknown>, (a) => this._arg(a));
    return this._set(Criteria.CHECKBOX, args);
  }

  requireDate(): DataValidationBuilder {
    return this._set(Criteria.DATE_IS_VALID_DATE, []);
  }
  requireDateAfter(date: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateAfter', arguments, ['date']);
    return this._set(Criteria.DATE_AFTER, [date]);
  }
  requireDateBefore(date: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateBefore', arguments, ['date']);
    return this._set(Criteria.DATE_BEFORE, [date]);
  }
  requireDateBetween(start: Date, end: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateBetween', arguments, ['date', 'date']);
    return this._set(Criteria.DATE_BETWEEN, [start, end]);
  }
  requireDateNotBetween(start: Date, end: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateNotBetween', arguments, ['date', 'date']);
    return this._set(Criteria.DATE_NOT_BETWEEN, [start, end]);
  }
  requireDateEqualTo(date: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateEqualTo', arguments, ['date']);
    return this._set(Criteria.DATE_EQUAL_TO, [date]);
  }
  requireDateOnOrAfter(date: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateOnOrAfter', arguments, ['date']);
    return this._set(Criteria.DATE_ON_OR_AFTER, [date]);
  }
  requireDateOnOrBefore(date: Date): DataValidationBuilder {
    overload(this.gasClass, 'requireDateOnOrBefore', arguments, ['date']);
    return this._set(Criteria.DATE_ON_OR_BEFORE, [date]);
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberBetween', arguments, ['number', 'number']);
    return this._set(Criteria.NUMBER_BETWEEN, [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberNotBetween', arguments, ['number', 'number']);
    return this._set(Criteria.NUMBER_NOT_BETWEEN, [start, end]);
  }
  requireNumberEqualTo(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberEqualTo', arguments, ['number']);
    return this._set(Criteria.NUMBER_EQUAL_TO, [number]);
  }
  requireNumberNotEqualTo(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberNotEqualTo', arguments, ['number']);
    return this._set(Criteria.NUMBER_NOT_EQUAL_TO, [number]);
  }
  requireNumberGreaterThan(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberGreaterThan', arguments, ['number']);
    return this._set(Criteria.NUMBER_GREATER_THAN, [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberGreaterThanOrEqualTo', arguments, ['number']);
    return this._set(Criteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  requireNumberLessThan(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberLessThan', arguments, ['number']);
    return this._set(Criteria.NUMBER_LESS_THAN, [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    overload(this.gasClass, 'requireNumberLessThanOrEqualTo', arguments, ['number']);
    return this._set(Criteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }

  requireTextContains(value: string): DataValidationBuilder {
    overload(this.gasClass, 'requireTextContains', arguments, ['string']);
    return this._set(Criteria.TEXT_CONTAINS, [value]);
  }
  requireTextDoesNotContain(value: string): DataValidationBuilder {
    overload(this.gasClass, 'requireTextDoesNotContain', arguments, ['string']);
    return this._set(Criteria.TEXT_DOES_NOT_CONTAIN, [value]);
  }
  requireTextEqualTo(value: string): DataValidationBuilder {
    overload(this.gasClass, 'requireTextEqualTo', arguments, ['string']);
    return this._set(Criteria.TEXT_EQUAL_TO, [value]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set(Criteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this._set(Criteria.TEXT_IS_VALID_URL, []);
  }

  /** Stored faithfully; not enforced locally, since formulas are not evaluated. */
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    overload(this.gasClass, 'requireFormulaSatisfied', arguments, ['string']);
    return this._set(Criteria.CUSTOM_FORMULA, [formula]);
  }
}
