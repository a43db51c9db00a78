/**
 * An administrator removed the usual way, by deleting their Staff row (no edit trigger fires, so the
 * remembered Staff still lists them for up to an hour), must not run the administrators' menu items
 * in that hour: above all Take over installation, which would move the triggers, the hourly job and the
 * mail to their account, and Archive closed work orders, which shares the archive files with whoever
 * it thinks is an administrator. Each item checks the caller on the Staff tab itself.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const LEAVER = 'lee.leaver@example.com';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[LEAVER, 'Lee', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  // An administrator's menu item run while Lee was one: the remembered Staff lists Lee.
  expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
  wb.sheet(SHEET_NAMES.staff).deleteRows(row, 1);
});
afterEach(() => wb.close());

test.each([
  ['takeOverInstallation', 'take over the installation'],
  ['archiveClosedWorkOrders', 'archive work orders'],
  ['verifyAuditLog', 'verify the audit log'],
])('%s by the deleted administrator is refused, and nothing changes', async (item, action) => {
  const owner = wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.installationOwner);
  const run = await wb.menu(LEAVER, item);
  expect(run.ok).toBe(false);
  expect(run.error?.message).toContain(`can ${action}`);
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.installationOwner)).toBe(owner);
  // The administrator still on Staff is not affected.
  if (item === 'verifyAuditLog') expectOk(await wb.menu(ADMIN, item));
});
