/**
 * After a take-over: the administrator who archived before has left, and the one who took over was
 * never given their archive spreadsheet. The archive run said to "ask its owner" (whom nobody named)
 * and Verify said the archive "does not match it at row 1" and "cannot be opened", with nothing to do.
 * Both now say to open the link and ask for edit access (Google's request reaches the owner); Verify
 * says the file could not be read, not that a row differs. Once shared, both go on. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { closedOrder } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import { ADMIN, MID_MORNING, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';

const ADA = 'ada.admin@example.com';
const ASK = 'Open that link and ask for edit access (Google sends the request to the file’s owner';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  setSetting(wb, 'retentionDays', 1);
}, 60_000);
afterEach(() => wb.close());

/** Orders archived by the first administrator, who then leaves; Ada takes over, never given the file. */
async function archivedThenTakenOver(orders: number): Promise<string> {
  for (let i = 0; i < orders; i++) await closedOrder(wb, TECH, { description: `Old job ${i + 1}` });
  advance(wb, 3 * DAY);
  expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[ADA, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  const takenOver = String(expectOk(await wb.menu(ADA, 'takeOverInstallation')).value);
  const formerRow = wb.values(SHEET_NAMES.staff).findIndex((r) => r[0] === ADMIN) + 1;
  (await wb.edit(ADA, SHEET_NAMES.staff, formerRow, 4, [['FALSE']])).executions.forEach(expectOk);
  return takenOver;
}

test('a new owner who cannot open the archive file is told how to get access, then archives and verifies', async () => {
  await archivedThenTakenOver(1);
  const second = await closedOrder(wb, TECH, { description: 'Fix the lobby light' });
  advance(wb, 3 * DAY);

  const run = await wb.menu(ADA, 'archiveClosedWorkOrders');
  expect(run.error?.message).toContain('"Work Orders Archive 2026"');
  expect(run.error?.message).toContain(ASK);
  expect(run.error?.message).not.toContain('Ask its owner');
  const verify = expectOk(await wb.menu(ADA, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(verify.ok).toBe(false);
  expect(verify.message).toContain(
    'but the archive spreadsheet "Work Orders Archive 2026" cannot be read, so the work orders archived in it were not checked',
  );
  expect(verify.message).toContain(ASK);
  expect(verify.message).not.toContain('does not match');

  // The owner grants the request: both go on.
  archiveFile(wb, 2026)!.editors.add(ADA);
  expect(
    (expectOk(await wb.menu(ADA, 'archiveClosedWorkOrders')).value as { archived: string[] }).archived,
  ).toEqual([second]);
  expect((expectOk(await wb.menu(ADA, 'verifyAuditLog')).value as { message: string }).message).toMatch(
    /^Audit log OK/,
  );
}, 120_000);

test('with log rows moved into that file too, Verify says its part of the log could not be read, not that rows were deleted', async () => {
  await archivedThenTakenOver(2);
  const verify = expectOk(await wb.menu(ADA, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(verify.ok).toBe(false);
  expect(verify.message).toContain(
    `The audit log's archived part in "Work Orders Archive 2026" › Change Log cannot be read, so the log was not verified`,
  );
  expect(verify.message).toContain(ASK);
  expect(verify.message).not.toContain('rows were deleted');
  expect(verify.message).not.toContain('Nothing was moved');
  archiveFile(wb, 2026)!.editors.add(ADA);
  expect((expectOk(await wb.menu(ADA, 'verifyAuditLog')).value as { message: string }).message).toMatch(
    /^Audit log OK/,
  );
}, 120_000);

test('the first request after archiving and a take-over gets a new id, never an archived order’s', async () => {
  const takenOver = await archivedThenTakenOver(2);
  // Both orders, and the log rows that created them, left this spreadsheet; the take-over says where
  // request ids go on from.
  expect(wb.register()).toHaveLength(0);
  expect(takenOver).toContain('Request ids continue after REQ-000002.');
  (await wb.submit({ description: 'The lobby door sticks' })).executions.forEach(expectOk);
  expect(wb.register().map((r) => r.order.id)).toEqual(['REQ-000003']);
}, 120_000);
