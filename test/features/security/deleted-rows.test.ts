/**
 * A register row deleted by hand (which fires no edit trigger) is found by Verify audit log, which
 * names the missing order, and by the hourly job, which rebuilds it from the change log — every field,
 * text kept literal — logs a "Restored" row and emails the administrators once for the run. An order
 * archived by design is not "missing".
 */
import { REGISTER_COLUMNS, SHEET_NAMES, type WorkOrder } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, rowOf, type } from '../../support/edits';
import { DAY, now, ownerState, runHourly, setSetting, submitMany } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const restoredMail = () => wb.rt.world.mail.receivedBy(ADMIN).filter((m) => /restored/.test(m.subject));

/** Fields compared after a rebuild: stamps to the second (the log keeps whole seconds). */
function comparable(order: WorkOrder): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(order)) {
    if (field === 'revision') continue;
    out[field] = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  }
  return out;
}

async function verify() {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
}

describe('a register row deleted by hand', () => {
  let id: string;
  let before: WorkOrder;
  let other: string;

  beforeAll(async () => {
    id = await assignedOrder(wb, TECH, { description: '+1 call', resources: '=SUM(1,2)' });
    other = await assignedOrder(wb, TECH, { description: 'Keep me' });
    expectOk(await type(wb, TECH, id, 'Status', 'In Progress'));
    expectOk(await type(wb, TECH, id, 'Progress Notes', '-- waiting for parts --'));
    before = wb.order(id);
    expect(before.description).toBe('+1 call');
    wb.sheet(REGISTER).deleteRows(rowOf(wb, id), 1);
    expect(wb.register().some((r) => r.order.id === id)).toBe(false);
  });

  test('Verify audit log names the missing order', async () => {
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.message).toContain(id);
    expect(result.message).not.toContain(other);
  });

  test('the hourly run puts it back whole, literal text included, and emails the administrators once', async () => {
    const mails = restoredMail().length;
    (await runHourly(wb)).forEach(expectOk);
    const back = wb.order(id);
    expect(comparable(back)).toEqual(comparable(before));
    const column = wb.registerColumn(REGISTER_COLUMNS.description);
    expect(wb.sheet(REGISTER).formulaAt(rowOf(wb, id), column)).toBe('');
    expect(wb.sheet(REGISTER).formulaAt(rowOf(wb, id), wb.registerColumn(REGISTER_COLUMNS.resources))).toBe(
      '',
    );
    expect(back.resources).toBe('=SUM(1,2)');
    expect(wb.order(other).description).toBe('Keep me');
    const sent = restoredMail().slice(mails);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain(id);
    // A second run finds nothing missing: no second email, no second row.
    (await runHourly(wb)).forEach(expectOk);
    expect(restoredMail().slice(mails)).toHaveLength(1);
    expect(wb.register().filter((r) => r.order.id === id)).toHaveLength(1);
  });

  test('the restore is logged, and the restored row takes edits like any other', async () => {
    // The hourly job hands its log rows to the next execution in the document (here: an edit).
    expectOk(await type(wb, TECH, id, 'Progress Notes', 'parts arrived'));
    const restored = wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Restored');
    expect(restored).toHaveLength(1);
    expect(wb.order(id).notes).toBe('parts arrived');
    expect((await verify()).ok).toBe(true);
  });

  test('two rows deleted at once come back in one run with one email', async () => {
    const [a, b] = await submitMany(wb, 2);
    const mails = restoredMail().length;
    wb.sheet(REGISTER).deleteRows(rowOf(wb, a!), 1);
    wb.sheet(REGISTER).deleteRows(rowOf(wb, b!), 1);
    (await runHourly(wb)).forEach(expectOk);
    expect(wb.order(a!).status).toBe('Submitted');
    expect(wb.order(b!).status).toBe('Submitted');
    expect(restoredMail().slice(mails)).toHaveLength(1);
  });
});

test('Run hourly checks now puts a deleted order back at once, its log row with it', async () => {
  const [gone] = await submitMany(wb, 1, () => 'Back right now');
  wb.sheet(REGISTER).deleteRows(rowOf(wb, gone!), 1);
  expect((await verify()).message).toContain(gone);
  expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
  expect(wb.order(gone!).description).toBe('Back right now');
  expect(wb.changeLogEntries().filter((e) => e.recordId === gone && e.field === 'Restored')).toHaveLength(1);
  expect((await verify()).ok).toBe(true);
});

test('a forged "Archived" log row does not hide a deleted order', async () => {
  const [victim] = await submitMany(wb, 1, () => 'Hide my deletion');
  const row = rowOf(wb, victim!);
  wb.sheet(REGISTER).deleteRows(row, 1);
  const log = wb.sheet(SHEET_NAMES.changeLog);
  const last = log.lastRow();
  const claimed = String(log.valueAt(last, 6)).replace(
    /^k(\d+)\..*$/,
    (_, n: string) => `k${Number(n) + 1}.`,
  );
  log.writeValues(last + 1, 1, [
    [
      now(wb),
      ADMIN,
      'system',
      victim!,
      'Archived: Submitted → Moved to Archive',
      `${claimed}${'ab'.repeat(32)}`,
    ],
  ]);
  const mails = restoredMail().length;
  (await runHourly(wb)).forEach(expectOk);
  expect(wb.order(victim!).description).toBe('Hide my deletion');
  expect(restoredMail().slice(mails)).toHaveLength(1);
});

test('an order archived by design is not restored', async () => {
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  const [old] = await submitMany(wb, 1, () => 'Old request');
  wb.rt.world.clock.set(today);
  patchOrderAsAddOn(wb, old!, {
    status: 'Rejected',
    decidedAt: new Date(today.getTime() - 90 * DAY),
    reason: 'Dup',
  });
  patchOrderAsAddOn(wb, old!, { decidedBy: SUPERVISOR });
  const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  expect((run.value as { archived: string[] }).archived).toContain(old);
  const mails = restoredMail().length;
  (await runHourly(wb)).forEach(expectOk);
  expect(wb.register().some((r) => r.order.id === old)).toBe(false);
  expect(restoredMail().slice(mails)).toHaveLength(0);
  // The log said it was archived: remembered, so later runs do not read the log for it again.
  expect(ownerState(wb, 'integritySettled')).toMatch(/"text":"[A-Za-z0-9_-]+"/);
  expect(wb.changeLogEntries().filter((e) => e.recordId === old && e.field === 'Archived')).toHaveLength(1);
});
