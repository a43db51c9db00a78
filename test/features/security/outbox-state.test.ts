/**
 * The Outbox tab is writable by every sidebar user, so its Status column is not trusted: each row the
 * add-on queues carries a sequence number bound into its MAC with its kind, and the installation
 * owner's ledger of settled numbers decides. Typing Sent over a queued row does not stop the email,
 * typing Queued over a sent one does not send it again, pasted copies send once, a deleted queued row
 * is reported to the administrators once, and a changed Kind no longer verifies. What must keep working
 * (a normal day, an administrator's retry, rows from before the numbering, notices held for the digest)
 * is in outbox-state-upkeep.test.ts.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { areaEditors } from '../../../src/core/permissions';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import {
  ADMIN,
  MID_MORNING,
  STAFF_MEMBERS,
  STRANGER,
  TECH,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const STAFF = STAFF_MEMBERS;
import {
  HOUR,
  advance,
  assign,
  now,
  rowsOf,
  runHourly,
  setSetting,
  startAtLocalHour,
  submitMany,
} from '../../support/ops';
import {
  OUTBOX,
  ackRow,
  acksAbout,
  column,
  expectRemovalReportedOnce,
  openTheDay,
  rowsAbout,
  type,
} from './outbox-rows';

/** Two requests whose acknowledgments are queued (no quota), and a first drain that starts the ledger. */
async function queuedAcks(): Promise<{ wb: TestWorkbook; ids: string[] }> {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  const ids = await submitMany(wb, 2);
  await runHourly(wb);
  for (const id of ids) expect(rowsAbout(wb, id).map((r) => r.Status)).toEqual(['Queued']);
  return { wb, ids };
}

describe('the Outbox state a sidebar user can type', () => {
  let wb: TestWorkbook;
  afterEach(() => wb.close());

  test('Sent typed over a queued row: the email is still sent, once, with a note', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first, second] = made.ids as [string, string];
    type(wb, ackRow(wb, first), 'Status', 'Sent');
    await openTheDay(wb);
    expect(acksAbout(wb, first)).toBe(1);
    expect(acksAbout(wb, second)).toBe(1);
    const [row] = rowsAbout(wb, first);
    expect(row!.Status).toBe('Sent');
    expect(String(row!['Last Error'])).toMatch(/changed by hand to Sent/);
    await runHourly(wb);
    expect(acksAbout(wb, first)).toBe(1);
  });

  test('Queued typed over a sent row: not sent again, its Status put back', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first] = made.ids as [string];
    await openTheDay(wb);
    expect(acksAbout(wb, first)).toBe(1);
    type(wb, ackRow(wb, first), 'Status', 'Queued');
    await runHourly(wb);
    expect(acksAbout(wb, first)).toBe(1);
    const [row] = rowsAbout(wb, first);
    expect(row!.Status).toBe('Sent');
    expect(String(row!['Last Error'])).toMatch(/set back by hand/);
    const errors = rowsOf(wb, SHEET_NAMES.errors).map((e) => String(e.Message));
    expect(errors.some((m) => /Status of 1 Outbox row\(s\) was changed by hand/.test(m))).toBe(true);
  });

  test('copies pasted of a queued row, and of a sent one: the email goes once, the copies are refused', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first] = made.ids as [string];
    const sheet = wb.sheet(OUTBOX);
    const original = wb.values(OUTBOX)[ackRow(wb, first) - 1]!;
    sheet.writeValues(sheet.lastRow() + 1, 1, [[...original], [...original]] as never);
    await openTheDay(wb);
    expect(acksAbout(wb, first)).toBe(1);
    const statuses = rowsAbout(wb, first).map((r) => r.Status);
    expect(statuses).toEqual(['Sent', 'Refused', 'Refused']);
    expect(String(rowsAbout(wb, first)[1]!['Last Error'])).toMatch(/copy of queued email #/);
    // The sent row pasted again as Queued: nothing goes.
    const sent = wb.values(OUTBOX)[ackRow(wb, first) - 1]!.slice();
    sent[column(wb, 'Status') - 1] = 'Queued';
    sheet.writeValues(sheet.lastRow() + 1, 1, [sent] as never);
    await runHourly(wb);
    expect(acksAbout(wb, first)).toBe(1);
  });

  test('a queued row deleted: the administrators hear that email #N was removed, once', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first] = made.ids as [string];
    const row = ackRow(wb, first);
    const seq = String(wb.values(OUTBOX)[row - 1]![column(wb, 'Seq') - 1]);
    expect(seq).toMatch(/^\d+$/);
    wb.sheet(OUTBOX).deleteRows(row, 1);
    await expectRemovalReportedOnce(wb, seq);
  });

  test('the Outbox tab deleted by a technician (whom it must admit): the queued email reported once, the tab made again by the next email, protected as it is made', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first] = made.ids as [string];
    const seq = String(rowsAbout(wb, first)[0]!.Seq);
    userDeleteSheet(wb.model, OUTBOX, TECH);
    // The next acknowledgment (quota 0) makes the tab again: only the staff the table lists may write it.
    const [late] = await submitMany(wb, 1, () => 'A dripping tap');
    expect(rowsAbout(wb, late!)).toHaveLength(1);
    const editors = areaEditors('outbox', STAFF, ADMIN);
    expect(editors).toContain(TECH);
    expect(editors).not.toContain(STRANGER);
    await expect(wb.edit(STRANGER, OUTBOX, 1, 1, [['x']])).rejects.toThrow(/protected cell/);
    await expectRemovalReportedOnce(wb, seq);
  });

  /** Five reminders due, quota 3: two queued by the hourly job in its own tab, numbered from the owner's ledger. */
  async function hourlyQueued(): Promise<string[]> {
    wb = await setUpWorkbook({ mailDailyQuota: 3, startAt: MID_MORNING });
    startAtLocalHour(wb, 9);
    setSetting(wb, 'notifyRequestor', false);
    setSetting(wb, 'escalateAfterOverdueHours', 1000);
    const ids = await submitMany(wb, 5, (i) => `Replace the bulb ${i + 1}`);
    ids.forEach((id, i) => assign(wb, id, i + 1, TECH, new Date(now(wb).getTime() + 30 * 60_000)));
    await runHourly(wb);
    const queued = rowsOf(wb, HOURLY).filter((r) => r.Status === 'Queued');
    expect(queued.map((r) => String(r.Seq))).toEqual([
      expect.stringMatching(/^H\d+$/),
      expect.stringMatching(/^H\d+$/),
    ]);
    return queued.map((r) => String(r.Seq));
  }
  const HOURLY = SHEET_NAMES.hourlyOutbox;

  test("a row the hourly job queued (the owner's numbers) deleted: reported once too", async () => {
    const [seq] = (await hourlyQueued()) as [string];
    const row = wb.values(HOURLY).findIndex((r) => String(r[column(wb, 'Seq', HOURLY) - 1]) === seq) + 1;
    wb.sheet(HOURLY).deleteRows(row, 1);
    await expectRemovalReportedOnce(wb, seq);
  });

  test('the whole Hourly Outbox tab deleted: each queued email reported once, the tab made again and protected, later mail queued in it', async () => {
    const seqs = await hourlyQueued();
    // Only an administrator or the installation owner may (the tab is protected): an administrator's slip.
    wb.model.deleteSheetModel(HOURLY);
    for (const seq of seqs) await expectRemovalReportedOnce(wb, seq);
    // The next email the job cannot send goes to a new Hourly Outbox, which only the owner and
    // administrators may write, and is sent the next morning.
    wb.rt.world.mail.dailyQuota = 0;
    const [late] = await submitMany(wb, 1, () => 'Replace the last bulb');
    assign(wb, late!, 1, TECH, new Date(now(wb).getTime() + 30 * 60_000));
    advance(wb, HOUR);
    await runHourly(wb);
    const again = rowsOf(wb, HOURLY).filter((r) => r.Status === 'Queued' && r['Record ID'] === late);
    expect(again).toHaveLength(1);
    await expect(wb.edit(TECH, HOURLY, 1, 1, [['x']])).rejects.toThrow(/protected cell/);
    await openTheDay(wb);
    expect(
      rowsOf(wb, HOURLY)
        .filter((r) => r['Record ID'] === late)
        .map((r) => r.Status),
    ).toEqual(['Sent']);
  });

  test('a changed Kind (to jump the queue) no longer verifies: refused, not sent', async () => {
    const made = await queuedAcks();
    wb = made.wb;
    const [first, second] = made.ids as [string, string];
    type(wb, ackRow(wb, first), 'Kind', 'emergency');
    await openTheDay(wb);
    expect(acksAbout(wb, first)).toBe(0);
    expect(acksAbout(wb, second)).toBe(1);
    expect(rowsAbout(wb, first)[0]!.Status).toBe('Refused');
  });
});
