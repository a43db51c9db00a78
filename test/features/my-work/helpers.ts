/**
 * My work's server functions called as google.script.run calls them (one execution each, as the given
 * user), and the setup every My work test starts from: requests approved and assigned through the
 * review sidebar, as a supervisor does it.
 */
import type { ExecutionRecord } from '../../../runtime';
import type {
  MyWorkActResponse,
  MyWorkCard,
  MyWorkLoadResponse,
  MyWorkView,
} from '../../../src/shared/my-work-types';
import { SUPERVISOR, expectOk, type TestWorkbook } from '../../support/workbook';
import { act as reviewAct, itemIn, submitRequests, target, viewFor } from '../review/helpers';

export async function load(
  wb: TestWorkbook,
  user: string,
  request: unknown = {},
): Promise<{ reply: MyWorkLoadResponse; record: ExecutionRecord }> {
  const record = expectOk(await wb.call(user, 'myWorkLoad', request));
  return { reply: record.value as MyWorkLoadResponse, record };
}

export async function myView(wb: TestWorkbook, user: string): Promise<MyWorkView> {
  const { reply } = await load(wb, user);
  if (!reply.ok) throw new Error(`myWorkLoad refused: ${reply.message}`);
  return reply.view;
}

export async function step(
  wb: TestWorkbook,
  user: string,
  request: unknown,
): Promise<{ reply: MyWorkActResponse; record: ExecutionRecord }> {
  const record = expectOk(await wb.call(user, 'myWorkAct', request));
  return { reply: record.value as MyWorkActResponse, record };
}

export function cardIn(view: MyWorkView, id: string): MyWorkCard {
  const card = [...view.open, ...view.awaitingClose].find((c) => c.id === id);
  if (!card) throw new Error(`${id} is not in My work`);
  return card;
}

export function targetOf(card: MyWorkCard): { id: string; revision: number; rowHint: number } {
  return { id: card.id, revision: card.revision, rowHint: card.rowHint };
}

/** Submits one request per assignee and has the supervisor approve and assign each; returns the ids. */
export async function assignedOrders(
  wb: TestWorkbook,
  assignees: readonly string[],
  priority = 'P3 Routine',
): Promise<string[]> {
  const ids = await submitRequests(
    wb,
    assignees.map((_, i) => ({ description: `Job ${i + 1}: fix the door` })),
  );
  const view = await viewFor(wb, SUPERVISOR);
  for (const [i, id] of ids.entries()) {
    const { reply } = await reviewAct(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(itemIn(view, id)),
      category: 'Electrical',
      priority,
      assignee: assignees[i],
    });
    if (!reply.ok) throw new Error(reply.message);
  }
  return ids;
}
