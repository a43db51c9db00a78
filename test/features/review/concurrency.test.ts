/**
 * Work-order numbers stay unique and increasing when approvals run at the same time. The
 * runtime's interleaved schedule pauses every execution at every service call and resumes them in
 * rotation, so all twenty read the counter before any of them writes it — unless the document lock
 * serializes them. The negative control runs the same burst on the bundle built with the locks
 * compiled out (WO_BUILD_VARIANT=no-locks, see src/server/adapters/document-lock.ts): the shipped
 * Code.js carries no switch, and the test proves the lock is what keeps the numbers apart.
 */
import { verifyLog } from '../../support/audit';
import { buildNoLocksVariant } from '../../support/variant-build';
import { SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, itemIn, load, sheetCalls, submitRequests, target, viewFor } from './helpers';

const BURST = 20;

async function burstOfApprovals(wb: TestWorkbook) {
  const ids = await submitRequests(
    wb,
    Array.from({ length: BURST }, (_, i) => ({ description: `Request ${i}` })),
  );
  const view = await viewFor(wb, SUPERVISOR);
  const requests = ids.map((id) => ({
    action: 'approve',
    ...target(itemIn(view, id)),
    category: 'Electrical',
    priority: 'P3 Routine',
  }));
  const replies = await wb.rt.interleaved(() => Promise.all(requests.map((r) => act(wb, SUPERVISOR, r))));
  return { ids, replies };
}

test('20 interleaved approvals give 20 distinct, increasing work-order numbers and lose no update', async () => {
  const wb = await setUpWorkbook();
  try {
    const { ids, replies } = await burstOfApprovals(wb);
    expect(replies.every(({ reply }) => reply.ok)).toBe(true);
    expect(replies.some(({ record }) => record.stats.lockWaits > 0)).toBe(true);
    const orders = ids.map((id) => wb.order(id));
    expect(orders.every((o) => o.status === 'Approved')).toBe(true);
    const year = orders[0]!.woNumber.slice(3, 7);
    const expected = Array.from({ length: BURST }, (_, i) => `WO-${year}-${String(i + 1).padStart(5, '0')}`);
    // Unique, and increasing in the order the approvals were decided.
    const byDecision = [...orders].sort(
      (a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime() || a.woNumber.localeCompare(b.woNumber),
    );
    expect(byDecision.map((o) => o.woNumber)).toEqual(expected);
    // Every change-log append chained onto the one before it.
    const log = wb.changeLog();
    const numbered = wb.changeLogEntries().filter((e) => e.source === 'sidebar' && e.field === 'WO Number');
    expect(numbered).toHaveLength(BURST);
    expect(log.length).toBeGreaterThan(BURST);
    expect(verifyLog(wb)).toMatchObject({ ok: true });
    // And the review queue kept every approval.
    const view = await viewFor(wb, SUPERVISOR);
    expect(view.sections.submitted.total).toBe(0);
    expect(view.sections.approved.items.map((i) => i.woNumber).sort()).toEqual(expected);
  } finally {
    await wb.close();
  }
});

test('negative control: the same burst with the locks compiled out hands out duplicate numbers', async () => {
  const wb = await setUpWorkbook({ distDir: buildNoLocksVariant() });
  try {
    const { ids, replies } = await burstOfApprovals(wb);
    expect(replies.every(({ reply }) => reply.ok)).toBe(true);
    const numbers = ids.map((id) => wb.order(id).woNumber);
    expect(numbers.every((n) => /^WO-\d{4}-\d{5}$/.test(n))).toBe(true);
    // Every execution read the counter before any wrote it: the numbers collide.
    expect(new Set(numbers).size).toBeLessThan(BURST);
  } finally {
    await wb.close();
  }
});

test('20 interleaved form submissions all reach the review queue without a register read', async () => {
  const wb = await setUpWorkbook();
  try {
    await viewFor(wb, SUPERVISOR); // the queue index exists from here on
    const executions = await wb.submitAtOnce(BURST);
    expect(executions.every((e) => e.ok)).toBe(true);
    const { reply, record } = await load(wb, SUPERVISOR);
    if (!reply.ok) throw new Error(reply.message);
    // Every intake updated the index under the lock: no lost update, nothing left to catch up.
    expect(reply.view.sections.submitted.items.map((i) => i.id).sort()).toEqual(
      wb
        .register()
        .map((r) => r.order.id)
        .sort(),
    );
    expect(reply.view.sections.submitted.total).toBe(BURST);
    expect(sheetCalls(record)).toBe(2); // the register's last row, and the time zone (errors/zone-guard.ts)
    expect(record.stats.cellsRead).toBe(0);
  } finally {
    await wb.close();
  }
});
