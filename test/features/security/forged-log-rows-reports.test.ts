/**
 * The reports' Returns, time in each status and MTTR come from the Change Log's Status rows, and
 * technicians can write the log (My work writes it as them). A technician's script appending a
 * "Completed → In Progress" row for a colleague's finished order (no trigger fires) must not be counted
 * as a return by the manager's next Build reports: rows below the last one Work Orders recorded are left
 * out, and the report says so. Rows inserted above it make the report say its log figures may be wrong.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import type { CellValue } from '../../../runtime/host/spreadsheet/values';
import { sidebarAct, submitOne } from '../../support/edits';
import { ADMIN, MANAGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
let id: string;
beforeEach(async () => {
  wb = await setUpWorkbook();
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  id = await submitOne(wb, { description: 'Leaking tap' });
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Plumbing',
    priority: 'P2 Urgent',
    assignee: TECH,
  });
  for (const request of [
    { action: 'start' },
    { action: 'complete', results: 'Fixed', actionsTaken: 'New washer' },
  ]) {
    const reply = expectOk(
      await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
    ).value as { ok: boolean; message?: string };
    expect(reply).toMatchObject({ ok: true });
  }
});
afterEach(() => wb.close());

/** A row as the log holds it, copied from the last, saying the order was sent back for rework. */
function forgedReturn(): CellValue[] {
  const last = [...(wb.changeLog().at(-1) ?? [])] as CellValue[];
  const header = wb.values(SHEET_NAMES.changeLog)[0] ?? [];
  const changesAt = header.findIndex((h) => String(h) === 'Changes');
  last[changesAt] = 'Status: Completed → In Progress';
  return last;
}

const returns = (): unknown[] => {
  const values = wb.values(SHEET_NAMES.reportBottlenecks);
  const at = values.findIndex((r) => r[0] === 'Returns');
  return values[at + 1] ?? [];
};
const notes = (): string =>
  wb
    .values(SHEET_NAMES.reportSummary)
    .map((r) => r.join(' '))
    .join('\n');

test('a Status row appended by script is left out of Returns, and the report says rows were left out', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(returns().slice(0, 2)).toEqual([0, 0]);
  const log = wb.sheet(SHEET_NAMES.changeLog);
  log.writeValues(log.lastRow() + 1, 1, [forgedReturn()]);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(returns().slice(0, 2)).toEqual([0, 0]);
  expect(notes()).toMatch(
    /1 Change Log row\(s\) below the last one Work Orders recorded were left out of every figure/,
  );
});

test('a Status row inserted above the last: the report says its log figures may be wrong', async () => {
  const log = wb.sheet(SHEET_NAMES.changeLog);
  log.insertRows(3, 1, 'none');
  log.writeValues(3, 1, [forgedReturn()]);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(notes()).toMatch(
    /The Change Log no longer ends where Work Orders recorded .* may be wrong\. An administrator can run Verify audit log/,
  );
});

test('an untouched log: no such note', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(notes()).not.toMatch(/Change Log row\(s\) below|no longer ends where/);
});
