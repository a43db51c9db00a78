/**
 * Hand edits of the Staff and Settings tabs (possible only for administrators: the tabs are
 * protected), validated at once against the add-on's own copy of the tabs as last accepted: a bad
 * value is put back whole with a note saying what is wrong and what is accepted, the last active
 * administrator stays, every accepted change is logged, and put-backs keep text as text.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution, toastsOf } from '../../support/edits';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const STAFF = SHEET_NAMES.staff;
const SETTINGS = SHEET_NAMES.settings;

function rowWhere(sheet: string, column: number, value: string): number {
  const index = wb.values(sheet).findIndex((r) => r[column - 1] === value);
  if (index < 0) throw new Error(`no ${sheet} row with ${value}`);
  return index + 1;
}

function noteAt(sheet: string, row: number, column: number): string {
  return wb.sheet(sheet).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

async function edit(user: string, sheet: string, row: number, column: number, values: string[][]) {
  return onlyExecution((await wb.edit(user, sheet, row, column, values)).executions);
}

function lastLog() {
  return wb.changeLogEntries().at(-1);
}

describe('Staff', () => {
  test('an unknown role is put back with a note naming the accepted roles, every time it is typed', async () => {
    const row = rowWhere(STAFF, 1, SUPERVISOR);
    for (let attempt = 0; attempt < 2; attempt++) {
      await edit(ADMIN, STAFF, row, 3, [['Overlord']]);
      expect(wb.sheet(STAFF).valueAt(row, 3)).toBe('Supervisor');
      expect(noteAt(STAFF, row, 3)).toMatch(
        /"Overlord" is not one of Supervisor, Technician, Manager, Administrator/,
      );
      expect(noteAt(STAFF, row, 3)).toMatch(/Accepted: Email a valid address, Role one of/);
      expect(lastLog()).toMatchObject({ user: ADMIN, recordId: STAFF, field: `C${row} (refused)` });
    }
    expect(toastsOf(wb, ADMIN).at(-1)).toMatch(/The Staff tab was put back/);
  });

  test('renamed only in case, the tab is still Staff (getSheetByName finds it): a bad role is put back', async () => {
    // Sheets compares tab names ignoring case; live getSheetByName is reported to as well, so the
    // add-on reads "staff" as its Staff tab, and an edit there must be judged as one.
    userRenameSheet(wb.model, STAFF, 'staff', ADMIN);
    try {
      const row = rowWhere('staff', 1, SUPERVISOR);
      await edit(ADMIN, 'staff', row, 3, [['Administrator']]);
      expect(wb.sheet('staff').valueAt(row, 3)).toBe('Administrator');
      expect(lastLog()).toMatchObject({ user: ADMIN, recordId: STAFF, field: `C${row}` });
      await edit(ADMIN, 'staff', row, 3, [['Overlord']]);
      expect(wb.sheet('staff').valueAt(row, 3)).toBe('Administrator');
      expect(lastLog()).toMatchObject({ user: ADMIN, recordId: STAFF, field: `C${row} (refused)` });
      await edit(ADMIN, 'staff', row, 3, [['Supervisor']]);
    } finally {
      userRenameSheet(wb.model, 'staff', STAFF, ADMIN);
    }
  });

  test('a malformed email is put back', async () => {
    const row = rowWhere(STAFF, 1, SUPERVISOR);
    await edit(ADMIN, STAFF, row, 1, [['sam at example']]);
    expect(wb.sheet(STAFF).valueAt(row, 1)).toBe(SUPERVISOR);
    expect(noteAt(STAFF, row, 1)).toMatch(/Email is not an email address/);
  });

  test('the last active administrator cannot be demoted, deactivated or deleted, typed twice or pasted', async () => {
    const row = rowWhere(STAFF, 1, ADMIN);
    const before = wb.values(STAFF)[row - 1];
    const attempts: Array<[number, string[][]]> = [
      [3, [['Technician']]],
      [3, [['Technician']]],
      [4, [['FALSE']]],
      [3, [['Manager', 'FALSE']]],
      [1, [['', '', '', '']]],
    ];
    for (const [column, values] of attempts) {
      await edit(ADMIN, STAFF, row, column, values);
      expect(wb.values(STAFF)[row - 1]).toEqual(before);
      expect(String(lastLog()?.newValue)).toMatch(/no active Administrator/);
    }
  });

  test('with a second administrator, the first may step down: accepted and logged cell by cell', async () => {
    const row = rowWhere(STAFF, 1, SUPERVISOR);
    await edit(ADMIN, STAFF, row, 3, [['Administrator']]);
    expect(wb.sheet(STAFF).valueAt(row, 3)).toBe('Administrator');
    expect(lastLog()).toMatchObject({ field: `C${row}`, oldValue: 'Supervisor', newValue: 'Administrator' });
    const own = rowWhere(STAFF, 1, ADMIN);
    await edit(ADMIN, STAFF, own, 3, [['Supervisor', 'TRUE']]);
    // ADMIN is now a supervisor; SUPERVISOR, an administrator, puts both back as they were.
    await edit(SUPERVISOR, STAFF, own, 3, [['Administrator']]);
    await edit(ADMIN, STAFF, row, 3, [['Supervisor']]);
    expect(wb.sheet(STAFF).valueAt(row, 3)).toBe('Supervisor');
    expect(wb.sheet(STAFF).valueAt(own, 3)).toBe('Administrator');
  });

  test('a new row typed one cell at a time is accepted at each step (it grants nothing until complete)', async () => {
    const row = wb.sheet(STAFF).lastRow() + 1;
    const cells = ['nora.new@example.com', 'Nora New', 'Technician', 'TRUE'];
    for (const [i, value] of cells.entries()) {
      await edit(ADMIN, STAFF, row, i + 1, [[value]]);
      expect(wb.sheet(STAFF).valueAt(row, i + 1)).toBe(i === 3 ? true : value);
      expect(lastLog()).toMatchObject({ field: `${'ABCD'[i]}${row}`, recordId: STAFF });
    }
  });

  test('a put-back keeps text that looks like a formula as text', async () => {
    const row = wb.sheet(STAFF).lastRow() + 1;
    await edit(ADMIN, STAFF, row, 1, [['eve@example.com', "'-- Eve (contractor) --", 'Technician', 'TRUE']]);
    expect(wb.sheet(STAFF).valueAt(row, 2)).toBe('-- Eve (contractor) --');
    // A paste that renames her and breaks her role is put back whole.
    await edit(ADMIN, STAFF, row, 2, [['Eve', 'Nobody']]);
    expect(wb.sheet(STAFF).valueAt(row, 2)).toBe('-- Eve (contractor) --');
    expect(wb.sheet(STAFF).formulaAt(row, 2)).toBe('');
    expect(wb.sheet(STAFF).valueAt(row, 3)).toBe('Technician');
  });
});

describe('Settings', () => {
  function settingRow(name: string): number {
    return rowWhere(SETTINGS, 7, name);
  }

  test('a non-numeric retention is put back with what is accepted; so is a paste setting it to 0', async () => {
    const row = settingRow('retentionDays');
    const kept = wb.sheet(SETTINGS).valueAt(row, 8);
    await edit(ADMIN, SETTINGS, row, 8, [['forever']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 8)).toBe(kept);
    expect(noteAt(SETTINGS, row, 8)).toMatch(/"forever" is not a valid value for retentionDays/);
    expect(noteAt(SETTINGS, row, 8)).toMatch(/retentionDays a whole number of days from 1 to 36500/);
    await edit(ADMIN, SETTINGS, row, 8, [['0', 'changed description']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 8)).toBe(kept);
    expect(wb.sheet(SETTINGS).valueAt(row, 9)).not.toBe('changed description');
  });

  test('a new priority typed name first is accepted; a negative target for it is not', async () => {
    const row = wb.sheet(SETTINGS).lastRow() + 1;
    await edit(ADMIN, SETTINGS, row, 3, [['P5 Someday']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 3)).toBe('P5 Someday');
    await edit(ADMIN, SETTINGS, row, 5, [['30', 'days']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 6)).toBe('days');
    await edit(ADMIN, SETTINGS, row, 4, [['-1']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 4)).toBe('');
  });

  test('a negative SLA target is put back', async () => {
    const row = rowWhere(SETTINGS, 3, 'P2 Urgent');
    const kept = wb.sheet(SETTINGS).valueAt(row, 4);
    await edit(ADMIN, SETTINGS, row, 4, [['-4']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 4)).toBe(kept);
    expect(noteAt(SETTINGS, row, 4)).toMatch(
      /Respond Within \(h\) "-4" for P2 Urgent is not a number of hours/,
    );
  });

  test('a valid change is accepted and logged; text that looks like a formula stays text when put back', async () => {
    const row = settingRow('organizationName');
    await edit(ADMIN, SETTINGS, row, 8, [["'+1 Facilities (24/7)"]]);
    expect(wb.sheet(SETTINGS).valueAt(row, 8)).toBe('+1 Facilities (24/7)');
    expect(lastLog()).toMatchObject({
      recordId: SETTINGS,
      field: `H${row}`,
      newValue: '+1 Facilities (24/7)',
    });
    const retention = settingRow('retentionDays');
    // One paste over both rows, one value bad: both put back, the name as literal text.
    expect(retention).toBe(row + 1);
    await edit(ADMIN, SETTINGS, row, 8, [['Other name'], ['-1']]);
    expect(wb.sheet(SETTINGS).valueAt(row, 8)).toBe('+1 Facilities (24/7)');
    expect(wb.sheet(SETTINGS).formulaAt(row, 8)).toBe('');
  });
});
