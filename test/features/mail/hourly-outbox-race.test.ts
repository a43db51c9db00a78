/**
 * The hourly job queues mail without the document lock (it runs with no document), while every
 * execution in the document queues under it. A sidebar action runs as the person at the keyboard, so
 * it does not share the installation owner's lock with the job either. Were they to append to one tab,
 * each would read where the tab ends and write the rows below, and the later write would replace the
 * earlier one: an email never sent. Here the job queues its overdue reminders while a supervisor's
 * approvals queue their assignment notices, all at once, under the runtime's interleaved schedule
 * (every execution paused at every service call, resumed in rotation), in several alignments: no
 * email is lost or doubled, and each tab holds only its own writers' rows. With one tab for both (the
 * add-on before the Hourly Outbox), 4 and 5 approvals each lost an email under this schedule.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import type { ReviewActionInput } from '../../../src/shared/review';
import {
  ADMIN,
  MANAGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  MID_MORNING,
} from '../../support/workbook';
import {
  DAY,
  HOUR,
  advance,
  emailsAbout,
  outboxRows,
  remindersDue,
  rowsOf,
  runHourly,
  submitMany,
} from '../../support/ops';
import { act, itemIn, target, viewFor } from '../review/helpers';

const REMINDERS = 5;

async function raceOnce(approvals: number): Promise<void> {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  try {
    // Five orders whose overdue reminders the next run owes, and requests waiting for approval.
    const reminded = await remindersDue(wb, REMINDERS, TECH, (i) => `Replace the bulb ${i + 1}`);
    const waiting = await submitMany(wb, approvals, (i) => `Leaking tap ${i + 1}`);
    const view = await viewFor(wb, SUPERVISOR);
    const requests: ReviewActionInput[] = waiting.map((id) => ({
      action: 'approveAssign',
      ...target(itemIn(view, id)),
      category: 'Plumbing',
      priority: 'P3 Routine',
      assignee: TECH,
    }));
    advance(wb, HOUR);
    const [hourly, replies] = await wb.rt.interleaved(() =>
      Promise.all([
        wb.rt.runTimeDrivenTriggers({ all: true }),
        Promise.all(requests.map((r) => act(wb, SUPERVISOR, r))),
      ]),
    );
    hourly.forEach((e) => expectOk(e));
    for (const { reply } of replies) expect(reply.ok).toBe(true);

    // Quota 0: every email is queued, the reminders by the job in its tab, the notices in the Outbox.
    expect(rowsOf(wb, SHEET_NAMES.hourlyOutbox).map((r) => String(r.Seq))).toEqual(
      Array(REMINDERS).fill(expect.stringMatching(/^H\d+$/)),
    );
    expect(rowsOf(wb, SHEET_NAMES.outbox).every((r) => /^\d+$/.test(String(r.Seq)))).toBe(true);
    const seqs = outboxRows(wb).map((r) => String(r.Seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const id of [...reminded, ...waiting]) expect(emailsAbout(wb, TECH, id)).toBe(1);

    // The next day's drain sends every one of them, once.
    wb.rt.world.mail.dailyQuota = 1500;
    expectOk((await runHourly(wb, DAY))[0]!);
    const subjects = wb.rt.world.mail.receivedBy(TECH).map((m) => m.subject);
    const once = (text: string) => expect(subjects.filter((s) => s.endsWith(text))).toHaveLength(1);
    for (let i = 1; i <= REMINDERS; i++) once(`Overdue: Replace the bulb ${i}`);
    for (let i = 1; i <= approvals; i++) once(`Assigned to you: Leaking tap ${i}`);
  } finally {
    await wb.close();
  }
}

test.each([2, 3, 4, 5, 6])(
  'the hourly job and %i approvals queueing at once lose no email and send none twice',
  async (approvals) => {
    await raceOnce(approvals);
  },
);

test('in a workbook set up before the Hourly Outbox, the job makes it the first time it queues and protects it as it is made: only administrators and the installation owner write it', async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  try {
    await remindersDue(wb, 1, TECH);
    wb.model.deleteSheetModel(SHEET_NAMES.hourlyOutbox); // set up by an earlier version
    expectOk((await runHourly(wb))[0]!);
    expect(rowsOf(wb, SHEET_NAMES.hourlyOutbox)).toHaveLength(1);
    const canType = async (user: string): Promise<boolean> => {
      try {
        await wb.edit(user, SHEET_NAMES.hourlyOutbox, 2, 7, [['Sent']]);
        return true;
      } catch (error) {
        if (/protected cell/.test(String(error))) return false;
        throw error;
      }
    };
    // Technicians and supervisors queue mail in the Outbox (their sidebars write it); not here.
    for (const user of [TECH, SUPERVISOR, MANAGER])
      expect([user, await canType(user)]).toEqual([user, false]);
    expect(await canType(ADMIN)).toBe(true);
  } finally {
    await wb.close();
  }
});
