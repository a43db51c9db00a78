/**
 * The hourly drain removes week-old Sent rows from the Outbox without the document lock (the hourly
 * job has no document), while a writer holding the lock may be appending mail at that very moment:
 * it read where the Outbox ends, and writes there next. The removal must not make that write fail
 * (a write past the sheet's last row is refused), lose or repeat an email, or leave blank rows for
 * good. The writer is stopped between reading the end and writing (the runtime holds its write back)
 * while a whole hourly run trims the Outbox, then let go.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { OUTBOX_KEEP_DAYS } from '../../../src/server/adapters/outbox-trim';
import { until } from '../../support/locks';
import {
  REQUESTOR,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
  MID_MORNING,
} from '../../support/workbook';
import { DAY, HOUR, advance, mailTo, rowsOf, runHourly, setSetting, submitMany } from '../../support/ops';
import type { GasObject } from '../../../runtime/host/gas-object';

const OUTBOX = SHEET_NAMES.outbox;
/** Old Sent rows the drain removes: more than the slack the writer's grid could have. */
const OLD = 6;

const quota = (wb: TestWorkbook, n: number): void => void (wb.rt.world.mail.dailyQuota = n);

/** A write of values into the Outbox's data rows: the writer's append. */
function outboxAppend(key: string, object: GasObject): boolean {
  if (key !== 'Range.setValues') return false;
  const range = object as unknown as { getSheet(): { getName(): string }; getRow(): number };
  return range.getSheet().getName() === OUTBOX && range.getRow() > 1;
}

/** Whether any row between the header and the last filled row is blank. */
function hasGap(wb: TestWorkbook): boolean {
  const filled = wb.values(OUTBOX).map((r) => r.some((v) => v !== ''));
  return filled.slice(0, filled.lastIndexOf(true) + 1).some((f) => !f);
}

test('a drain trimming the Outbox while a locked writer appends to it loses, repeats and fails nothing', async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  try {
    setSetting(wb, 'notifySupervisors', false);
    const sent = await submitMany(wb, OLD);
    quota(wb, 100);
    expectOk((await runHourly(wb, HOUR))[0]!);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(OLD);
    quota(wb, 0);
    // The approval's notice will be queued, a week after the acknowledgments were sent.
    advance(wb, (OUTBOX_KEEP_DAYS + 1) * DAY);
    // A grid with no room to spare below the data, as the writer may find it.
    const sheet = wb.sheet(OUTBOX);
    if (sheet.maxRows > sheet.lastRow() + 1)
      sheet.deleteRows(sheet.lastRow() + 2, sheet.maxRows - sheet.lastRow() - 1);

    const pause = wb.rt.world.faults.pauseBefore(outboxAppend);
    const approving = wb.call(SUPERVISOR, 'reviewAct', {
      action: 'approve',
      id: sent[0],
      revision: wb.order(sent[0]!).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
    });
    await until('the writer has read where the Outbox ends', () => pause.reached, 150_000);
    const [drain] = await runHourly(wb, 0);
    expectOk(drain!);
    expect(drain!.value).toMatchObject({ outbox: { trimmed: OLD } });
    pause.resume();
    const approval = expectOk(await approving);
    expect((approval.value as { ok: boolean }).ok).toBe(true);
    // The first write went through: no retry was needed.
    expect(wb.rt.world.logs.messages(approval.executionId).filter((m) => /failed once/.test(m))).toEqual([]);
    // The approval's notice is in the Outbox once, owed (queued, or held for its reader's digest).
    const notices = () => rowsOf(wb, OUTBOX).filter((r) => r['Record ID'] === sent[0]);
    expect(notices().map((r) => r.Status)).toEqual([expect.stringMatching(/^(Queued|Held for digest)$/)]);

    // The next drains leave no blank row behind, keep the notice until it is sent, and send nothing twice.
    quota(wb, 100);
    expectOk((await runHourly(wb, HOUR))[0]!);
    expect(hasGap(wb)).toBe(false);
    expectOk((await runHourly(wb, DAY))[0]!);
    expect(hasGap(wb)).toBe(false);
    const mail = wb.rt.world.mail.sent.map((m) => JSON.stringify([m.to, m.subject, m.body]));
    expect(new Set(mail).size).toBe(mail.length);
    // The notice reached its reader once, in the daily digest.
    expect(notices().map((r) => r.Status)).toEqual(['In digest']);
    const digests = wb.rt.world.mail.receivedBy(REQUESTOR).filter((m) => m.subject.includes('digest'));
    expect(digests.filter((m) => m.body.includes(`${sent[0]}`) || m.body.includes('Approved'))).toHaveLength(
      1,
    );
  } finally {
    wb.close();
  }
}, 300_000);
