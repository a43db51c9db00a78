/**
 * Where a form submission writes its log rows: after what the log's end holds now, never over it. A
 * submission knows the checkpoint (the row and MAC of the last row the add-on committed) from the
 * properties it reads first, but the sheet can hold more than that row says: rows another writer
 * wrote before failing (their change may have landed), or the add-on's own rows moved down by a row
 * someone inserted above them. Appending at the checkpoint's row without looking would write over
 * them; these pin what the look at the log's end keeps.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';
import { verifyLog } from '../../support/audit';
import { approveWithCallFailing, submitMany } from '../../support/ops';
import { setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
afterEach(() => wb.close());

const hashCells = (): string[] => wb.changeLog().map((r) => String(r[LOG_COLUMN.hash] ?? ''));
const createdRows = (description: string): number => {
  const id = wb.register().find((r) => r.order.description === description)?.order.id;
  return id ? wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Created').length : 0;
};

test('a submission after an approval that landed but did not commit keeps that approval’s log rows', async () => {
  wb = await setUpWorkbook();
  const [submitted] = (await submitMany(wb, 1)) as [string];
  const saved = encodeWorldState(exportWorld(wb.rt.world));
  let reached = false;
  for (let n = 1; n < 200 && !reached; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    const checkpoint = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY);
    const hit = await approveWithCallFailing(wb, submitted, n);
    if (hit === null) break;
    // The case: the approval is in the register and its rows in the log, the checkpoint not moved.
    const uncommitted = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY) === checkpoint;
    if (!uncommitted || wb.order(submitted).status !== 'Approved') continue;
    reached = true;
    (await wb.submit({ description: 'After the failed approval' })).executions.forEach((e) =>
      expect(e.ok).toBe(true),
    );
    const approvals = wb
      .changeLogEntries()
      .filter((e) => e.recordId === submitted && e.field === 'Status' && e.newValue === 'Approved');
    expect(approvals).toHaveLength(1);
    expect(createdRows('After the failed approval')).toBe(1);
    expect(verifyLog(wb).ok).toBe(true);
  }
  expect(reached).toBe(true);
}, 300_000);

test('a submission after a row was inserted above the log’s end writes over none of the add-on’s rows', async () => {
  wb = await setUpWorkbook();
  await submitMany(wb, 3);
  const before = hashCells().filter((h) => h !== '');
  // Someone inserts a blank row in the middle of the log: its last rows move down by one.
  wb.sheet(SHEET_NAMES.changeLog).insertRows(3, 1, 'none');
  (await wb.submit({ description: 'After the inserted row' })).executions.forEach((e) =>
    expect(e.ok).toBe(true),
  );
  const after = hashCells();
  for (const cell of before) expect(after).toContain(cell);
  expect(createdRows('After the inserted row')).toBe(1);
}, 120_000);
