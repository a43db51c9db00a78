/**
 * Conformance: SpreadsheetApp.newConditionalFormatRule, ConditionalFormatRuleBuilder,
 * ConditionalFormatRule, BooleanCondition and Sheet.get/set/clearConditionalFormatRules.
 * References: developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder,
 * conditional-format-rule, boolean-condition; live behaviour from gas-fakes' conditional format tests
 * (a rule needs no format; numbers stay numbers in getCriteriaValues; copy keeps the format).
 */
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function roundTrip() {
  var s = sheet();
  var red = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo('Urgent').setBackground('#FF0000').setFontColor('white').setBold(true)
    .setRanges([s.getRange('B2:B10')]).build();
  var big = SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(50).setRanges([s.getRange('C2:C10'), s.getRange('E2:E3')]).build();
  var late = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND($D2<>"",$D2<NOW())').setItalic(true).setRanges([s.getRange('D2:D10')]).build();
  var rules = s.getConditionalFormatRules();
  var before = rules.length;
  rules.push(red, big, late);
  s.setConditionalFormatRules(rules);
  var back = s.getConditionalFormatRules();
  return {
    before: before,
    count: back.length,
    first: [back[0].getBooleanCondition().getCriteriaType(), back[0].getBooleanCondition().getCriteriaValues(),
      back[0].getBooleanCondition().getBackground(), back[0].getBooleanCondition().getFontColor(),
      back[0].getBooleanCondition().getBold(), back[0].getBooleanCondition().getItalic()],
    ranges: back[1].getRanges().map(function (r) { return r.getA1Notation(); }),
    numbers: back[1].getBooleanCondition().getCriteriaValues(),
    formula: back[2].getBooleanCondition().getCriteriaValues(),
    enumName: SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA === back[2].getBooleanCondition().getCriteriaType(),
    gradient: back[0].getGradientCondition(),
  };
}

function copyKeepsFormat() {
  var rule = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('yellow').setRanges([sheet().getRange('A1:A5')]).build();
  var changed = rule.copy().whenTextContains('x').build();
  return [changed.getBooleanCondition().getCriteriaType(), changed.getBooleanCondition().getBackground(),
    rule.getBooleanCondition().getCriteriaType(), changed.getRanges()[0].getA1Notation()];
}

function noCondition() { SpreadsheetApp.newConditionalFormatRule().setBackground('red').build(); }
function noRange() {
  sheet().setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().build()]);
}
function otherSheetFormula() {
  SpreadsheetApp.getActive().insertSheet('Other');
  var s = sheet();
  s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([s.getRange('A1')]).build()]);
  try {
    s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=Other!A1>1').setRanges([s.getRange('A1')]).build()]);
  } catch (e) { return [e.message, s.getConditionalFormatRules().length]; }
  return 'accepted';
}
function ownSheetAndTextAreFine() {
  var s = sheet();
  s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=AND(Sheet1!A1="x!y", $B1="Other!A1")').setRanges([s.getRange('A1')]).build()]);
  return s.getConditionalFormatRules().length;
}
function rangeOnAnotherTab() {
  var other = SpreadsheetApp.getActive().insertSheet('Elsewhere');
  sheet().setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([other.getRange('A1')]).build()]);
}
function gradientNotEmulated() { SpreadsheetApp.newConditionalFormatRule().setGradientMinpoint('#00ff00'); }
function notARule() { sheet().setConditionalFormatRules(['rule']); }

function rangesMoveWithColumns() {
  var s = sheet();
  s.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setRanges([s.getRange('C2:D5')]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenCellNotEmpty().setRanges([s.getRange('F1:F2')]).build(),
  ]);
  s.insertColumnsBefore(1, 2);
  s.deleteColumns(8, 1);
  var after = s.getConditionalFormatRules().map(function (r) { return r.getRanges().map(function (g) { return g.getA1Notation(); }); });
  s.clearConditionalFormatRules();
  return [after, s.getConditionalFormatRules().length];
}
`;

describe('conditional format rules', () => {
  test('a built rule round-trips through the sheet with its condition, format and ranges', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'roundTrip', id)).toEqual({
      before: 0,
      count: 3,
      first: ['TEXT_EQUAL_TO', ['Urgent'], '#ff0000', '#ffffff', true, null],
      ranges: ['C2:C10', 'E2:E3'],
      numbers: [50],
      formula: ['=AND($D2<>"",$D2<NOW())'],
      enumName: true,
      gradient: null,
    });
  });

  test('copy() presets a builder with the rule’s settings; the rule itself does not change', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'copyKeepsFormat', id)).toEqual([
      'TEXT_CONTAINS',
      '#ffff00',
      'CELL_EMPTY',
      'A1:A5',
    ]);
  });

  test('a rule without a condition or a range is refused; so is a formula naming another tab, keeping the rules', async () => {
    const { rt, id } = project(SOURCE);
    expect(await errorOf(rt, 'noCondition', id)).toMatch(/must have a condition/);
    expect(await errorOf(rt, 'noRange', id)).toMatch(/at least one range/);
    expect(await value(rt, 'otherSheetFormula', id)).toEqual([
      'Conditional format rule cannot reference a different sheet.',
      1,
    ]);
    expect(await value(rt, 'ownSheetAndTextAreFine', id)).toBe(1);
    expect(await errorOf(rt, 'rangeOnAnotherTab', id)).toMatch(/on the sheet it is set on/);
    expect(await errorOf(rt, 'notARule', id)).toMatch(/Invalid argument/);
  });

  test('gradient rules are not emulated: they throw instead of doing nothing', async () => {
    const { rt, id } = project(SOURCE);
    expect(await errorOf(rt, 'gradientNotEmulated', id)).toMatch(/not implemented in the local runtime/);
  });

  test('rule ranges move with inserted and deleted columns; a rule left without a range is gone', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'rangesMoveWithColumns', id)).toEqual([[['E2:F5']], 0]);
    expect(OWNER).toBeTruthy();
  });
});
