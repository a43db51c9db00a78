/**
 * Two people edit the same work order's row at the same moment. Both edits are in the sheet
 * before either trigger runs (interleaved at every service call, serialized by the document lock), so
 * each trigger sees the other's cell changed outside its own edit. Each must judge only its own edit
 * and leave the other's to its trigger: every change judged once, logged once, by the right person.
 */
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, noteAt, rowOf, type } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

async function together(edits: Array<[string, string, string]>, id: string) {
  const row = rowOf(wb, id);
  const outcomes = await wb.rt.interleaved(() =>
    Promise.all(
      edits.map(([user, header, value]) =>
        wb.edit(user, REGISTER, row, wb.registerColumn(header), [[value]]),
      ),
    ),
  );
  const executions = outcomes.flatMap((o) => o.executions);
  expect(executions.every((e) => e.ok)).toBe(true);
  // They did overlap: one waited for the other's document lock.
  expect(executions.some((e) => e.stats.lockWaits > 0)).toBe(true);
  return executions;
}

test('two legal edits to one row at once: both kept, each logged once under its author', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH, id, 'Status', 'In Progress');
  const mark = logFor(wb, id).length;
  const revision = wb.order(id).revision;
  await together(
    [
      [TECH, 'Progress Notes', 'Ordered a new ballast'],
      [SUPERVISOR, 'Priority', 'P1 Emergency'],
    ],
    id,
  );
  expect(wb.order(id)).toMatchObject({ notes: 'Ordered a new ballast', priority: 'P1 Emergency' });
  expect(wb.order(id).revision).toBe(revision + 2);
  const rows = logFor(wb, id).slice(mark);
  expect(rows.map((r) => [r.field, r.user]).sort()).toEqual([
    ['Priority', SUPERVISOR],
    ['Progress Notes', TECH],
  ]);
});

test('two illegal edits to one row at once: both put back, each refusal logged once', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH, id, 'Status', 'In Progress');
  const before = wb.order(id);
  const mark = logFor(wb, id).length;
  await together(
    [
      [TECH, 'Status', 'Completed'],
      [TECH2, 'Progress Notes', 'Not my order'],
    ],
    id,
  );
  expect(wb.order(id)).toEqual(before);
  expect(noteAt(wb, id, 'Status')).toMatch(/Completed needs Results and Actions Taken/);
  expect(noteAt(wb, id, 'Progress Notes')).toMatch(/Only the assignee or a supervisor/);
  const rows = logFor(wb, id).slice(mark);
  expect(rows.map((r) => [r.field, r.user]).sort()).toEqual([
    ['Progress Notes (refused)', TECH2],
    ['Status (refused)', TECH],
  ]);
});

test('a legal and an illegal edit at once: one kept, one put back', async () => {
  const id = await assignedOrder(wb, TECH);
  const mark = logFor(wb, id).length;
  await together(
    [
      [TECH, 'Status', 'In Progress'],
      [TECH2, 'Results', 'Done it myself'],
    ],
    id,
  );
  expect(wb.order(id)).toMatchObject({ status: 'In Progress', results: '' });
  expect(
    logFor(wb, id)
      .slice(mark)
      .map((r) => r.field)
      .sort(),
  ).toEqual(['Results (refused)', 'Started At', 'Status']);
});
