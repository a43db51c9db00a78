/**
 * An administrator adding a staff member sees at once, in a note on the row's Email cell, why the
 * person cannot be given work yet; the note goes when the row is fixed, and the technician is then
 * offered in the Review & assign sidebar.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { assignabilityNotes } from '../../../src/core/staff-notes';
import { ADMIN, SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution } from '../../support/edits';
import { viewFor } from './helpers';

const NEW_TECH = 'nora.new@example.com';

function emailNote(wb: TestWorkbook, row: number): string {
  return wb.sheet(SHEET_NAMES.staff).readNotes({ row, column: 1, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

async function typeInStaff(wb: TestWorkbook, row: number, column: number, value: string) {
  onlyExecution((await wb.edit(ADMIN, SHEET_NAMES.staff, row, column, [[value]])).executions);
}

test('a new row says what is missing until the person is an active technician, then is offered', async () => {
  const wb = await setUpWorkbook();
  try {
    const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
    await typeInStaff(wb, row, 1, NEW_TECH);
    expect(emailNote(wb, row)).toBe(
      'Not assignable yet: the Role is empty: write Technician. Work Orders offers only active Technicians with a valid email.',
    );
    await typeInStaff(wb, row, 2, 'Nora New');
    await typeInStaff(wb, row, 3, 'Technician');
    await typeInStaff(wb, row, 4, 'FALSE');
    expect(emailNote(wb, row)).toBe(
      'Not assignable yet: Active is FALSE: set it to TRUE. Work Orders offers only active Technicians with a valid email.',
    );
    expect((await viewFor(wb, SUPERVISOR)).technicians.map((t) => t.email)).not.toContain(NEW_TECH);
    await typeInStaff(wb, row, 4, 'TRUE');
    expect(emailNote(wb, row)).toBe('');
    expect((await viewFor(wb, SUPERVISOR)).technicians.map((t) => t.email)).toContain(NEW_TECH);
  } finally {
    await wb.close();
  }
});

test('the reasons, row by row: bad email, unknown role, listed twice; other roles need no note', () => {
  const { column, notes } = assignabilityNotes([
    ['Email', 'Name', 'Role', 'Active'],
    ['tina@example.com', 'Tina', 'Technician', true],
    ['sam@example.com', 'Sam', 'Supervisor', false],
    ['not-an-email', 'X', 'Technician', true],
    ['pat@example.com', 'Pat', 'Plumber', true],
    ['TINA@example.com', 'Tina again', 'Technician', true],
    ['', '', '', ''],
  ]);
  expect(column).toBe(0);
  expect(notes.map((n) => n.replace(/ Work Orders offers.*$/, ''))).toEqual([
    '',
    '',
    'Not assignable yet: the Email is not an email address.',
    'Not assignable yet: the Role "Plumber" is not one of Supervisor, Technician, Manager, Administrator.',
    'Not assignable yet: tina@example.com is listed above already: this row is ignored.',
    '',
  ]);
});
