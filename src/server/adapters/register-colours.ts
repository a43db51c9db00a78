/**
 * The conditional-format builder and criteria enum for the register's colours (core/register-colours.ts):
 * building a rule from its spec, and telling the add-on's own rules (marked formulas) from everyone else's.
 */
import { isRegisterColourFormula, type RegisterColourRule } from '../../core/register-colours';
import type { Range } from './apps-script-types';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function buildColourRule(spec: RegisterColourRule, range: Range): Rule {
  let builder = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(spec.formula)
    .setBackground(spec.background)
    .setRanges([range]);
  if (spec.fontColor) builder = builder.setFontColor(spec.fontColor);
  if (spec.bold) builder = builder.setBold(true);
  return builder.build();
}

/** The formula of a custom-formula rule the add-on wrote, or null for any other rule. */
export function ownColourFormula(rule: Rule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)
    return null;
  const formula = String(condition.getCriteriaValues()[0] ?? '');
  return isRegisterColourFormula(formula) ? formula : null;
}
