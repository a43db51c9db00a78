/**
 * Conditional format rules of one tab, host side (the script-visible builder and rule are in
 * ./conditional-formats). Boolean rules only: a criterion (SpreadsheetApp.BooleanCriteria) with its
 * values, the format applied when it holds, and the ranges, all on the rule's own tab. Ranges move
 * with inserted and deleted rows and columns like any formatting, and a rule left without a range
 * is gone.
 */
import type { Axis, Inherit, Rect } from './rect';
import { shiftForDelete, shiftForInsert } from './rect';

/** The criteria of SpreadsheetApp.BooleanCriteria the builder can set here. */
export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'CUSTOM_FORMULA',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_LESS_THAN',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
] as const;
export type BooleanCriteria = (typeof BOOLEAN_CRITERIA)[number];

/** The enum as scripts see it: every BooleanCriteria name Google lists, whether or not built here. */
export const BOOLEAN_CRITERIA_ENUM: Record<string, string> = Object.fromEntries(
  [
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'DATE_NOT_EQUAL_TO',
    'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE',
    'DATE_EQUAL_TO_RELATIVE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_NOT_EQUAL_TO',
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
  ].map((n) => [n, n]),
);

/** The format of a boolean rule; null where the rule leaves the cell's own format. */
export interface ConditionalFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export const EMPTY_FORMAT: ConditionalFormat = {
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
};

export interface ConditionalRuleModel {
  criteria: BooleanCriteria;
  values: (string | number)[];
  format: ConditionalFormat;
  /** Ranges on the tab holding the rule. */
  ranges: Rect[];
}

export function cloneRule(rule: ConditionalRuleModel): ConditionalRuleModel {
  return {
    criteria: rule.criteria,
    values: rule.values.slice(),
    format: { ...rule.format },
    ranges: rule.ranges.map((r) => ({ ...r })),
  };
}

/**
 * Rows or columns inserted inside a rule's range widen it; next to it, they take the rule with the rest
 * of the neighbour's formatting (`inherit`, as for data validation).
 */
export function shiftRulesForInsert(
  rules: ConditionalRuleModel[],
  axis: Axis,
  at: number,
  count: number,
  inherit: Inherit,
): ConditionalRuleModel[] {
  return rules.map((rule) => ({
    ...rule,
    ranges: rule.ranges.map((r) => shiftForInsert(r, axis, at, count, inherit)),
  }));
}

export function shiftRulesForDelete(
  rules: ConditionalRuleModel[],
  axis: Axis,
  at: number,
  count: number,
): ConditionalRuleModel[] {
  const kept: ConditionalRuleModel[] = [];
  for (const rule of rules) {
    const ranges = rule.ranges
      .map((r) => shiftForDelete(r, axis, at, count))
      .filter((r): r is Rect => r !== null);
    if (ranges.length > 0) kept.push({ ...rule, ranges });
  }
  return kept;
}
