/**
 * isDate answers most cells by `typeof` and this realm's Dates by `instanceof`: a Date of another realm
 * (a browser frame, another V8 context) must still be one, and nothing else may pass.
 */
import * as vm from 'node:vm';
import { isDate, isValidDate } from '../../../src/core/time';
import { validMs } from '../../../src/core/reports/dates';

describe('isDate', () => {
  test('a Date of this realm or another, valid or not', () => {
    const foreign = vm.runInNewContext('new Date(86400000)') as unknown;
    const foreignInvalid = vm.runInNewContext('new Date(NaN)') as unknown;
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(isValidDate(foreign)).toBe(true);
    expect(validMs(foreign)).toBe(86_400_000);
    expect(isDate(foreignInvalid)).toBe(true);
    expect(isValidDate(foreignInvalid)).toBe(false);
    expect(validMs(foreignInvalid)).toBeNaN();
    expect(isDate(new Date(0))).toBe(true);
    expect(isValidDate(new Date(NaN))).toBe(false);
  });

  test('nothing else: text, numbers, empty cells, other objects', () => {
    for (const value of ['2026-03-02', 46000, '', null, undefined, true, {}, [], () => 0, Date.now()]) {
      expect(isDate(value)).toBe(false);
      expect(validMs(value)).toBeNaN();
    }
  });
});
