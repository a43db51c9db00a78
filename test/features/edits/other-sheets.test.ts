/**
 * Edits outside the register's rows. Other tabs cost at most five service calls (their name, and
 * their sheet id against the register's); the Staff and Settings tabs take effect at once (the cached copy is dropped) and only administrators change them;
 * the Change Log is append-only (an edit is recorded as the log's next row); the register's header
 * row is the add-on's to name.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { entriesOfRow } from '../../../src/core/change-log-row';
import { verifyLog } from '../../support/audit';
import { ADMIN, SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  REGISTER,
  approvedOrder,
  assignedOrder,
  cell,
  logFor,
  noteAt,
  onlyExecution,
  toastsOf,
  type,
} from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const totalCalls = (calls: Record<string, number>): number => Object.values(calls).reduce((a, b) => a + b, 0);

test('an edit on any other tab returns after its name and its sheet id, against the register’s', async () => {
  // (The Procedure tab is watched: an administrator's edit there is a revision, see features/procedure.)
  // The id is looked at because the register renamed is still the register (security/renamed-register).
  for (const name of [SHEET_NAMES.outbox, 'Form Responses 1']) {
    const record = onlyExecution((await wb.edit(ADMIN, name, 40, 2, [['x', 'y']])).executions);
    expect(totalCalls(record.stats.calls)).toBeLessThanOrEqual(5);
    expect(Object.keys(record.stats.calls).sort()).toEqual([
      'Properties.getProperty',
      'PropertiesService.getDocumentProperties',
      'Range.getSheet',
      'Sheet.getName',
      'Sheet.getSheetId',
    ]);
  }
});

test('the trigger called from the browser console with plain data does nothing', async () => {
  const record = await wb.call(TECH, 'onEditTrigger', { range: { row: 2 }, value: 'Closed' });
  expect(record.ok).toBe(true);
  expect(totalCalls(record.stats.calls)).toBe(0);
});

function staffRowOf(email: string): number {
  const rows = wb.values(SHEET_NAMES.staff);
  const index = rows.findIndex((r) => r[0] === email);
  if (index < 0) throw new Error(`${email} is not on the Staff tab`);
  return index + 1;
}

test('an administrator’s Staff edit applies at once and is logged', async () => {
  const id = await approvedOrder(wb);
  // Warm the cached Staff copy with TECH2 as a technician.
  await type(wb, TECH2, id, 'Progress Notes', 'not mine');
  expect(wb.order(id).notes).toBe('');
  const row = staffRowOf(TECH2);
  const roleColumn = 3;
  onlyExecution((await wb.edit(ADMIN, SHEET_NAMES.staff, row, roleColumn, [['Supervisor']])).executions);
  const log = wb.changeLogEntries().at(-1);
  expect(log).toMatchObject({
    user: ADMIN,
    source: 'sheet edit',
    recordId: SHEET_NAMES.staff,
    field: `C${row}`,
    oldValue: 'Technician',
    newValue: 'Supervisor',
  });
  // Promoted: TECH2 may now assign in the register, without waiting for a cache to expire.
  await type(wb, TECH2, id, 'Assignee', TECH);
  expect(wb.order(id)).toMatchObject({ status: 'Assigned', assignee: TECH });
  onlyExecution((await wb.edit(ADMIN, SHEET_NAMES.staff, row, roleColumn, [['Technician']])).executions);
});

test('a technician cannot promote themselves on the Staff tab: Sheets refuses the edit', async () => {
  const id = await assignedOrder(wb, TECH2);
  const row = staffRowOf(TECH);
  for (let attempt = 0; attempt < 2; attempt++) {
    await expect(wb.edit(TECH, SHEET_NAMES.staff, row, 3, [['Administrator']])).rejects.toThrow(/protected/);
    await expect(wb.edit(TECH, SHEET_NAMES.staff, row, 3, [['Administrator', 'TRUE']])).rejects.toThrow(
      /protected/,
    );
  }
  expect(wb.sheet(SHEET_NAMES.staff).valueAt(row, 3)).toBe('Technician');
  // …and still has no supervisor's rights: their account may write the register's system columns (My
  // work writes them as the technician), so Sheets lets the Assignee edit in and the trigger puts it back.
  const mark = logFor(wb, id).length;
  await type(wb, TECH, id, 'Assignee', TECH);
  expect(wb.order(id).assignee).toBe(TECH2);
  expect(cell(wb, id, 'Assignee')).toBe(TECH2);
  expect(noteAt(wb, id, 'Assignee')).toMatch(/Only a supervisor can change Assignee/);
  expect(logFor(wb, id).slice(mark)).toMatchObject([{ user: TECH, field: 'Assignee (refused)' }]);
});

test('an edit to the Change Log is recorded as its next row, and the chain still verifies after it', async () => {
  await assignedOrder(wb);
  const target = 3; // a data row
  // Technicians' and supervisors' accounts may write the log (their sidebars append to it as them), so
  // Sheets lets a hand edit in: it is recorded, and Verify audit log shows it, whoever made it.
  for (const user of [TECH, SUPERVISOR]) {
    const before = wb.changeLog().length;
    const toastsBefore = toastsOf(wb, user).length;
    const original = wb.sheet(SHEET_NAMES.changeLog).valueAt(target, 5);
    onlyExecution((await wb.edit(user, SHEET_NAMES.changeLog, target, 5, [['Nothing happened']])).executions);
    const rows = wb.changeLog();
    expect(rows).toHaveLength(before + 1);
    expect(entriesOfRow(rows.at(-1) ?? [])).toMatchObject([
      {
        user,
        source: 'sheet edit',
        recordId: SHEET_NAMES.changeLog,
        field: `Edited by hand (E${target})`,
        oldValue: original,
        newValue: 'Nothing happened',
      },
    ]);
    expect(toastsOf(wb, user).slice(toastsBefore).join(' ')).toMatch(/append-only/);
    // The hash chain shows the damage where it was done (and only there).
    expect(verifyLog(wb)).toMatchObject({ ok: false, row: target, kind: 'edited' });
    // Put back by hand (Undo), the whole log verifies again, the record of the attempt included.
    wb.sheet(SHEET_NAMES.changeLog).writeValues(target, 5, [[original]]);
    expect(verifyLog(wb).ok).toBe(true);
  }
});

test('the register’s headers: a technician’s or supervisor’s rename is put back, an administrator’s is logged', async () => {
  const column = wb.registerColumn('Progress Notes');
  // Both accounts may write the header row (it lies in the system columns their sidebars write).
  for (const user of [TECH, SUPERVISOR]) {
    onlyExecution((await wb.edit(user, REGISTER, 1, column, [['Diary']])).executions);
    expect(wb.sheet(REGISTER).valueAt(1, column)).toBe('Progress Notes');
    expect(wb.changeLogEntries().at(-1)).toMatchObject({
      user,
      field: `Header ${String.fromCharCode(64 + column)}1 (refused)`,
    });
  }

  onlyExecution((await wb.edit(ADMIN, REGISTER, 1, column, [['Notes']])).executions);
  expect(wb.sheet(REGISTER).valueAt(1, column)).toBe('Notes');
  expect(toastsOf(wb, ADMIN).at(-1)).toMatch(/"Progress Notes" is no longer a column header/);
  onlyExecution((await wb.edit(ADMIN, REGISTER, 1, column, [['Progress Notes']])).executions);
  // The trigger picks the restored layout up at once.
  const id = await assignedOrder(wb);
  await type(wb, TECH, id, 'Progress Notes', 'after the rename');
  expect(wb.order(id).notes).toBe('after the rename');
});
