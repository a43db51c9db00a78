/**
 * End to end: an administrator's edit of the Settings or Procedure tab, made in the sheet,
 * adds a revision row through the real edit trigger; a technician's does not.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { findRevisionTable } from '../../../src/core/procedure';
import { ADMIN, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

function revisions(wb: TestWorkbook): unknown[][] {
  return findRevisionTable(wb.values(SHEET_NAMES.procedure))?.rows ?? [];
}

function settingCell(wb: TestWorkbook, key: string): { row: number; column: number } {
  const values = wb.values(SHEET_NAMES.settings);
  const header = values[0] ?? [];
  const keyColumn = header.indexOf('Setting');
  const row = values.findIndex((r) => r[keyColumn] === key);
  if (keyColumn < 0 || row < 0) throw new Error(`no setting ${key}`);
  return { row: row + 1, column: header.indexOf('Value') + 1 };
}

test('Settings and Procedure edits by an administrator become revisions 1.1 and 1.2', async () => {
  const wb = await setUpWorkbook();
  try {
    expect(revisions(wb).map((r) => r[0])).toEqual(['1.0']);
    const retention = settingCell(wb, 'retentionDays');
    await wb.edit(ADMIN, SHEET_NAMES.settings, retention.row, retention.column, [['365']]);
    expect(revisions(wb).at(-1)?.slice(0, 1)).toEqual(['1.1']);
    expect(String(revisions(wb).at(-1)?.[2])).toMatch(/^Settings changed \(row \d+\)$/);
    expect(revisions(wb).at(-1)?.[3]).toBe(ADMIN);

    await wb.edit(ADMIN, SHEET_NAMES.procedure, 5, 1, [['Our purpose, reworded by the team.']]);
    expect(revisions(wb).map((r) => r[0])).toEqual(['1.0', '1.1', '1.2']);
    expect(revisions(wb).at(-1)?.[2]).toBe('Procedure edited (row 5)');

    // A technician cannot edit either tab: both are protected for administrators only.
    await expect(wb.edit(TECH, SHEET_NAMES.procedure, 6, 1, [['Scribbled']])).rejects.toThrow(/protected/);
    await expect(
      wb.edit(TECH, SHEET_NAMES.settings, retention.row, retention.column, [['1']]),
    ).rejects.toThrow(/protected/);
    expect(revisions(wb).map((r) => r[0])).toEqual(['1.0', '1.1', '1.2']);
    expect(wb.values(SHEET_NAMES.settings)[retention.row - 1]?.[retention.column - 1]).toBe(365);
  } finally {
    await wb.close();
  }
});
