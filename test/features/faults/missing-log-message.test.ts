/**
 * The message when the Change Log tab is gone, through dist/Code.js. It said "Set up work orders to
 * repair it; no data is lost" whether the tab was renamed or deleted, and Verify audit log said to
 * "restore it from the version history": a deleted log's rows are gone from the spreadsheet (setup
 * only makes an empty log), and restoring a whole version undoes every change made since. Now a renamed
 * log is named (setup names it back); a deleted one says what setup does, that Verify will report the
 * earlier rows, and how to copy them back from File › Version history, which this test follows.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';

const LOG = SHEET_NAMES.changeLog;
let wb: TestWorkbook;
let id: string;
beforeEach(async () => {
  wb = await setUpWorkbook();
  id = await assignedOrder(wb, TECH);
});
afterEach(() => wb.close());

/** A technician's edit of the order's status: the execution's error message, '' when it stood. */
async function startWork(): Promise<string> {
  const { executions } = await wb.edit(TECH, REGISTER, rowOf(wb, id), wb.registerColumn('Status'), [
    ['In Progress'],
  ]);
  return executions[0]?.error?.message ?? '';
}

async function verify(): Promise<{ ok: boolean; message: string }> {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
}

test('the log renamed: the message names the tab and says setup names it back', async () => {
  userRenameSheet(wb.model, LOG, 'Old log', TECH);
  expect(await startWork()).toBe(
    'The "Change Log" sheet is missing: it was renamed "Old log". An administrator can run ' +
      'Extensions › Work Orders › Set up work orders, which names it "Change Log" again; nothing in it is lost.',
  );
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(await startWork()).toBe('');
});

test('the log deleted: the message says its rows went, what setup does, and how to copy them back', async () => {
  const rows = wb.values(LOG).slice(1);
  wb.model.deleteSheetModel(LOG);
  const message = await startWork();
  expect(message).toMatch(
    /^The "Change Log" sheet is missing: it was deleted, and the rows it held went with it\. /,
  );
  expect(message).toMatch(
    /Set up work orders, which makes a new, empty Change Log so that work can go on\. /,
  );
  expect(message).toMatch(
    /Verify audit log then reports the earlier rows as deleted until they are copied back: /,
  );
  expect(message).toMatch(/Do not restore that whole version: it would undo every change made since\.$/);
  expect(message).not.toMatch(/no data is lost|restore it from/);

  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(await startWork()).toBe('');
  expect((await verify()).message).toMatch(/rows were deleted/);
  // What the message says to do: the old rows pasted at row 2 of the new log, in rows inserted there.
  wb.sheet(LOG).insertRows(2, rows.length, 'none');
  expectOk(
    (
      await wb.edit(
        ADMIN,
        LOG,
        2,
        1,
        rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v)))),
      )
    ).executions[0]!,
  );
  expect(await verify()).toMatchObject({ ok: true });
});

test('the log deleted and a tab made under its name: Verify says setup takes that tab, and how to copy the rows back', async () => {
  const header = wb.values(LOG)[0] as string[];
  wb.model.deleteSheetModel(LOG);
  wb.model.insertSheetModel(LOG).writeValues(1, 1, [header]);
  const { message } = await verify();
  expect(message).toMatch(
    /^The "Change Log" tab is not the add-on's change log: the add-on's log was deleted \(it is no longer in this spreadsheet\) and this tab made under its name\. /,
  );
  expect(message).toMatch(/it takes this tab as the Change Log from then on/);
  expect(message).toMatch(/Do not restore that whole version/);
  expect(message).not.toMatch(/restore it from|sets this tab aside/);
});
