/**
 * Unit tests of what each DataValidationCriteria accepts (the check Sheets applies to an entry when a
 * rule rejects invalid input). Blank entries always pass.
 */
import { satisfies } from '../../../runtime/host/spreadsheet/validation-rules';
import type {
  CriteriaArg,
  DataValidationCriteria,
  RangeRef,
} from '../../../runtime/host/spreadsheet/validation-rules';
import type { CellValue } from '../../../runtime/host/spreadsheet/values';

const ctx = { rangeDisplays: (_ref: RangeRef) => ['ann@x.com', 'bob@x.com'] };
const ok = (
  criteria: DataValidationCriteria,
  args: CriteriaArg[],
  value: CellValue,
  display = String(value),
) => satisfies({ criteria, args, allowInvalid: false, helpText: null }, { value, display }, ctx);

const jan1 = new Date(Date.UTC(2026, 0, 1));
const feb1 = new Date(Date.UTC(2026, 1, 1));
const mar1 = new Date(Date.UTC(2026, 2, 1));

test('blank always passes', () => {
  expect(ok('NUMBER_BETWEEN', [1, 2], '')).toBe(true);
  expect(ok('VALUE_IN_LIST', [['a'], true], '')).toBe(true);
});

test('VALUE_IN_LIST compares the displayed text; VALUE_IN_RANGE the referenced cells', () => {
  expect(ok('VALUE_IN_LIST', [['Open', '5'], true], 'Open')).toBe(true);
  expect(ok('VALUE_IN_LIST', [['Open', '5'], true], 5)).toBe(true);
  expect(ok('VALUE_IN_LIST', [['Open'], true], 'open')).toBe(false);
  const ref: RangeRef = { kind: 'range', sheetId: 0, rect: { row: 1, column: 1, numRows: 2, numColumns: 1 } };
  expect(ok('VALUE_IN_RANGE', [ref, true], 'bob@x.com')).toBe(true);
  expect(ok('VALUE_IN_RANGE', [ref, true], 'eve@x.com')).toBe(false);
});

test('CHECKBOX: booleans, or the custom checked/unchecked values', () => {
  expect(ok('CHECKBOX', [], true, 'TRUE')).toBe(true);
  expect(ok('CHECKBOX', [], 'yes')).toBe(false);
  expect(ok('CHECKBOX', ['yes', 'no'], 'no')).toBe(true);
  expect(ok('CHECKBOX', ['yes', 'no'], 'maybe')).toBe(false);
});

test('number criteria', () => {
  expect(ok('NUMBER_BETWEEN', [5, 1], 3)).toBe(true);
  expect(ok('NUMBER_BETWEEN', [1, 5], 6)).toBe(false);
  expect(ok('NUMBER_BETWEEN', [1, 5], 'three')).toBe(false);
  expect(ok('NUMBER_NOT_BETWEEN', [1, 5], 6)).toBe(true);
  expect(ok('NUMBER_EQUAL_TO', [2], 2)).toBe(true);
  expect(ok('NUMBER_NOT_EQUAL_TO', [2], 2)).toBe(false);
  expect(ok('NUMBER_NOT_EQUAL_TO', [2], 3)).toBe(true);
  expect(ok('NUMBER_GREATER_THAN', [2], 3)).toBe(true);
  expect(ok('NUMBER_GREATER_THAN_OR_EQUAL_TO', [2], 2)).toBe(true);
  expect(ok('NUMBER_LESS_THAN', [2], 2)).toBe(false);
  expect(ok('NUMBER_LESS_THAN_OR_EQUAL_TO', [2], 2)).toBe(true);
});

test('date criteria', () => {
  expect(ok('DATE_IS_VALID_DATE', [], feb1)).toBe(true);
  expect(ok('DATE_IS_VALID_DATE', [], 'soon')).toBe(false);
  expect(ok('DATE_AFTER', [jan1], feb1)).toBe(true);
  expect(ok('DATE_BEFORE', [jan1], feb1)).toBe(false);
  expect(ok('DATE_EQUAL_TO', [feb1], new Date(feb1.getTime()))).toBe(true);
  expect(ok('DATE_ON_OR_AFTER', [feb1], feb1)).toBe(true);
  expect(ok('DATE_ON_OR_BEFORE', [jan1], feb1)).toBe(false);
  expect(ok('DATE_BETWEEN', [jan1, mar1], feb1)).toBe(true);
  expect(ok('DATE_NOT_BETWEEN', [jan1, mar1], feb1)).toBe(false);
  expect(ok('DATE_AFTER', [jan1], 5)).toBe(false);
});

test('text criteria; custom formulas cannot be evaluated locally and pass', () => {
  expect(ok('TEXT_CONTAINS', ['pump'], 'fix pump')).toBe(true);
  expect(ok('TEXT_DOES_NOT_CONTAIN', ['pump'], 'fix pump')).toBe(false);
  expect(ok('TEXT_EQUAL_TO', ['a'], 'a')).toBe(true);
  expect(ok('TEXT_IS_VALID_EMAIL', [], 'ann@example.com')).toBe(true);
  expect(ok('TEXT_IS_VALID_EMAIL', [], 'ann at example')).toBe(false);
  expect(ok('TEXT_IS_VALID_URL', [], 'https://example.com/x')).toBe(true);
  expect(ok('TEXT_IS_VALID_URL', [], 'not a url')).toBe(false);
  expect(ok('CUSTOM_FORMULA', ['=FALSE'], 'x')).toBe(true);
});
