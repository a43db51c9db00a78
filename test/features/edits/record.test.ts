/**
 * The Last Known State column the trigger relies on. Setup adds it (protected, warning-only)
 * and records every row that has none; every writer keeps it current (intake, the sidebar, the
 * trigger); a very long row keeps fingerprints of its longest texts; the review queue follows status
 * changes made in the sheet.
 */
import { ROW_STATE_HEADER, ROW_STATE_PROTECTION } from '../../../src/server/adapters/row-state';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  REGISTER,
  assignedOrder,
  cell,
  logFor,
  noteAt,
  onlyExecution,
  rowOf,
  type,
  typeAll,
} from '../../support/edits';
import { disagreements, recordOf } from '../../support/row-state';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const stateOf = (id: string) => recordOf(wb, cell(wb, id, ROW_STATE_HEADER));

test('setup adds the column after the add-on’s own, protected (warning-only); a second run changes nothing', async () => {
  const header = wb.values(REGISTER)[0] ?? [];
  expect(header.at(-1)).toBe(ROW_STATE_HEADER);
  const protections = wb.sheet(REGISTER).protections.filter((p) => p.description === ROW_STATE_PROTECTION);
  expect(protections).toHaveLength(1);
  expect(protections[0]?.warningOnly).toBe(true);
  expect(protections[0]?.rect?.column).toBe(header.length);
  const again = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(String(again.value)).not.toMatch(/Last Known State/);
  expect(wb.values(REGISTER)[0]).toEqual(header);
});

test('intake, the sidebar and the trigger keep every row’s record equal to the row', async () => {
  const id = await assignedOrder(wb);
  expect(disagreements(wb, id)).toEqual([]); // written by intake, then by the sidebar
  await type(wb, TECH, id, 'Status', 'In Progress');
  expect(disagreements(wb, id)).toEqual([]); // and by the trigger
});

test('setup records rows that have none (written before the column existed), and pastes over them are judged', async () => {
  const id = await assignedOrder(wb);
  const row = rowOf(wb, id);
  const stateColumn = wb.registerColumn(ROW_STATE_HEADER);
  wb.sheet(REGISTER).writeValues(row, stateColumn, [['']]);
  // Without a record, the row cannot tell what a paste changed: put back as the change log records it.
  const statusColumn = wb.registerColumn('Status');
  await wb.edit(TECH, REGISTER, row, statusColumn, [['In Progress'], ['']]);
  expect(wb.order(id).status).toBe('Assigned');
  expect(logFor(wb, id).at(-1)).toMatchObject({ field: 'Status (refused)' });
  expect(noteAt(wb, id, 'Status')).toMatch(/no record of what this row held/);
  wb.sheet(REGISTER).writeValues(row, stateColumn, [['']]);
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(/recorded the current values of 1 row/);
  expect(disagreements(wb, id)).toEqual([]);
  onlyExecution((await wb.edit(TECH, REGISTER, row, statusColumn, [['Completed'], ['']])).executions);
  expect(wb.order(id).status).toBe('Assigned');
  expect(noteAt(wb, id, 'Status')).toMatch(/skips a step/);
});

test('a row too long to copy whole keeps prints: changes are still seen and put back, and legal edits still work', async () => {
  const long = 'A very long description. '.repeat(1800);
  const id = await assignedOrder(wb, TECH, { description: long });
  const original = wb.order(id).description;
  expect(original.length).toBeGreaterThan(40_000);
  const state = stateOf(id);
  expect(Object.keys(state?.fingerprints ?? {})).toContain('description');
  expect(String(cell(wb, id, ROW_STATE_HEADER)).length).toBeLessThanOrEqual(150);
  await type(wb, TECH, id, 'Status', 'In Progress');
  expect(wb.order(id).status).toBe('In Progress');
  // A paste over the description is seen (locked), and the old text comes back from the change log.
  const row = rowOf(wb, id);
  const column = wb.registerColumn('Description');
  onlyExecution((await wb.edit(SUPERVISOR, REGISTER, row, column, [['short'], ['']])).executions);
  expect(noteAt(wb, id, 'Description')).toMatch(/kept as the requestor submitted it/);
  expect(noteAt(wb, id, 'Description')).not.toMatch(/could not be put back/);
  expect(wb.order(id).description === original).toBe(true);
  expect(logFor(wb, id).at(-1)).toMatchObject({ field: 'Description (refused)' });
  expect(disagreements(wb, id)).toEqual([]);
});

test('a work order completed in the sheet joins the supervisor’s review queue at once', async () => {
  const id = await assignedOrder(wb);
  const load = async () => {
    const record = expectOk(await wb.call(SUPERVISOR, 'reviewLoad'));
    const value = record.value as {
      ok: boolean;
      view: { sections: Record<string, { items: { id: string }[] }> };
    };
    return {
      completed: value.view.sections.completed?.items.map((i) => i.id) ?? [],
      cells: record.stats.cellsRead,
    };
  };
  expect((await load()).completed).not.toContain(id);
  await type(wb, TECH, id, 'Status', 'In Progress');
  await typeAll(wb, TECH, id, { Results: 'Fixed', 'Actions Taken': 'Replaced it', Status: 'Completed' });
  const after = await load();
  expect(after.completed).toContain(id);
  expect(after.cells).toBe(0); // from the queue kept up to date, not a rebuild from the register
});
