/**
 * ConditionalFormatRuleBuilder, ConditionalFormatRule and BooleanCondition, the script-visible side
 * of ./conditional-format-model, and the Sheet methods that read and replace a tab's rules.
 * Boolean rules only: the gradient setters and the date criteria are not emulated, so they throw
 * "not implemented" rather than build something Sheets would not.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 */
import type { ExecutionContext } from '../execution';
import { GasError, notImplemented } from '../gas-object';
import { SpreadsheetGasObject, enumArg, overload, text } from './base';
import type { GasEnumValue } from '../gas-enum';
import { BOOLEAN_CRITERIA_TYPE } from './spreadsheet-enums';
import { normalizeColor } from './colors';
import type { SheetModel } from './sheet-model';
import type { Rect } from './rect';
import { Range } from './range';
import {
  BOOLEAN_CRITERIA,
  EMPTY_FORMAT,
  cloneRule,
  type BooleanCriteria,
  type ConditionalFormat,
  type ConditionalRuleModel,
} from './conditional-format-model';

/** "Conditional format rule cannot reference a different sheet.", as Sheets rejects such a formula. */
export const DIFFERENT_SHEET = 'Conditional format rule cannot reference a different sheet.';

interface Draft {
  criteria: BooleanCriteria | null;
  values: (string | number)[];
  format: ConditionalFormat;
  ranges: { sheet: SheetModel; rect: Rect }[];
}

function cloneDraft(d: Draft): Draft {
  return {
    criteria: d.criteria,
    values: d.values.slice(),
    format: { ...d.format },
    ranges: d.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
  };
}

abstract class RuleView extends SpreadsheetGasObject {
  abstract _draft(): Draft;

  getBooleanCondition(): BooleanCondition | null {
    const d = this._draft();
    return d.criteria === null ? null : new BooleanCondition(this.ctx, d.criteria, d.values, d.format);
  }

  /** Gradient rules are not emulated: no rule here has one. */
  getGradientCondition(): null {
    return null;
  }

  getRanges(): Range[] {
    return this._draft().ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, cloneDraft(this._draft()));
  }
}

export class ConditionalFormatRule extends RuleView {
  readonly gasClass = 'ConditionalFormatRule';

  constructor(
    ctx: ExecutionContext,
    readonly _state: Draft,
  ) {
    super(ctx);
  }

  _draft(): Draft {
    return this._state;
  }
}

export class ConditionalFormatRuleBuilder extends RuleView {
  readonly gasClass = 'ConditionalFormatRuleBuilder';

  constructor(
    ctx: ExecutionContext,
    readonly _state: Draft = { criteria: null, values: [], format: { ...EMPTY_FORMAT }, ranges: [] },
  ) {
    super(ctx);
  }

  _draft(): Draft {
    return this._state;
  }

  _when(criteria: BooleanCriteria, values: (string | number)[]): ConditionalFormatRuleBuilder {
    this._state.criteria = criteria;
    this._state.values = values;
    return this;
  }

  _format<K extends keyof ConditionalFormat>(
    key: K,
    value: ConditionalFormat[K],
  ): ConditionalFormatRuleBuilder {
    this._state.format[key] = value;
    return this;
  }

  build(): ConditionalFormatRule {
    // Sheets stores no rule without a condition; Google's wording for this case is not recorded.
    if (this._state.criteria === null) throw new GasError('A conditional format rule must have a condition.');
    return new ConditionalFormatRule(this.ctx, cloneDraft(this._state));
  }

  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setRanges', arguments, ['array']);
    if (!ranges.every((r) => r instanceof Range)) throw new GasError('Invalid argument: ranges');
    this._state.ranges = ranges.map((r) => ({ sheet: r._sheet(), rect: { ...r._rect } }));
    return this;
  }

  /** A CSS colour, or null to leave the background alone; a colour Sheets does not know sets none. */
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setBackground', arguments, ['string'], ['nullable']);
    return this._format('background', color === null ? null : normalizeColor(color));
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setFontColor', arguments, ['string'], ['nullable']);
    return this._format('fontColor', color === null ? null : normalizeColor(color));
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setBold', arguments, ['boolean'], ['nullable']);
    return this._format('bold', bold ?? null);
  }
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setItalic', arguments, ['boolean'], ['nullable']);
    return this._format('italic', italic ?? null);
  }
  setStrikethrough(strikethrough: boolean | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setStrikethrough', arguments, ['boolean'], ['nullable']);
    return this._format('strikethrough', strikethrough ?? null);
  }
  setUnderline(underline: boolean | null): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'setUnderline', arguments, ['boolean'], ['nullable']);
    return this._format('underline', underline ?? null);
  }

  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenFormulaSatisfied', arguments, ['string']);
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberEqualTo(number: number): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenNumberEqualTo', arguments, ['number']);
    return this._when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenNumberGreaterThan', arguments, ['number']);
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenNumberLessThan', arguments, ['number']);
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenTextContains(value: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenTextContains', arguments, ['string']);
    return this._when('TEXT_CONTAINS', [value]);
  }
  whenTextDoesNotContain(value: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenTextDoesNotContain', arguments, ['string']);
    return this._when('TEXT_DOES_NOT_CONTAIN', [value]);
  }
  whenTextEndsWith(value: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenTextEndsWith', arguments, ['string']);
    return this._when('TEXT_ENDS_WITH', [value]);
  }
  whenTextEqualTo(value: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenTextEqualTo', arguments, ['string']);
    return this._when('TEXT_EQUAL_TO', [value]);
  }
  whenTextStartsWith(value: string): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'whenTextStartsWith', arguments, ['string']);
    return this._when('TEXT_STARTS_WITH', [value]);
  }

  /** withCriteria(BooleanCriteria, args) for the criteria emulated here. */
  withCriteria(type: unknown, args: unknown[]): ConditionalFormatRuleBuilder {
    overload(this.gasClass, 'withCriteria', arguments, ['enum', 'array']);
    const criteria = enumArg(this.gasClass, 'withCriteria', arguments, BOOLEAN_CRITERIA_TYPE, type);
    if (!(BOOLEAN_CRITERIA as readonly string[]).includes(criteria))
      notImplemented(this.gasClass, `withCriteria(${criteria})`);
    const values = args.map((a) => (typeof a === 'number' ? a : text(a)));
    return this._when(criteria as BooleanCriteria, values);
  }
}

/** Apps Script's BooleanCondition: the criterion and the format of a boolean rule. */
export class BooleanCondition extends SpreadsheetGasObject {
  readonly gasClass = 'BooleanCondition';

  constructor(
    ctx: ExecutionContext,
    readonly _criteria: BooleanCriteria,
    readonly _values: (string | number)[],
    readonly _format: ConditionalFormat,
  ) {
    super(ctx);
  }

  getCriteriaType(): GasEnumValue {
    return BOOLEAN_CRITERIA_TYPE.value(this._criteria);
  }
  getCriteriaValues(): (string | number)[] {
    return this._values.slice();
  }
  getBackground(): string | null {
    return this._format.background;
  }
  getFontColor(): string | null {
    return this._format.fontColor;
  }
  getBold(): boolean | null {
    return this._format.bold;
  }
  getItalic(): boolean | null {
    return this._format.italic;
  }
  getStrikethrough(): boolean | null {
    return this._format.strikethrough;
  }
  getUnderline(): boolean | null {
    return this._format.underline;
  }
}

/** Sheet.getConditionalFormatRules(): the tab's rules, in priority order. */
export function conditionalFormatRules(ctx: ExecutionContext, sheet: SheetModel): ConditionalFormatRule[] {
  return sheet.conditionalFormats.map(
    (rule) =>
      new ConditionalFormatRule(ctx, {
        criteria: rule.criteria,
        values: rule.values.slice(),
        format: { ...rule.format },
        ranges: rule.ranges.map((rect) => ({ sheet, rect: { ...rect } })),
      }),
  );
}

/**
 * Sheet.setConditionalFormatRules(rules): replaces every rule of the tab. Checked first, set all at
 * once: a rule without a range, a range on another tab, or a formula naming another tab refuses the
 * whole list, and the tab keeps the rules it had.
 */
export function replaceConditionalFormatRules(sheet: SheetModel, rules: unknown[]): void {
  const models: ConditionalRuleModel[] = [];
  for (const rule of rules) {
    if (!(rule instanceof ConditionalFormatRule)) throw new GasError('Invalid argument: rules');
    const d = rule._state;
    if (d.criteria === null) throw new GasError('A conditional format rule must have a condition.');
    // Google's wording for these two is not recorded; Sheets keeps a rule's ranges on its own tab.
    if (d.ranges.length === 0) throw new GasError('A conditional format rule must have at least one range.');
    if (d.ranges.some((r) => r.sheet !== sheet))
      throw new GasError("A conditional format rule's ranges must be on the sheet it is set on.");
    if (d.criteria === 'CUSTOM_FORMULA' && namesAnotherSheet(String(d.values[0] ?? ''), sheet.name))
      throw new GasError(DIFFERENT_SHEET);
    models.push(
      cloneRule({
        criteria: d.criteria,
        values: d.values,
        format: d.format,
        ranges: d.ranges.map((r) => r.rect),
      }),
    );
  }
  sheet.conditionalFormats = models;
}

/** True when a formula refers to a tab by name (Name!A1, 'My tab'!A1) other than `own`. */
export function namesAnotherSheet(formula: string, own: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const match of code.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!/g)) {
    const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? '');
    if (name.toLowerCase() !== own.toLowerCase()) return true;
  }
  return false;
}
