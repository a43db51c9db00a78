/**
 * A person typing into the host-side model (userEdit, no sandbox): typed input parsed, old and new
 * values returned, and refusals as the Sheets UI makes them (validation rules, protections, cells
 * outside the sheet).
 */
import { userEdit, UserEditRefused } from '../../../runtime/host/spreadsheet';
import { OWNER, list, setup } from './model-setup';

describe('userEdit', () => {
  test('parses typed input and returns old and new values', () => {
    const { store, ss, sheet } = setup();
    sheet.writeValues(2, 1, [['old']]);
    const result = userEdit(store, {
      spreadsheetId: ss.id,
      sheetName: 'Sheet1',
      row: 2,
      column: 1,
      values: [['42', 'true', '2026-03-01', "'007", '=SUM(A1:A2)']],
      user: 'tech@example.com',
    });
    expect(result.a1).toBe('A2:E2');
    expect(result.oldValues).toEqual([['old', '', '', '', '']]);
    expect(result.newValues).toEqual([[42, true, new Date('2026-03-01T00:00:00Z'), '007', '']]);
    expect(sheet.formulaAt(2, 5)).toBe('=SUM(A1:A2)');
    expect(sheet.displayAt(2, 3)).toBe('2026-03-01');
  });

  test('a rule that rejects invalid input refuses the whole paste and writes nothing', () => {
    const { store, ss, sheet } = setup();
    sheet.setValidation({ row: 1, column: 2, numRows: 100, numColumns: 1 }, list(['Open', 'Closed']));
    const edit = () =>
      userEdit(store, {
        spreadsheetId: ss.id,
        sheetName: 'Sheet1',
        row: 1,
        column: 1,
        values: [
          ['a', 'Open'],
          ['b', 'Nope'],
        ],
        user: OWNER,
      });
    expect(edit).toThrow(UserEditRefused);
    expect(edit).toThrow(
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
    );
    expect(sheet.lastRow()).toBe(0);
  });

  test('the rule help text replaces the generic message, as the Sheets UI shows it', () => {
    const { store, ss, sheet } = setup();
    sheet.setValidation(
      { row: 1, column: 1, numRows: 1, numColumns: 1 },
      list(['Open'], false, 'Pick a status'),
    );
    expect(() =>
      userEdit(store, {
        spreadsheetId: ss.id,
        sheetName: 'Sheet1',
        row: 1,
        column: 1,
        values: [['x']],
        user: OWNER,
      }),
    ).toThrow('Pick a status');
  });

  test('allowInvalid rules accept anything; clearing a validated cell is allowed', () => {
    const { store, ss, sheet } = setup();
    sheet.setValidation({ row: 1, column: 1, numRows: 1, numColumns: 2 }, list(['Open'], true));
    sheet.setValidation({ row: 2, column: 1, numRows: 1, numColumns: 1 }, list(['Open']));
    userEdit(store, {
      spreadsheetId: ss.id,
      sheetName: 'Sheet1',
      row: 1,
      column: 1,
      values: [['anything']],
      user: OWNER,
    });
    userEdit(store, {
      spreadsheetId: ss.id,
      sheetName: 'Sheet1',
      row: 2,
      column: 1,
      values: [['']],
      user: OWNER,
    });
    expect(sheet.valueAt(1, 1)).toBe('anything');
  });

  test('protection refuses non-editors, lets editors and the owner through, and only warns when warning-only', () => {
    const { store, ss, sheet } = setup();
    const p = ss.createProtection('RANGE', sheet, { row: 1, column: 1, numRows: 1, numColumns: 1 }, OWNER);
    const edit = (user: string) =>
      userEdit(store, {
        spreadsheetId: ss.id,
        sheetName: 'Sheet1',
        row: 1,
        column: 1,
        values: [['v']],
        user,
      });
    // Until editors are customised a protection mirrors the file's permissions (Google's documented rule).
    expect(() => edit('tech@example.com')).not.toThrow();
    p.customized = true;
    p.editors.delete('tech@example.com');
    expect(() => edit('tech@example.com')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    p.editors.add('tech@example.com');
    expect(() => edit('tech@example.com')).not.toThrow();
    expect(() => edit(OWNER)).not.toThrow();
    p.editors.delete('tech@example.com');
    p.warningOnly = true;
    p.description = 'Careful';
    expect(edit('tech@example.com').warnings).toEqual(['Careful']);
  });

  test('cells outside the sheet are refused', () => {
    const { store, ss } = setup();
    expect(() =>
      userEdit(store, {
        spreadsheetId: ss.id,
        sheetName: 'Sheet1',
        row: 1001,
        column: 1,
        values: [['x']],
        user: OWNER,
      }),
    ).toThrow(UserEditRefused);
  });
});
