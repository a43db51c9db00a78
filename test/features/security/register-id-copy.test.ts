/**
 * The hourly job has no document: it finds the register by the installation owner's copy of its
 * sheet id (register-tab.ts). Intake kept that copy, but setup and Take over installation, which make
 * the copy stale or leave a new owner with none, did not write it. A new owner's job then went by the
 * name, so a technician's decoy under "Work Orders" took the requests it reconciled; after setup took
 * a new tab as the register, the old id named no tab and the job stopped on 'not the register' every
 * hour until a request came in. And the protections, which a Staff edit and a take-over re-apply, found
 * the register by its name and kept that tab's id: a Staff edit made while a decoy held the name made
 * the decoy the register for every reader. The hourly job's upkeep of the register's protected rows
 * and the counters' rebuild (Take over, Repair, a lost counter) went by the name too: they protected
 * the decoy, leaving the register's new rows open, and counted the ids typed into it.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { REGISTER_COLUMNS_PROTECTION } from '../../../src/server/features/setup/register-columns-protection';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder } from '../../support/edits';
import { ownerState, runHourly } from '../../support/ops';

const NEW_OWNER = 'ada.admin@example.com';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb, TECH, { description: 'Real job' });
}, 60_000);
afterEach(() => wb.close());

/** A response whose form-submit execution never ran: only the hourly job's reconciliation takes it in. */
function missedResponse(description: string): void {
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'late@example.com',
    answers: wb.answers({ description }),
  });
}

function descriptionsIn(name: string): unknown[] {
  const rows = wb.values(name);
  const column = (rows[0] ?? []).indexOf('Description');
  return rows.slice(1).map((r) => r[column]);
}

test("after Take over installation, the new owner's hourly job writes into the register, not a decoy under its name", async () => {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[NEW_OWNER, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  expect(String(expectOk(await wb.menu(NEW_OWNER, 'takeOverInstallation')).value)).toMatch(/now own/);
  expect(ownerState(wb, 'registerSheetId', NEW_OWNER)).toBe(String(wb.sheet(REGISTER).sheetId));
  // No request since: the technician renames the register and puts a copy under its name.
  const real = wb.sheet(REGISTER);
  const copy = real.readValues(1, 1, real.lastRow(), real.lastColumn());
  userRenameSheet(wb.model, REGISTER, 'Real', TECH);
  wb.model.insertSheetModel(SHEET_NAMES.register).writeValues(1, 1, copy);
  missedResponse('Missed after the take-over');
  (await runHourly(wb)).forEach(expectOk);
  expect(descriptionsIn('Real')).toContain('Missed after the take-over');
  expect(descriptionsIn(SHEET_NAMES.register)).not.toContain('Missed after the take-over');
}, 120_000);

test('after setup took a new tab as the register, the hourly job takes a missed response into it', async () => {
  wb.model.deleteSheetModel(REGISTER);
  wb.model.insertSheetModel(SHEET_NAMES.register);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(ownerState(wb, 'registerSheetId')).toBe(String(wb.sheet(REGISTER).sheetId));
  missedResponse('Missed after setup');
  (await runHourly(wb)).forEach(expectOk);
  expect(descriptionsIn(REGISTER)).toContain('Missed after setup');
}, 120_000);

test('after another administrator’s setup took a new register, the owner’s copy names no tab: the hourly job goes by the name', async () => {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[NEW_OWNER, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  wb.model.deleteSheetModel(REGISTER);
  wb.model.insertSheetModel(SHEET_NAMES.register);
  // Not the owner: the owner's copy of the id is left naming the deleted tab.
  expectOk(await wb.menu(NEW_OWNER, 'setUpWorkOrders'));
  expect(ownerState(wb, 'registerSheetId')).not.toBe(String(wb.sheet(REGISTER).sheetId));
  missedResponse('Missed after her setup');
  (await runHourly(wb)).forEach(expectOk);
  expect(descriptionsIn(REGISTER)).toContain('Missed after her setup');
}, 120_000);

/** The technician renames the register "Real" and puts a copy of it under its name. */
function plantDecoy(): void {
  const real = wb.sheet(REGISTER);
  const copy = real.readValues(1, 1, real.lastRow(), real.lastColumn());
  userRenameSheet(wb.model, REGISTER, 'Real', TECH);
  wb.model.insertSheetModel(SHEET_NAMES.register).writeValues(1, 1, copy);
}

test('an accepted Staff edit while a decoy has the name does not make the decoy the register', async () => {
  plantDecoy();
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [['nick.new@example.com', 'Nick', 'Technician', 'TRUE']])
  ).executions.forEach(expectOk);
  const [submitted] = (await wb.submit({ description: 'After the Staff edit' })).executions;
  expect(submitted?.ok).toBe(true);
  expect(wb.model.sheetModel('Real')).toBeUndefined();
  expect(descriptionsIn(REGISTER)).toContain('After the Staff edit');
  expect(descriptionsIn("Work Orders (not the add-on's)")).not.toContain('After the Staff edit');
}, 120_000);

/** The rows `name`'s Request ID column has under the add-on's column protections. */
function protectedIdRows(name: string): number[] {
  const column = (wb.values(name)[0] ?? []).indexOf('Request ID') + 1;
  return wb.model
    .requireSheet(name)
    .protections.filter((p) => !p.removed && p.description === REGISTER_COLUMNS_PROTECTION && p.rect)
    .filter((p) => p.rect!.column <= column && column < p.rect!.column + p.rect!.numColumns)
    .flatMap((p) => Array.from({ length: p.rect!.numRows }, (_, i) => p.rect!.row + i));
}

test('the hourly job protects the rows added at the bottom of the register, not a decoy under its name', async () => {
  plantDecoy();
  const real = wb.sheet('Real');
  const oldMax = real.maxRows;
  real.insertRows(oldMax + 1, 3, 'none');
  expect(protectedIdRows('Real')).not.toContain(oldMax + 2);
  (await runHourly(wb)).forEach(expectOk);
  expect(protectedIdRows('Real')).toContain(oldMax + 2);
  expect(protectedIdRows(SHEET_NAMES.register)).toEqual([]);
}, 120_000);

test('Take over installation counts the ids in the register, not those typed into a decoy under its name', async () => {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[NEW_OWNER, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  const last = String(wb.register().slice(-1)[0]!.order.id);
  plantDecoy();
  // A row of the decoy names an id far past the last one issued (within what the tabs may add).
  wb.model.sheetModel(SHEET_NAMES.register)!.writeValues(2, 1, [['REQ-000500']]);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  const taken = String(expectOk(await wb.menu(NEW_OWNER, 'takeOverInstallation')).value);
  expect(taken).toContain(`Request ids continue after ${last}.`);
  const [submitted] = (await wb.submit({ description: 'After the take-over' })).executions;
  expect(submitted?.ok).toBe(true);
  expect(wb.register().slice(-1)[0]!.order.id).toBe(
    `REQ-${String(Number(last.slice(4)) + 1).padStart(6, '0')}`,
  );
}, 120_000);
