/**
 * Conformance: DataValidationBuilder / DataValidation / Range validation methods, and how strict
 * rules treat writes. References: developers.google.com/apps-script/reference/spreadsheet/
 * data-validation-builder, data-validation, range#setDataValidation.
 */
import type { LocalAppsScript } from '../../../runtime';
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function builderDefaults() {
  var b = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']);
  var rule = b.build();
  var strict = rule.copy().setAllowInvalid(false).setHelpText('Pick one').build();
  return [rule.getCriteriaType(), rule.getCriteriaValues(), rule.getAllowInvalid(), rule.getHelpText(),
    strict.getAllowInvalid(), strict.getHelpText(), strict.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    SpreadsheetApp.newDataValidation().requireValueInList(['x'], false).build().getCriteriaValues()];
}

function roundTrip() {
  var s = sheet();
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).setAllowInvalid(false).build();
  s.getRange('B2:B100').setDataValidation(rule);
  var one = s.getRange('B50').getDataValidation();
  var grid = s.getRange('A1:B2').getDataValidations();
  var none = s.getRange('C1').getDataValidation();
  s.getRange('B50:B60').clearDataValidations();
  return [one.getCriteriaType(), one.getCriteriaValues()[0], one.getAllowInvalid(),
    grid.map(function (r) { return r.map(function (v) { return v === null ? null : v.getCriteriaType(); }); }), none,
    s.getRange('B55').getDataValidation(), s.getRange('B61').getDataValidation() !== null];
}

function setNull() {
  var s = sheet();
  s.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  s.getRange('A1').setDataValidation(null);
  return s.getRange('A1').getDataValidation();
}

function perCell() {
  var s = sheet();
  var a = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build();
  var b = SpreadsheetApp.newDataValidation().requireTextIsEmail().build();
  s.getRange('A1:B2').setDataValidations([[a, null], [b, a]]);
  return s.getRange('A1:B2').getDataValidations().map(function (r) { return r.map(function (v) { return v && v.getCriteriaType(); }); });
}

function rangeCriteria() {
  var ss = SpreadsheetApp.getActive();
  var staff = ss.insertSheet('Staff');
  staff.getRange('A1:A3').setValues([['ann@x.com'], ['bob@x.com'], ['']]);
  var rule = SpreadsheetApp.newDataValidation().requireValueInRange(staff.getRange('A1:A'), true).setAllowInvalid(false).build();
  var s = ss.getSheetByName('Sheet1');
  s.getRange('C2:C').setDataValidation(rule);
  var values = s.getRange('C2').getDataValidation().getCriteriaValues();
  s.getRange('C2').setValue('bob@x.com');
  return [values[0].getA1Notation(), values[0].getSheet().getName(), values[1], s.getRange('C2').getValue()];
}
function rangeCriteriaRejects() {
  var ss = SpreadsheetApp.getActive();
  var staff = ss.insertSheet('Staff');
  staff.getRange('A1').setValue('ann@x.com');
  ss.getSheetByName('Sheet1').getRange('C2').setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInRange(staff.getRange('A:A')).setAllowInvalid(false).build());
  ss.getSheetByName('Sheet1').getRange('C2').setValue('eve@x.com');
}

function strictList() {
  var s = sheet();
  s.getRange('B2:B').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).setAllowInvalid(false).build());
  s.getRange('A2:B3').setValues([['x', 'Open'], ['y', 'Bogus']]);
}
function strictListUntouched() {
  try { strictList(); } catch (e) {}
  return sheet().getRange('A2:B3').getValues();
}
function lenientAndSpecial() {
  var s = sheet();
  s.getRange('A1:A3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Open']).build());
  s.getRange('B1:B3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Open']).setAllowInvalid(false).build());
  s.getRange('A1').setValue('anything');
  s.getRange('B1').setValue('');
  s.getRange('B2').setFormula('=A1');
  s.getRange('B3').setValue('Open');
  return [s.getRange('A1').getValue(), s.getRange('B2').getFormula(), s.getRange('B3').getValue()];
}
function strictNumber() {
  var s = sheet();
  s.getRange('D1').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
  s.getRange('D1').setValue(3);
  s.getRange('D1').setValue(9);
}
function strictAppend() {
  var s = sheet();
  s.getRange('A:A').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['ok']).setAllowInvalid(false).build());
  s.appendRow(['nope']);
}

function checkboxes() {
  var s = sheet();
  s.getRange('E1:E3').insertCheckboxes();
  s.getRange('E2').setValue(true);
  s.getRange('E3').setValue('TRUE');
  var rule = s.getRange('E1').getDataValidation();
  return [s.getRange('E1:E3').getValues(), rule.getCriteriaType(), rule.getCriteriaValues()];
}
function checkboxRejects() { var s = sheet(); s.getRange('E1').insertCheckboxes(); s.getRange('E1').setValue('maybe'); }

function criteriaKinds() {
  var b = function () { return SpreadsheetApp.newDataValidation(); };
  var d = new Date(Date.UTC(2026, 0, 1));
  var rules = [b().requireCheckbox('yes', 'no'), b().requireDate(), b().requireDateAfter(d), b().requireDateBetween(d, d),
    b().requireNumberGreaterThan(3), b().requireNumberLessThanOrEqualTo(2), b().requireTextContains('x'), b().requireTextIsUrl(),
    b().requireFormulaSatisfied('=A1>0'), b().withCriteria(SpreadsheetApp.DataValidationCriteria.NUMBER_EQUAL_TO, [7])];
  return rules.map(function (r) { var v = r.build(); return [v.getCriteriaType(), v.getCriteriaValues().length]; });
}
function buildWithoutCriteria() { SpreadsheetApp.newDataValidation().build(); }
`;

describe('data validation', () => {
  let rt: LocalAppsScript;
  let fresh: () => string;
  beforeAll(() => {
    rt = project(SOURCE).rt;
    fresh = () => rt.world.spreadsheets.create('T', OWNER).id;
  });
  afterAll(() => rt.close());

  test('requireValueInList: criteria values are [list, showDropdown=true]; new rules allow invalid input; copy/setHelpText', async () => {
    expect(await value(rt, 'builderDefaults', fresh())).toEqual([
      'VALUE_IN_LIST',
      [['Open', 'Closed'], true],
      true,
      null,
      false,
      'Pick one',
      true,
      [['x'], false],
    ]);
  });

  test('setDataValidation / getDataValidation(s) / clearDataValidations over ranges', async () => {
    expect(await value(rt, 'roundTrip', fresh())).toEqual([
      'VALUE_IN_LIST',
      ['Open', 'Closed'],
      false,
      [
        [null, null],
        [null, 'VALUE_IN_LIST'],
      ],
      null,
      null,
      true,
    ]);
    expect(await value(rt, 'setNull', fresh())).toBeNull();
  });

  test('setDataValidations sets one rule per cell (null for none)', async () => {
    expect(await value(rt, 'perCell', fresh())).toEqual([
      ['NUMBER_BETWEEN', null],
      ['TEXT_IS_VALID_EMAIL', 'NUMBER_BETWEEN'],
    ]);
  });

  test('requireValueInRange: criteria values hold the Range; values from the range are accepted', async () => {
    expect(await value(rt, 'rangeCriteria', fresh())).toEqual(['A1:A1000', 'Staff', true, 'bob@x.com']);
    expect(await errorOf(rt, 'rangeCriteriaRejects', fresh())).toBe(
      'The data you entered in cell C2 violates the data validation rules set on this cell.',
    );
  });

  test("a script write that breaks a rule set to reject input fails with Google's message and writes nothing", async () => {
    expect(await errorOf(rt, 'strictList', fresh())).toBe(
      'The data you entered in cell B3 violates the data validation rules set on this cell.',
    );
    expect(await value(rt, 'strictListUntouched', fresh())).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(await errorOf(rt, 'strictNumber', fresh())).toBe(
      'The data you entered in cell D1 violates the data validation rules set on this cell.',
    );
    expect(await errorOf(rt, 'strictAppend', fresh())).toBe(
      'The data you entered in cell A1 violates the data validation rules set on this cell.',
    );
  });

  test('rules that allow invalid input accept anything; blanks and formulas pass strict rules', async () => {
    expect(await value(rt, 'lenientAndSpecial', fresh())).toEqual(['anything', '=A1', 'Open']);
  });

  test('Range.insertCheckboxes: CHECKBOX rule, values false; TRUE/true accepted, other text refused', async () => {
    expect(await value(rt, 'checkboxes', fresh())).toEqual([[[false], [true], [true]], 'CHECKBOX', []]);
    expect(await errorOf(rt, 'checkboxRejects', fresh())).toBe(
      'The data you entered in cell E1 violates the data validation rules set on this cell.',
    );
  });

  test('other criteria builders record their criteria type and arguments', async () => {
    expect(await value(rt, 'criteriaKinds', fresh())).toEqual([
      ['CHECKBOX', 2],
      ['DATE_IS_VALID_DATE', 0],
      ['DATE_AFTER', 1],
      ['DATE_BETWEEN', 2],
      ['NUMBER_GREATER_THAN', 1],
      ['NUMBER_LESS_THAN_OR_EQUAL_TO', 1],
      ['TEXT_CONTAINS', 1],
      ['TEXT_IS_VALID_URL', 0],
      ['CUSTOM_FORMULA', 1],
      ['NUMBER_EQUAL_TO', 1],
    ]);
    expect(await errorOf(rt, 'buildWithoutCriteria', fresh())).toMatch(/criteria/);
  });
});
