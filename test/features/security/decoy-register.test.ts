/**
 * A technician renames the register's tab and makes a tab of their own under "Work Orders": a copy of
 * the register, hidden records and all (Duplicate does it in two clicks). Found by name, that decoy
 * took the next request, showed the sidebars its rows and fed the hourly job, while the real register
 * sat renamed: work orders landed where the technician could do anything with them. The add-on keeps
 * the register's sheet id (and the owner keeps a copy for the hourly job), and every reader and writer
 * now goes by it (src/server/adapters/register-tab.ts).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, rowOf, toastsOf } from '../../support/edits';
import { runHourly } from '../../support/ops';
import { verifyLog } from '../../support/audit';

const ASIDE = "Work Orders (not the add-on's)";

let wb: TestWorkbook;
let first: string;
beforeEach(async () => {
  wb = await setUpWorkbook();
  first = await assignedOrder(wb, TECH, { description: 'Real job' });
}, 60_000);
afterEach(() => wb.close());

/** The technician renames the register "Real" and puts a copy of it, one row forged, under its name. */
function plantDecoy(): void {
  const real = wb.sheet(REGISTER);
  const copy = real.readValues(1, 1, real.lastRow(), real.lastColumn());
  userRenameSheet(wb.model, REGISTER, 'Real', TECH);
  const decoy = wb.model.insertSheetModel(SHEET_NAMES.register);
  decoy.writeValues(1, 1, copy);
  const status = (copy[0] ?? []).indexOf('Status');
  decoy.writeValues(2, status + 1, [['Closed']]);
}

const idsIn = (name: string): unknown[] =>
  wb
    .values(name)
    .slice(1)
    .map((r) => r[0]);

test('a request submitted while a decoy has the name lands in the register, and the names are put right', async () => {
  plantDecoy();
  const [submitted] = (await wb.submit({ description: 'After the decoy' })).executions;
  expect(submitted?.ok).toBe(true);
  // The register has its name back, the decoy is set aside untouched by the request.
  expect(wb.model.sheetModel('Real')).toBeUndefined();
  expect(wb.model.sheetModel(ASIDE)).toBeDefined();
  const newest = wb.register().slice(-1)[0]!.order;
  expect(newest.description).toBe('After the decoy');
  expect(idsIn(ASIDE)).not.toContain(newest.id);
  expect(wb.order(first).status).toBe('Assigned');
  expect(verifyLog(wb).ok).toBe(true);
});

test('the review sidebar reads the register, not the decoy’s forged row', async () => {
  plantDecoy();
  const loaded = expectOk(await wb.call(SUPERVISOR, 'reviewLoad'));
  const text = JSON.stringify(loaded.value);
  expect(text).toContain(first);
  expect(wb.model.sheetModel(ASIDE)).toBeDefined();
  expect(wb.order(first).status).toBe('Assigned');
});

test('the hourly job (no document) takes a missed response into the register by the owner’s copy of its id', async () => {
  plantDecoy();
  // A response whose form-submit execution never ran: the hourly job's reconciliation takes it in.
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'late@example.com',
    answers: wb.answers({ description: 'Missed while the decoy stood' }),
  });
  const decoyIds = idsIn(SHEET_NAMES.register);
  await runHourly(wb);
  const realRows = wb.values('Real').slice(1);
  const description = wb.values('Real')[0]!.indexOf('Description');
  expect(realRows.map((r) => r[description])).toContain('Missed while the decoy stood');
  expect(idsIn(SHEET_NAMES.register)).toEqual(decoyIds);
});

test('an edit typed into the decoy is not taken for the register’s, and says so', async () => {
  plantDecoy();
  const row = rowOf(wb, first); // the decoy is a copy: the same row
  const status = wb.registerColumn('Status');
  await wb.edit(TECH, SHEET_NAMES.register, row, status, [['In Progress']]);
  expect(toastsOf(wb, TECH).join(' ')).toMatch(
    /not the Work Orders register.*not checked or recorded.*now named "Work Orders \(not the add-on's\)"/,
  );
  expect(wb.order(first).status).toBe('Assigned');
  expect(wb.model.sheetModel('Real')).toBeUndefined();
  expect(verifyLog(wb).ok).toBe(true);
});

test('the register deleted and another tab made under its name: a request is not written to it, and the message says what to do', async () => {
  wb.model.deleteSheetModel(REGISTER);
  wb.model.insertSheetModel(SHEET_NAMES.register);
  const [submitted] = (await wb.submit({ description: 'Nowhere to go' })).executions;
  expect(submitted?.ok).toBe(false);
  expect(String(submitted?.error?.message)).toMatch(
    /not the register Work Orders set up.*Nothing was written to it.*Set up work orders/,
  );
  expect(wb.values(SHEET_NAMES.register).flat().join('')).toBe('');
});
