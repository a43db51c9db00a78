/**
 * An administrator takes a technician off active duty on the Staff tab while open work is still
 * assigned to them, through dist/Code.js: made inactive, given another role, or their row's email
 * cleared. The edit stands and the orders keep their assignee (the cockpit flags them for
 * reassignment), but the administrator is told at once, in the toast and a note on the edited cell,
 * which orders and what a supervisor does. A technician with no open work, or one still active, says
 * nothing of the kind.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { onlyExecution, sidebarAct, toastsOf } from '../../support/edits';
import { ADMIN, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';

const STAFF = SHEET_NAMES.staff;
let wb: TestWorkbook;
let held: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  held = await assignedOrders(wb, [TECH, TECH, TECH]);
  // The third is cancelled: not open work any more.
  const cancelled = held.pop()!;
  await sidebarAct(wb, {
    action: 'cancel',
    id: cancelled,
    revision: wb.order(cancelled).revision,
    reason: 'Duplicate request',
  });
}, 120_000);
afterAll(() => wb.close());

function cellOf(email: string, header: string): { row: number; column: number } {
  const values = wb.values(STAFF);
  return {
    row: values.findIndex((r) => r[0] === email) + 1,
    column: (values[0] ?? []).indexOf(header) + 1,
  };
}

const noteAt = ({ row, column }: { row: number; column: number }): string =>
  wb.sheet(STAFF).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

async function edit({ row, column }: { row: number; column: number }, value: string): Promise<string> {
  const seen = toastsOf(wb, ADMIN).length;
  onlyExecution((await wb.edit(ADMIN, STAFF, row, column, [[value]])).executions);
  return toastsOf(wb, ADMIN).slice(seen).join(' | ');
}

const said = (): string =>
  `Tina Tech (${TECH}) is no longer an active technician on the Staff tab, but still holds 2 open work orders ` +
  `(${held.map((id) => wb.order(id).woNumber).join(', ')}): they stay assigned to them, with their reminders going to the supervisors, ` +
  'until a supervisor reassigns each with Reassign in Review & assign (listed there under their name).';

test('made inactive: the administrator is told which open orders she still holds', async () => {
  const active = cellOf(TECH, 'Active');
  expect(await edit(active, 'FALSE')).toBe(said());
  expect(wb.sheet(STAFF).valueAt(active.row, active.column)).toBe(false);
  expect(noteAt(active)).toMatch(new RegExp(`^Work Orders: still in use \\(${ADMIN}, `));
  expect(noteAt(active)).toContain(said());
  for (const id of held) expect(wb.order(id).assignee).toBe(TECH);
  // Active again: nothing to say, and the note goes.
  expect(await edit(active, 'TRUE')).toBe('');
  expect(noteAt(active)).toBe('');
});

test('given a role that is not assigned work, or the email cleared: told the same', async () => {
  const role = cellOf(TECH, 'Role');
  expect(await edit(role, 'Manager')).toBe(said());
  expect(await edit(role, 'Technician')).toBe('');
  const email = cellOf(TECH, 'Email');
  expect(await edit(email, '')).toBe(said());
  expect(await edit(email, TECH)).toBe('');
});

test('a technician with no open work leaves without a warning', async () => {
  expect(await edit(cellOf(TECH2, 'Active'), 'FALSE')).toBe('');
});
