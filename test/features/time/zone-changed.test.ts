/**
 * An editor changes File › Settings › Time zone after orders exist (a technician, or an administrator
 * by mistake). Sheets keeps each date cell as a wall clock in the spreadsheet's zone, so without the
 * add-on every register date would read as another instant: every action refused as "changed outside
 * Work Orders", Verify audit log reporting the Change Log broken at row 2. The zone recorded at setup
 * is put back before it reads anything by the next sidebar load or action, menu item or hourly run, the
 * administrators hear of it (Errors tab, email) and the person at the keyboard is told. An edit typed
 * into the register or a form submission does not check (their budgets). Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { assignedOrder, toastsOf, type } from '../../support/edits';
import { ownerState, rowsOf, runHourly } from '../../support/ops';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const HOME = 'America/New_York';
const OTHER = 'Asia/Tokyo';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const zone = () => wb.model.timeZone;
const zoneErrors = () =>
  rowsOf(wb, SHEET_NAMES.errors).filter((r) => String(r.Message).includes('time zone had been changed'));

/** Someone changes the setting: no trigger runs; the cells keep their wall clock. */
function changeZone(): void {
  wb.rt.changeSpreadsheetTimeZone(wb.ssId, OTHER);
}

test('setup records the zone in the document and in the installation owner’s copy', () => {
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.spreadsheetTimeZone)).toBe(HOME);
  expect(ownerState(wb, 'timeZone')).toBe(HOME);
});

test('a My work step after the change goes through (not "changed outside Work Orders")', async () => {
  const id = await assignedOrder(wb, TECH);
  const due = wb.order(id).due!.getTime();
  changeZone();
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }),
  ).value as { ok: boolean; message?: string };
  expect(reply.message ?? '').not.toMatch(/changed outside Work Orders/);
  expect(reply.ok).toBe(true);
  expect(wb.order(id).status).toBe('In Progress');
  // The due date reads as the instant the add-on wrote, not 13 hours earlier.
  expect(wb.order(id).due!.getTime()).toBe(due);
  expect(zone()).toBe(HOME);
}, 60_000);

test('the hourly job after the change puts the zone back first and reports it', async () => {
  await assignedOrder(wb, TECH);
  changeZone();
  const before = zoneErrors().length;
  const runs = await runHourly(wb);
  expect(runs.length).toBeGreaterThan(0);
  expect(zone()).toBe(HOME);
  expect(zoneErrors().length).toBe(before + 1);
  expect(String(zoneErrors().at(-1)!.Trigger)).toContain('onHourlyTrigger');
}, 60_000);

test('Verify audit log after the change finds the log whole', async () => {
  await assignedOrder(wb, TECH);
  changeZone();
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' });
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(verdict.message).not.toMatch(/broken/);
  expect(verdict.ok).toBe(true);
  expect(zone()).toBe(HOME);
  expect(toastsOf(wb, ADMIN).join(' ')).toContain(`set it back to ${HOME}`);
}, 60_000);

test('a supervisor’s Review & assign after the change is judged in the recorded zone', async () => {
  const id = await assignedOrder(wb, TECH);
  const due = wb.order(id).due!.getTime();
  changeZone();
  const reply = expectOk(
    await wb.call(SUPERVISOR, 'reviewAct', {
      id,
      revision: wb.order(id).revision,
      action: 'reassign',
      assignee: TECH2,
    }),
  ).value as { ok: boolean; message?: string };
  expect(reply.message ?? '').not.toMatch(/changed outside Work Orders/);
  expect(reply.ok).toBe(true);
  expect(wb.order(id).assignee).toBe(TECH2);
  expect(wb.order(id).due!.getTime()).toBe(due);
  expect(zone()).toBe(HOME);
}, 60_000);

// Last: what it records leaves the log failing Verify for the rows written while the zone was changed.
test('an edit typed before any check is taken in; the next sidebar opened puts the zone back and says so', async () => {
  const id = await assignedOrder(wb, TECH);
  changeZone();
  const before = zoneErrors().length;
  // The edit trigger does not check (its budget: README): the zone stays changed until something checks.
  expectOk(await type(wb, TECH, id, 'Status', 'In Progress'));
  expect(zone()).toBe(OTHER);
  expectOk(await wb.call(TECH, 'myWorkLoad'));
  expect(zone()).toBe(HOME);
  expect(zoneErrors().length).toBe(before + 1);
  const told = toastsOf(wb, TECH).join(' ');
  expect(told).toContain(`time zone had been changed to ${OTHER}`);
  expect(told).toContain(`set it back to ${HOME}`);
  expect(told).toMatch(
    /recorded with its times in the other zone: an administrator can run Verify audit log/,
  );
  expect(told).toMatch(/make a new spreadsheet, set its time zone first .* Set up work orders\./);
  // What the edit recorded meanwhile carries its times in the other zone, and Verify names it.
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' });
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(verdict.ok).toBe(false);
  expect(verdict.message).toMatch(/broken at sheet row \d+: a row was edited/);
}, 60_000);
