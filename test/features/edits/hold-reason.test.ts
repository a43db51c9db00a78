/**
 * Putting work on hold needs a reason given for that hold: with the status (the same edit, paste, My
 * work or update-form step) or typed into Reason since a step last used it. A Reason left from an
 * earlier step (a supervisor's return reason, the last hold's) is never sent to the requestor as the
 * cause of a new hold.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { assignedOrder, noteAt, rowOf, sidebarAct, type, typeAll } from '../../support/edits';
import {
  MID_MORNING,
  REQUESTOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const REFUSED =
  /On Hold needs a Reason for this step .*type it in the Reason column first, or with the status/;
let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterAll(() => wb.close());

function requestorMailSince(count: number): string[] {
  return wb.rt.world.mail
    .receivedBy(REQUESTOR)
    .slice(count)
    .map((m) => m.body);
}

async function myWorkStep(id: string, request: Record<string, unknown>): Promise<void> {
  const record = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  );
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`myWorkAct ${String(request.action)} refused: ${reply.message ?? ''}`);
}

test("a supervisor's return reason is not reused: On Hold typed alone is put back until a reason is typed", async () => {
  const id = await assignedOrder(wb);
  await typeAll(wb, TECH, id, {
    Status: 'In Progress',
    Results: 'Wall painted',
    'Actions Taken': 'Two coats',
  });
  await type(wb, TECH, id, 'Status', 'Completed');
  const internal = 'Internal: paint is patchy, Tina rushed it';
  await sidebarAct(wb, { action: 'return', id, revision: wb.order(id).revision, reason: internal });
  const mailed = wb.rt.world.mail.receivedBy(REQUESTOR).length;
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id)).toMatchObject({ status: 'In Progress', reason: internal });
  expect(noteAt(wb, id, 'Status')).toMatch(REFUSED);
  // Typed first, in its own edit, the reason is the hold's: that is what the requestor reads.
  await type(wb, TECH, id, 'Reason', 'Waiting for the paint to dry');
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for the paint to dry' });
  const bodies = requestorMailSince(mailed);
  expect(bodies.some((b) => b.includes('Waiting for the paint to dry'))).toBe(true);
  expect(bodies.some((b) => b.includes('Tina rushed it'))).toBe(false);
});

test("a second hold does not reuse the first hold's reason; My work's hold gives its own", async () => {
  const id = await assignedOrder(wb);
  await type(wb, TECH, id, 'Status', 'In Progress');
  await type(wb, TECH, id, 'Reason', 'Waiting for the landlord');
  await type(wb, TECH, id, 'Status', 'On Hold');
  await type(wb, TECH, id, 'Status', 'In Progress');
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id).status).toBe('In Progress');
  expect(noteAt(wb, id, 'Status')).toMatch(REFUSED);
  // A note added in My work meanwhile keeps a reason typed for the next hold.
  await type(wb, TECH, id, 'Reason', 'Waiting for a part');
  await myWorkStep(id, { action: 'note', note: 'Part ordered' });
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for a part' });
  await myWorkStep(id, { action: 'resume' });
  await myWorkStep(id, { action: 'hold', reason: 'Waiting for the supplier' });
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for the supplier' });
});

test('Reason and Status pasted together put the order on hold with that reason', async () => {
  const id = await assignedOrder(wb);
  await type(wb, TECH, id, 'Status', 'In Progress');
  const statusColumn = wb.registerColumn('Status');
  const reasonColumn = wb.registerColumn('Reason');
  const row = rowOf(wb, id);
  const register = wb.sheet(SHEET_NAMES.register);
  const cells = register.readValues(row, statusColumn, 1, reasonColumn - statusColumn + 1)[0]!;
  const pasted = cells.map((v, i) =>
    i === 0 ? 'On Hold' : i === reasonColumn - statusColumn ? 'No access to the roof' : String(v ?? ''),
  );
  (await wb.edit(TECH, SHEET_NAMES.register, row, statusColumn, [pasted])).executions.forEach(expectOk);
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'No access to the roof' });
});

test('a second hold for the same reason: the Reason typed again, unchanged, is given for that hold', async () => {
  const id = await assignedOrder(wb);
  await type(wb, TECH, id, 'Status', 'In Progress');
  await type(wb, TECH, id, 'Reason', 'Waiting for parts');
  await type(wb, TECH, id, 'Status', 'On Hold');
  await type(wb, TECH, id, 'Status', 'In Progress');
  // The same words again, in their own edit: Sheets fires the edit though the value did not change.
  await type(wb, TECH, id, 'Reason', 'Waiting for parts');
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for parts' });
  expect(noteAt(wb, id, 'Status')).toBe('');
  // Given for that hold only: the next one needs it again.
  await type(wb, TECH, id, 'Status', 'In Progress');
  await type(wb, TECH, id, 'Status', 'On Hold');
  expect(noteAt(wb, id, 'Status')).toMatch(REFUSED);
  // Pasted with the status, the same words count too.
  const statusColumn = wb.registerColumn('Status');
  const reasonColumn = wb.registerColumn('Reason');
  const row = rowOf(wb, id);
  const cells = wb
    .sheet(SHEET_NAMES.register)
    .readValues(row, statusColumn, 1, reasonColumn - statusColumn + 1)[0]!;
  const pasted = cells.map((v, i) => (i === 0 ? 'On Hold' : String(v ?? '')));
  (await wb.edit(TECH, SHEET_NAMES.register, row, statusColumn, [pasted])).executions.forEach(expectOk);
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for parts' });
});
