/**
 * Where a form submission writes its log rows: after what the log's end holds now, never over it. A
 * submission knows the checkpoint (the row and MAC of the last row the add-on committed) from the
 * properties it reads first, but the sheet can hold more than that row says: rows another writer
 * wrote before failing (their change may have landed), or the add-on's own rows moved down by a row
 * someone inserted above them. Appending at the checkpoint's row without looking would write over
 * them; these pin what the look at the log's end keeps.
 */
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { reachUncommittedApproval, submitMany } from '../../support/ops';
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
  expect(await reachUncommittedApproval(wb, submitted)).toBe(true);
  (await wb.submit({ description: 'After the failed approval' })).executions.forEach((e) =>
    expect(e.ok).toBe(true),
  );
  const approvals = wb
    .changeLogEntries()
    .filter((e) => e.recordId === submitted && e.field === 'Status' && e.newValue === 'Approved');
  expect(approvals).toHaveLength(1);
  expect(createdRows('After the failed approval')).toBe(1);
  expect(verifyLog(wb).ok).toBe(true);
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
