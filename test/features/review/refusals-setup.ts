/**
 * What the refusal tests share: a workbook holding one request in each state a refusal is checked
 * against (Submitted, Approved, Assigned, On Hold, Rejected), the check that a refused call writes
 * nothing, and the approval request they try. Each test file sets up its own workbook.
 */
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import type { ReviewItem } from '../../../src/shared/review';
import { act, find, itemIn, submitRequests, target, viewFor } from './helpers';
import { appendDirectly, makeOrder, writesSnapshot } from './fixtures';

export interface RefusalWorkbook {
  wb: TestWorkbook;
  submitted: ReviewItem;
  approved: ReviewItem;
  assigned: ReviewItem;
  onHold: ReviewItem;
  rejected: ReviewItem;
}

/** A workbook with REQ-000001 Submitted, 2 Approved, 3 Assigned to TECH, 4 Rejected and 90 On Hold. */
export async function setUpRefusals(): Promise<RefusalWorkbook> {
  const wb = await setUpWorkbook();
  const ids = await submitRequests(wb, [
    { description: 'To stay submitted' },
    { description: 'To approve' },
    { description: 'To assign' },
    { description: 'To reject' },
  ]);
  appendDirectly(wb, [
    makeOrder(90, {
      status: 'On Hold',
      woNumber: 'WO-2026-00090',
      assignee: TECH,
      reason: 'Waiting for parts',
    }),
  ]);
  let view = await viewFor(wb, SUPERVISOR);
  const ok = async (request: object) => {
    const { reply } = await act(wb, SUPERVISOR, request);
    if (!reply.ok) throw new Error(reply.message);
    return reply;
  };
  await ok({ action: 'approve', ...target(itemIn(view, ids[1]!)), category: 'IT', priority: 'P3 Routine' });
  await ok({
    action: 'approveAssign',
    ...target(itemIn(view, ids[2]!)),
    category: 'IT',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  await ok({ action: 'reject', ...target(itemIn(view, ids[3]!)), reason: 'Out of scope' });
  view = await viewFor(wb, SUPERVISOR);
  const submitted = itemIn(view, ids[0]!);
  const approved = itemIn(view, ids[1]!);
  const lookup = async (query: string) => {
    const { reply } = await find(wb, SUPERVISOR, query);
    if (!reply.ok) throw new Error(reply.message);
    return reply.item;
  };
  const assigned = await lookup(ids[2]!);
  const rejected = await lookup(ids[3]!);
  const onHold = await lookup('REQ-000090');
  return { wb, submitted, approved, assigned, onHold, rejected };
}

/** Binds the refusal check to a test file's workbook. */
export function refusedIn(workbook: () => TestWorkbook) {
  /** Runs a refused call and checks that nothing was written; returns the message. */
  async function refused(user: string, request: unknown): Promise<string> {
    const wb = workbook();
    const before = writesSnapshot(wb);
    const { reply, record } = await act(wb, user, request);
    expect(record.ok).toBe(true);
    if (reply.ok) throw new Error(`expected a refusal, got: ${reply.message}`);
    expect(writesSnapshot(wb)).toBe(before);
    expect(record.stats.backend.Spreadsheet?.write ?? 0).toBe(0);
    expect(record.stats.emailsSent).toBe(0);
    return reply.message;
  }
  return refused;
}

export const approve = (item: ReviewItem) => ({
  action: 'approve',
  ...target(item),
  category: 'IT',
  priority: 'P3 Routine',
});
