/**
 * A writer deletes its mail intent, then sends the emails; every other appender settles the last
 * commit's intents (queues their emails) under the document lock. So the writer deletes it under the
 * lock too, held since its commit: otherwise another appender taking the lock between the writer's
 * commit and its deletion reads the intent, queues the emails, and the writer sends them as well.
 * Approvals of different requests run interleaved at every service call, each waiting for the lock
 * the one before holds; each requestor gets exactly one email, sent by the approval itself.
 *
 * Technicians' edits typing Completed (the edit trigger's path) run interleaved with approvals too.
 *
 * Negative control: with the intent deleted after the lock is given back (as before this test), 7 of
 * the 8 approval emails went twice, queued by the next approval and sent, and so did the edits'. The bundle with the locks compiled
 * out does not show it: there no approval waits for another, so none reads the store in the window
 * between another's commit and its deletion, and the control could not fail.
 */
import { verifyLog } from '../../support/audit';
import { emailsAbout } from '../../support/ops';
import { REQUESTOR, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, rowOf, typeAll, REGISTER } from '../../support/edits';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';

const BURST = 8;

async function burstOfApprovals(
  wb: TestWorkbook,
): Promise<{ counts: Map<string, number>; waited: number; messages: unknown[] }> {
  const ids = await submitRequests(
    wb,
    Array.from({ length: BURST }, (_, i) => ({ description: `Request ${i}` })),
  );
  const before = new Map(ids.map((id) => [id, emailsAbout(wb, REQUESTOR, id)]));
  const view = await viewFor(wb, SUPERVISOR);
  const requests = ids.map((id) => ({
    action: 'approve',
    ...target(itemIn(view, id)),
    category: 'Electrical',
    priority: 'P3 Routine',
  }));
  const replies = await wb.rt.interleaved(() => Promise.all(requests.map((r) => act(wb, SUPERVISOR, r))));
  return {
    counts: new Map(ids.map((id) => [id, emailsAbout(wb, REQUESTOR, id) - (before.get(id) ?? 0)])),
    messages: replies.map(({ reply }) => (reply as { message?: string }).message),
    waited: replies.filter(({ record }) => record.stats.lockWaits > 0).length,
  };
}

test('interleaved approvals: each approval email is sent or queued exactly once', async () => {
  const wb = await setUpWorkbook();
  try {
    const { counts, waited, messages } = await burstOfApprovals(wb);
    expect([...counts.keys()].every((id) => wb.order(id).status === 'Approved')).toBe(true);
    // The schedule the race needs: approvals waited for the lock while another one held it.
    expect(waited).toBeGreaterThan(BURST / 2);
    // Each approval delivered its own email (sent, or held for the digest on a short-quota day): none
    // found its intent gone, settled by another approval.
    expect(messages.filter((m) => /queued; the hourly job sends it/.test(String(m)))).toEqual([]);
    expect([...counts.values()]).toEqual(new Array<number>(BURST).fill(1));
    expect(
      wb.rt.world.properties
        .document(wb.ssId)
        .keys()
        .filter((k) => k.startsWith('wo.mail.intent.')),
    ).toEqual([]);
    expect(verifyLog(wb)).toMatchObject({ ok: true });
  } finally {
    await wb.close();
  }
}, 120_000);

test('interleaved with technicians typing Completed (each owing two emails): each is sent or queued once', async () => {
  const wb = await setUpWorkbook();
  try {
    const completing: string[] = [];
    for (let i = 0; i < BURST / 2; i++) {
      const id = await assignedOrder(wb, TECH);
      await typeAll(wb, TECH, id, {
        Status: 'In Progress',
        Results: 'Fixed',
        'Actions Taken': 'Part replaced',
      });
      completing.push(id);
    }
    const approving = await submitRequests(
      wb,
      Array.from({ length: BURST / 2 }, (_, i) => ({ description: `Request ${i}` })),
    );
    const owed = [
      ...completing.flatMap((id) => [
        { id, to: SUPERVISOR },
        { id, to: REQUESTOR },
      ]),
      ...approving.map((id) => ({ id, to: REQUESTOR })),
    ];
    const before = owed.map(({ id, to }) => emailsAbout(wb, to, id));
    const view = await viewFor(wb, SUPERVISOR);
    const status = wb.registerColumn('Status');
    await wb.rt.interleaved(() =>
      Promise.all([
        ...approving.map((id) =>
          act(wb, SUPERVISOR, {
            action: 'approve',
            ...target(itemIn(view, id)),
            category: 'Electrical',
            priority: 'P3 Routine',
          }),
        ),
        ...completing.map((id) => wb.edit(TECH, REGISTER, rowOf(wb, id), status, [['Completed']])),
      ]),
    );
    expect(completing.every((id) => wb.order(id).status === 'Completed')).toBe(true);
    expect(approving.every((id) => wb.order(id).status === 'Approved')).toBe(true);
    const counts = owed.map(({ id, to }, i) => `${id} ${to}: ${emailsAbout(wb, to, id) - before[i]!}`);
    expect(counts).toEqual(owed.map(({ id, to }) => `${id} ${to}: 1`));
    expect(verifyLog(wb)).toMatchObject({ ok: true });
  } finally {
    await wb.close();
  }
}, 120_000);
