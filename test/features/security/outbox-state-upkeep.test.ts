/**
 * The Outbox state (see outbox-state.test.ts) must not get in the way of the mail that should go: a
 * normal day's mail goes exactly once, an administrator's retry of a Failed row still sends it, rows
 * queued before rows were numbered are numbered and sent once, and a notice held for the digest is
 * neither lost nor sent twice when its Status is typed over.
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
import { now, rowsOf, runHourly, startAtLocalHour, submitMany } from '../../support/ops';
import { OUTBOX, ackRow, acksAbout, openTheDay, rowsAbout, type } from './outbox-rows';

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
