/**
 * Fast unit tests of the host-side model (no sandbox): storage, extent, structural edits, validation
 * rectangles, and the 100,000-row scale the registers reach. What a person types is in
 * model-user-edit.test.ts, what the workbench shows in model-snapshot.test.ts.
 */
import { OWNER, list, setup } from './model-setup';

describe('SpreadsheetStore', () => {
  test('create: one tab "Sheet1" of 1000 × 26, sheetId 0, owner, url, world time zone', () => {
    const { store, ss, sheet } = setup('Europe/Paris');
    expect(store.get(ss.id)).toBe(ss);
    expect(store.require(ss.id)).toBe(ss);
    expect(store.all()).toEqual([ss]);
    expect(ss.id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(ss.url).toBe(`https://docs.google.com/spreadsheets/d/${ss.id}/edit`);
    expect(ss.ownerEmail).toBe(OWNER);
    expect(ss.timeZone).toBe('Europe/Paris');
    expect(sheet.name).toBe('Sheet1');
    expect(sheet.sheetId).toBe(0);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([1000, 26]);
    expect(store.byUrl(ss.url)).toBe(ss);
  });

  test('create with a time zone; require throws for unknown ids', () => {
    const { store } = setup();
    expect(store.create('X', OWNER, { timeZone: 'America/New_York' }).timeZone).toBe('America/New_York');
    expect(() => store.require('nope')).toThrow(/no spreadsheet/);
    expect(store.get('nope')).toBeUndefined();
  });

  test('insertSheetModel / sheetModel / deleteSheetModel; names are unique ignoring case', () => {
    const { ss } = setup();
    const a = ss.insertSheetModel('Staff');
    const b = ss.insertSheetModel('Settings', 0);
    expect(ss.sheetModels().map((s) => s.name)).toEqual(['Settings', 'Sheet1', 'Staff']);
    expect(ss.sheetModel('Staff')).toBe(a);
    expect(a.sheetId).not.toBe(b.sheetId);
    expect(() => ss.insertSheetModel('staff')).toThrow(
      'A sheet with the name "staff" already exists. Please enter another name.',
    );
    ss.deleteSheetModel('Staff');
    expect(a.deleted).toBe(true);
    expect(ss.sheetModel('Staff')).toBeUndefined();
  });
});

describe('SheetModel values', () => {
  test('readValues fills empty cells with "" and copies Dates', () => {
    const { sheet } = setup();
    const d = new Date('2026-03-01T10:00:00Z');
    sheet.writeValues(2, 2, [
      [1, 'a'],
      [true, d],
    ]);
    const read = sheet.readValues(1, 1, 3, 3);
    expect(read).toEqual([
      ['', '', ''],
      ['', 1, 'a'],
      ['', true, d],
    ]);
    (read[2]![2] as Date).setFullYear(2000);
    expect(sheet.valueAt(3, 3)).toEqual(d);
  });

  test('lastRow / lastColumn follow content, including formulas, and shrink after clearing', () => {
    const { sheet } = setup();
    expect([sheet.lastRow(), sheet.lastColumn()]).toEqual([0, 0]);
    sheet.writeValues(5, 3, [['x']]);
    sheet.setCell(7, 0, '', '=A1');
    expect([sheet.lastRow(), sheet.lastColumn()]).toEqual([8, 3]);
    sheet.clear({ row: 8, column: 1, numRows: 1, numColumns: 26 }, { contents: true });
    expect(sheet.lastRow()).toBe(5);
    sheet.writeValues(5, 3, [['']]);
    expect([sheet.lastRow(), sheet.lastColumn()]).toEqual([0, 0]);
  });

  test('writing "" into an empty cell does not move lastColumn', () => {
    const { sheet } = setup();
    sheet.writeValues(1, 1, [['a', '', '', '']]);
    expect(sheet.lastColumn()).toBe(1);
  });

  test('appendRowValues writes after the last row and grows the sheet past maxRows', () => {
    const { sheet } = setup();
    sheet.writeValues(1000, 1, [['last']]);
    expect(sheet.appendRowValues(['next', 2])).toBe(1001);
    expect(sheet.maxRows).toBe(1001);
    expect(sheet.readValues(1001, 1, 1, 2)).toEqual([['next', 2]]);
  });

  test('writeValues beyond the grid grows it; the 10,000,000-cell limit is enforced', () => {
    const { ss, sheet } = setup();
    sheet.writeValues(1, 30, [['wide']]);
    expect(sheet.maxColumns).toBe(30);
    expect(() => ss.insertSheetModel('Huge', undefined, { rows: 400_000, columns: 26 })).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});

describe('SheetModel structure', () => {
  test('insertRows shifts values, notes, formats, validation and protections', () => {
    const { ss, sheet } = setup();
    sheet.writeValues(1, 1, [['h'], ['a'], ['b']]);
    sheet.setNote(3, 1, 'note on b');
    sheet.setStyle({ row: 3, column: 1, numRows: 1, numColumns: 1 }, 'fontWeight', 'bold');
    sheet.setValidation({ row: 2, column: 2, numRows: 2, numColumns: 1 }, list(['x']));
    const p = ss.createProtection('RANGE', sheet, { row: 3, column: 1, numRows: 1, numColumns: 2 }, OWNER);
    sheet.insertRows(3, 2, 'none');
    expect(sheet.readValues(1, 1, 5, 1).map((r) => r[0])).toEqual(['h', 'a', '', '', 'b']);
    expect(sheet.readNotes({ row: 5, column: 1, numRows: 1, numColumns: 1 })).toEqual([['note on b']]);
    expect(sheet.styleAt(5, 1)?.fontWeight).toBe('bold');
    // The rule spanned the insertion point, so it grows (Sheets keeps validation over inserted rows).
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ row: 2, column: 2, numRows: 4, numColumns: 1 }]);
    expect(p.rect).toEqual({ row: 5, column: 1, numRows: 1, numColumns: 2 });
    expect(sheet.maxRows).toBe(1002);
  });

  test('insertRows inheriting from the row above copies its formats and extends its validation', () => {
    const { sheet } = setup();
    sheet.setStyle({ row: 2, column: 1, numRows: 1, numColumns: 2 }, 'numberFormat', 'yyyy-mm-dd');
    sheet.setValidation({ row: 2, column: 2, numRows: 1, numColumns: 1 }, list(['x']));
    sheet.insertRows(3, 2, 'before');
    expect(sheet.numberFormatAt(3, 1)).toBe('yyyy-mm-dd');
    expect(sheet.numberFormatAt(4, 2)).toBe('yyyy-mm-dd');
    expect(sheet.validationAt(4, 2)).not.toBeNull();
    expect(sheet.validationAt(5, 2)).toBeNull();
  });

  test('deleteRows shifts everything up and drops what was deleted', () => {
    const { ss, sheet } = setup();
    sheet.writeValues(1, 1, [['a'], ['b'], ['c'], ['d']]);
    sheet.setValidation({ row: 2, column: 1, numRows: 3, numColumns: 1 }, list(['x']));
    const gone = ss.createProtection('RANGE', sheet, { row: 2, column: 1, numRows: 1, numColumns: 1 }, OWNER);
    const moved = ss.createProtection(
      'RANGE',
      sheet,
      { row: 4, column: 1, numRows: 1, numColumns: 1 },
      OWNER,
    );
    sheet.deleteRows(2, 2);
    expect(sheet.readValues(1, 1, 2, 1)).toEqual([['a'], ['d']]);
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ row: 2, column: 1, numRows: 1, numColumns: 1 }]);
    expect(gone.removed).toBe(true);
    expect(moved.rect?.row).toBe(2);
    expect(sheet.maxRows).toBe(998);
  });

  test('deleteRows: Google errors for out-of-bounds rows and deleting every non-frozen row', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(1000, 2)).toThrow('Those rows are out of bounds.');
    sheet.frozenRows = 1;
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteColumns(1, 26)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  test('insert/delete columns shift cells, validation and column widths', () => {
    const { sheet } = setup();
    sheet.writeValues(1, 1, [['a', 'b', 'c']]);
    sheet.columnWidths.set(3, 250);
    sheet.setValidation({ row: 1, column: 3, numRows: 5, numColumns: 1 }, list(['c']));
    sheet.insertColumns(2, 1, 'none');
    expect(sheet.readValues(1, 1, 1, 4)).toEqual([['a', '', 'b', 'c']]);
    expect(sheet.columnWidths.get(4)).toBe(250);
    expect(sheet.validationAt(1, 4)).not.toBeNull();
    sheet.deleteColumns(1, 2);
    expect(sheet.readValues(1, 1, 1, 2)).toEqual([['b', 'c']]);
    expect(sheet.validationAt(1, 2)).not.toBeNull();
    expect(sheet.lastColumn()).toBe(2);
  });

  test('chart source ranges follow row changes on their sheet', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheetModel('Reports');
    other.charts.push({
      chartId: 1,
      type: 'COLUMN',
      ranges: [
        { kind: 'range', sheetId: sheet.sheetId, rect: { row: 5, column: 1, numRows: 3, numColumns: 2 } },
      ],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: 1,
      hiddenDimensionStrategy: 'IGNORE_BOTH',
      mergeStrategy: 'MERGE_COLUMNS',
      transposeRowsAndColumns: false,
    });
    sheet.insertRows(1, 2, 'none');
    expect(other.charts[0]!.ranges[0]!.rect.row).toBe(7);
  });
});

describe('validation rectangles', () => {
  test('a rule on a whole 100,000-row column is one rectangle', () => {
    const { sheet } = setup();
    sheet.insertRows(1001, 99_000, 'none');
    sheet.setValidation({ row: 2, column: 3, numRows: 99_999, numColumns: 1 }, list(['Open', 'Closed']));
    expect(sheet.validations).toHaveLength(1);
    expect(sheet.validationAt(100_000, 3)?.criteria).toBe('VALUE_IN_LIST');
  });

  test('setting a rule over part of another splits it; clearing removes only that part', () => {
    const { sheet } = setup();
    sheet.setValidation({ row: 1, column: 1, numRows: 10, numColumns: 3 }, list(['a']));
    sheet.setValidation({ row: 4, column: 2, numRows: 2, numColumns: 1 }, list(['b']));
    expect(sheet.validationAt(4, 2)?.args[0]).toEqual(['b']);
    expect(sheet.validationAt(4, 1)?.args[0]).toEqual(['a']);
    sheet.setValidation({ row: 1, column: 1, numRows: 10, numColumns: 1 }, null);
    expect(sheet.validationAt(4, 1)).toBeNull();
    expect(sheet.validationAt(10, 3)?.args[0]).toEqual(['a']);
    const grid = sheet.validationsIn({ row: 4, column: 1, numRows: 1, numColumns: 3 });
    expect(grid[0]!.map((r) => (r ? (r.args[0] as string[])[0] : null))).toEqual([null, 'b', 'a']);
  });

  test('rules set row by row, or cell by cell through a grid, merge into few rectangles', () => {
    const { sheet } = setup();
    const rule = list(['x']);
    for (let r = 2; r <= 500; r++)
      sheet.setValidation({ row: r, column: 4, numRows: 1, numColumns: 1 }, rule);
    expect(sheet.validations).toHaveLength(1);
    const grid = Array.from({ length: 300 }, () => [list(['y']), list(['y'])]);
    sheet.setValidationGrid({ row: 1, column: 6, numRows: 300, numColumns: 2 }, grid);
    expect(sheet.validations).toHaveLength(2);
  });
});

describe('scale', () => {
  test('100,000 rows × 30 columns: write, read, append, lastRow, display stay fast', () => {
    const { sheet } = setup();
    const rows = 100_000;
    const data = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: 30 }, (_c, j) => (j === 0 ? `WO-${i}` : i * 30 + j)),
    );
    sheet.writeValues(1, 1, data);
    expect(sheet.maxRows).toBe(rows);
    expect(sheet.maxColumns).toBe(30);
    expect(sheet.readValues(1, 1, rows, 30)[rows - 1]![29]).toBe((rows - 1) * 30 + 29);
    for (let i = 0; i < 1000; i++) sheet.appendRowValues([`new-${i}`]);
    expect(sheet.lastRow()).toBe(rows + 1000);
    expect(sheet.lastColumn()).toBe(30);
    sheet.setStyle({ row: 1, column: 2, numRows: rows, numColumns: 1 }, 'numberFormat', '#,##0');
    expect(sheet.readDisplayValues({ row: rows, column: 2, numRows: 1, numColumns: 1 })).toEqual([
      ['2,999,971'],
    ]);
    sheet.insertRows(2, 10, 'none');
    sheet.deleteRows(2, 10);
    expect(sheet.valueAt(2, 1)).toBe('WO-1');
  });
});
