/**
 * The register's colours (core/register-colours.ts) as conditional-format rules: building a rule from
 * its spec, telling the add-on's own rules (marked formulas) from everyone else's, and putting the
 * current ones in place of the add-on's old ones.
 */
import { isRegisterColourFormula, type RegisterColourRule } from '../../core/register-colours';
import type { Range, Sheet } from './apps-script-types';

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

function signature(formula: string, background: string, ranges: Range[]): string {
  return [formula, background.toLowerCase(), ...ranges.map((r) => r.getA1Notation())].join('|');
}

/**
 * The add-on's marked rules replaced by `rules`, each over its column's rows below the header (1-based
 * `column`), every other rule kept, in its order and ahead of the add-on's (a rule someone added wins
 * where both apply). Nothing is written when the rules already match. True when it wrote them.
 */
export function applyColourRules(
  sheet: Sheet,
  rules: ReadonlyArray<{ rule: RegisterColourRule; column: number }>,
): boolean {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const rangeOf = (column: number) => sheet.getRange(2, column, rows, 1);
  const existing = sheet.getConditionalFormatRules();
  const theirs: Rule[] = [];
  const ours: string[] = [];
  for (const rule of existing) {
    const formula = ownColourFormula(rule);
    if (formula === null) theirs.push(rule);
    else ours.push(signature(formula, rule.getBooleanCondition()?.getBackground() ?? '', rule.getRanges()));
  }
  const wanted = rules.map(({ rule, column }) => signature(rule.formula, rule.background, [rangeOf(column)]));
  if (ours.length === wanted.length && ours.every((o, i) => o === wanted[i])) return false;
  const built = rules.map(({ rule, column }) => buildColourRule(rule, rangeOf(column)));
  sheet.setConditionalFormatRules([...theirs, ...built]);
  return true;
}
