/**
 * Conformance: a drop-down typed as a list (requireValueInList) holds at most 500 items. Live Apps
 * Script refuses a longer one with "The data validation rule has more items than the limit of 500. Use
 * the "List from a range" criteria instead." — reported by scripts that met it on live Apps Script
 * (the Chromebook Getter add-on's known-issues page: "a hard limit of app script data validation rules
 * having a limit of 500", hit by users with over 500 org units; a dependent drop-down write-up whose
 * onEdit "will encounter an execution error" with that text). Google's reference is silent on it. A
 * list taken from a range (requireValueInRange) has no such limit.
 */
import { errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function items(n) { var out = []; for (var i = 1; i <= n; i++) out.push('Room ' + i); return out; }
function listOf(n) { return SpreadsheetApp.newDataValidation().requireValueInList(items(n), true).build(); }
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function fiveHundred() {
  sheet().getRange('B2:B10').setDataValidation(listOf(500));
  return sheet().getRange('B5').getDataValidation().getCriteriaValues()[0].length;
}
function fiveHundredOne() {
  sheet().getRange('C2:C10').setDataValidation(listOf(501));
}
function fiveHundredOneInGrid() {
  sheet().getRange('D2:D3').setDataValidations([[listOf(2)], [listOf(501)]]);
}
function leftAsItWas() {
  sheet().getRange('E2').setDataValidation(listOf(2));
  try { sheet().getRange('E2').setDataValidation(listOf(600)); } catch (e) {}
  return sheet().getRange('E2').getDataValidation().getCriteriaValues()[0];
}
function fromRange() {
  var s = sheet();
  s.getRange(1, 26, 600, 1).setValues(items(600).map(function (v) { return [v]; }));
  s.getRange('F2').setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInRange(s.getRange(1, 26, 600, 1), true).build());
  return s.getRange('F2').getDataValidation().getCriteriaType();
}
`;

const LIMIT =
  'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.';

test("a list of 500 items is kept; 501 is refused with Sheets' message, in either setter", async () => {
  const { rt, id } = project(SOURCE);
  expect(await value(rt, 'fiveHundred', id)).toBe(500);
  expect(await errorOf(rt, 'fiveHundredOne', id)).toBe(LIMIT);
  expect(await errorOf(rt, 'fiveHundredOneInGrid', id)).toBe(LIMIT);
});

test('a refused rule changes nothing, and a list from a range has no such limit', async () => {
  const { rt, id } = project(SOURCE);
  expect(await value(rt, 'leftAsItWas', id)).toEqual(['Room 1', 'Room 2']);
  expect(await value(rt, 'fromRange', id)).toBe('VALUE_IN_RANGE');
});
