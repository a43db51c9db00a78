/**
 * The host-side model's snapshot (no sandbox): what the workbench shows of a sheet, whole or a window
 * of its rows.
 */
import { snapshot } from '../../../runtime/host/spreadsheet';
import { OWNER, list, setup } from './model-setup';

describe('snapshot', () => {
  test('values, display values, formulas, notes, validation lists, frozen rows, protections, charts', () => {
    const { ss, sheet } = setup();
    sheet.writeValues(1, 1, [
      ['Status', 'Due'],
      ['Open', new Date('2026-03-01T00:00:00Z')],
    ]);
    sheet.setStyle({ row: 2, column: 2, numRows: 1, numColumns: 1 }, 'numberFormat', 'yyyy-mm-dd');
    sheet.setCell(2, 0, '', '=COUNTA(A2:A)');
    sheet.setNote(1, 1, 'header');
    sheet.frozenRows = 1;
    sheet.setValidation({ row: 2, column: 1, numRows: 999, numColumns: 1 }, list(['Open', 'Closed']));
    const p = ss.createProtection('SHEET', sheet, null, OWNER);
    p.description = 'locked';
    const s = snapshot(sheet);
    expect(s.values).toEqual([
      ['Status', 'Due'],
      ['Open', new Date('2026-03-01T00:00:00Z')],
      // A3 reads its formula's value: =COUNTA(A2:A) counts A3 itself, a circular reference (#REF! on Sheets).
      ['#REF!', ''],
    ]);
    expect(s.displayValues[1]).toEqual(['Open', '2026-03-01']);
    expect(s.formulas).toEqual([{ row: 3, column: 1, formula: '=COUNTA(A2:A)' }]);
    expect(s.notes).toEqual([{ row: 1, column: 1, note: 'header' }]);
    expect(s.frozenRows).toBe(1);
    expect(s.validationListsByColumn).toEqual({ A: ['Open', 'Closed'] });
    expect(s.protections).toEqual([
      {
        id: p.id,
        type: 'SHEET',
        a1: 'A1:Z1000',
        description: 'locked',
        warningOnly: false,
        editors: 'everyone',
        unprotected: [],
      },
    ]);
    const windowed = snapshot(sheet, { row: 2, numRows: 1 });
    expect(windowed.values).toEqual([['Open', new Date('2026-03-01T00:00:00Z')]]);
  });
});
