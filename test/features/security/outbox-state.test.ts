/**
 * The Outbox tab is writable by every sidebar user, so its Status column is not trusted: each row the
 * add-on queues carries a sequence number bound into its MAC with its kind, and the installation
 * owner's ledger of settled numbers decides. Typing Sent over a queued row does not stop the email,
 * typing Queued over a sent one does not send it again, pasted copies send once, a deleted queued row
 * is reported to the administrators once, and a changed Kind no longer verifies. An administrator's
 * retry of a Failed row still sends it, rows queued before rows were numbered are numbered and sent
 * once, and a normal day's mail goes exactly once.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { legacyOutboxMac } from '../../../src/core/outbox-mac';
import { GasError } from '../../../runtime/host/gas-object';
import type { SentMail } from '../../../runtime/host/services/mail';
import { auditKey } from '../../support/audit';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  setUpWorkbook,
  type TestWorkbook,
  MID_MORNING,
} from '../../support/workbook';
import { emptyVolume } from '../../../src/core/mail-forecast';
import { sidebarAct, submitOne } from '../../support/edits';
import {
  DAY,
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

const OUTBOX = SHEET_NAMES.outbox;

function column(wb: TestWorkbook, name: string, tab: string = OUTBOX): number {
  return (wb.values(tab)[0] ?? []).map(String).indexOf(name) + 1;
}

/** The sheet row (1-based) of the acknowledgment about `id`. */
function ackRow(wb: TestWorkbook, id: string, nth = 0): number {
  const rows = wb.values(OUTBOX);
  const at = column(wb, 'Record ID') - 1;
  const found = rows.map((r, i) => (r[at] === id ? i + 1 : -1)).filter((i) => i > 0);
  return found[nth] as number;
}

function type(wb: TestWorkbook, row: number, header: string, value: string): void {
  wb.sheet(OUTBOX).writeValues(row, column(wb, header), [[value]]);
}

const acksAbout = (wb: TestWorkbook, id: string): number =>
  wb.rt.world.mail.receivedBy(REQUESTOR).filter((m) => m.subject.includes(id)).length;
const rowsAbout = (wb: TestWorkbook, id: string) => rowsOf(wb, OUTBOX).filter((r) => r['Record ID'] === id);

/** Two requests whose acknowledgments are queued (no quota), and a first drain that starts the ledger. */
async function queuedAcks(): Promise<{ wb: TestWorkbook; ids: string[] }> {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  const ids = await submitMany(wb, 2);
  await runHourly(wb);
  for (const id of ids) expect(rowsAbout(wb, id).map((r) => r.Status)).toEqual(['Queued']);
  return { wb, ids };
}

async function openTheDay(wb: TestWorkbook): Promise<void> {
  wb.rt.world.mail.dailyQuota = 100;
  advance(wb, DAY);
  await runHourly(wb, HOUR);
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
    const removed = () =>
      rowsOf(wb, SHEET_NAMES.errors).filter((e) =>
        String(e.Message).includes(`Queued email #${seq} was removed from the Outbox before it was sent`),
      ).length;
    await runHourly(wb);
    await runHourly(wb);
    expect(removed()).toBe(1);
    await runHourly(wb);
    expect(removed()).toBe(1);
  });

  test("a row the hourly job queued (the owner's numbers) deleted: reported once too", async () => {
    wb = await setUpWorkbook({ mailDailyQuota: 3, startAt: MID_MORNING });
    startAtLocalHour(wb, 9);
    setSetting(wb, 'notifyRequestor', false);
    setSetting(wb, 'escalateAfterOverdueHours', 1000);
    const ids = await submitMany(wb, 5, (i) => `Replace the bulb ${i + 1}`);
    ids.forEach((id, i) => assign(wb, id, i + 1, TECH, new Date(now(wb).getTime() + 30 * 60_000)));
    // Five reminders, quota 3: two queued by the hourly job in its own tab, numbered from the owner's ledger.
    await runHourly(wb);
    const HOURLY = SHEET_NAMES.hourlyOutbox;
    const queued = rowsOf(wb, HOURLY).filter((r) => r.Status === 'Queued');
    expect(queued.map((r) => String(r.Seq))).toEqual([
      expect.stringMatching(/^H\d+$/),
      expect.stringMatching(/^H\d+$/),
    ]);
    const seq = String(queued[0]!.Seq);
    const row = wb.values(HOURLY).findIndex((r) => String(r[column(wb, 'Seq', HOURLY) - 1]) === seq) + 1;
    wb.sheet(HOURLY).deleteRows(row, 1);
    const removed = () =>
      rowsOf(wb, SHEET_NAMES.errors).filter((e) =>
        String(e.Message).includes(`Queued email #${seq} was removed from the Outbox before it was sent`),
      ).length;
    await runHourly(wb);
    await runHourly(wb);
    expect(removed()).toBe(1);
    await runHourly(wb);
    expect(removed()).toBe(1);
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

describe('what must keep working', () => {
  let wb: TestWorkbook;
  afterEach(() => wb.close());

  test('a normal day: every queued email is sent exactly once', async () => {
    wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
    const ids = await submitMany(wb, 3);
    await openTheDay(wb);
    await runHourly(wb);
    await runHourly(wb);
    for (const id of ids) expect(acksAbout(wb, id)).toBe(1);
    expect(rowsOf(wb, OUTBOX).filter((r) => r.Status !== 'Sent')).toEqual([]);
    expect(
      rowsOf(wb, SHEET_NAMES.errors).filter((e) => /Outbox|Queued email/.test(String(e.Message))),
    ).toEqual([]);
  });

  test("an administrator's retry of a Failed row sends it once", async () => {
    wb = await setUpWorkbook({ startAt: MID_MORNING });
    const mail = wb.rt.world.mail;
    const deliver = mail.deliver.bind(mail);
    let failing = true;
    mail.deliver = (m: SentMail) => {
      if (failing && m.to.some((t) => t.includes(REQUESTOR))) throw new GasError('Mail service unavailable');
      deliver(m);
    };
    const [id] = (await submitMany(wb, 1)) as [string];
    for (let i = 0; i < 5; i++) await runHourly(wb);
    expect(rowsAbout(wb, id)[0]).toMatchObject({ Status: 'Failed', Attempts: 5 });
    failing = false;
    type(wb, ackRow(wb, id), 'Status', 'Queued');
    await runHourly(wb);
    expect(acksAbout(wb, id)).toBe(1);
    expect(rowsAbout(wb, id)[0]!.Status).toBe('Sent');
    await runHourly(wb);
    expect(acksAbout(wb, id)).toBe(1);
  });

  test('rows queued before rows were numbered are numbered once and sent once; later unnumbered rows are refused', async () => {
    wb = await setUpWorkbook({ startAt: MID_MORNING });
    const legacyRow = (subject: string) => {
      const message = {
        to: REQUESTOR,
        subject,
        body: 'Body',
        htmlBody: '<p>Body</p>',
        recordId: 'REQ-000099',
      };
      const { to, body, htmlBody, recordId } = message;
      return [
        now(wb),
        to,
        subject,
        body,
        htmlBody,
        recordId,
        'Queued',
        '',
        0,
        '',
        legacyOutboxMac(auditKey(wb), message),
      ];
    };
    const sheet = wb.sheet(OUTBOX);
    sheet.writeValues(2, 1, [legacyRow('[REQ-000099] Before the upgrade')]);
    await runHourly(wb);
    const before = () => mail().filter((m) => m.subject.includes('Before the upgrade')).length;
    const mail = () => wb.rt.world.mail.receivedBy(REQUESTOR);
    expect(before()).toBe(1);
    const [row] = rowsOf(wb, OUTBOX);
    expect(row).toMatchObject({ Status: 'Sent' });
    expect(String(row!.Seq)).toMatch(/^H\d+$/);
    await runHourly(wb);
    expect(before()).toBe(1);
    // After the migration, a row signed the old way (a copy kept from before) is refused.
    sheet.writeValues(sheet.lastRow() + 1, 1, [legacyRow('[REQ-000099] After the upgrade')]);
    await runHourly(wb);
    expect(mail().filter((m) => m.subject.includes('After the upgrade'))).toHaveLength(0);
    expect(rowsOf(wb, OUTBOX).at(-1)!.Status).toBe('Refused');
  });
});

describe('notices held for the digest', () => {
  let wb: TestWorkbook;
  afterEach(() => wb.close());

  /** A supervisor whose mail is forecast short approves: the requestor's notice is held for their digest. */
  async function heldApproval(): Promise<string> {
    wb = await setUpWorkbook();
    // Before the digest hour (Settings digestHour, 07:00): the first drain starts the ledger, no digest yet.
    startAtLocalHour(wb, 4);
    const id = await submitOne(wb, { description: 'Dripping tap in room 4' });
    const volume = { ...emptyVolume(), holdThrough: '2099-12-31' };
    wb.rt.world.properties.user(SUPERVISOR).set('wo.mail.volume', JSON.stringify(volume));
    await sidebarAct(wb, {
      action: 'approveAssign',
      id,
      revision: wb.order(id).revision,
      category: 'Plumbing',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    await runHourly(wb);
    expect(rowsAbout(wb, id).map((r) => r.Status)).toEqual(['Held for digest']);
    return id;
  }
  const approvals = (id: string) =>
    wb.rt.world.mail
      .receivedBy(REQUESTOR)
      .filter((m) => m.body.includes(id) && /approved/i.test(m.body) && !/digest/i.test(m.subject)).length;
  const digests = () =>
    wb.rt.world.mail.receivedBy(REQUESTOR).filter((m) => /Your daily digest/.test(m.subject)).length;

  test('In digest typed over a held notice: it is still owed, and sent', async () => {
    const id = await heldApproval();
    type(wb, ackRow(wb, id), 'Status', 'In digest');
    await runHourly(wb);
    expect(approvals(id)).toBe(1);
    expect(String(rowsAbout(wb, id)[0]!['Last Error'])).toMatch(/changed by hand to In digest/);
  });

  test('Held typed back over a notice gathered into a digest: put back, never in a second digest', async () => {
    const id = await heldApproval();
    for (let runs = 0; digests() === 0 && runs < 30; runs++) await runHourly(wb);
    expect(digests()).toBe(1);
    expect(rowsAbout(wb, id)[0]!.Status).toBe('In digest');
    type(wb, ackRow(wb, id), 'Status', 'Held for digest');
    await runHourly(wb);
    expect(rowsAbout(wb, id)[0]!.Status).toBe('In digest');
    for (let runs = 0; runs < 25; runs++) await runHourly(wb);
    expect(digests()).toBe(1);
    expect(approvals(id)).toBe(0);
  });
});
