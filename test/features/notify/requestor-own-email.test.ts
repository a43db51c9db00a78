/**
 * A requestor's email is their own, through dist/Code.js: when the lifecycle tells the requestor and
 * staff of the same step (a hold, a cancellation, a new priority or due date), the requestor gets an
 * email addressed to them alone, so they do not see the staff's addresses or reach them with Reply all;
 * the staff get theirs. A requestor who is also a supervisor is told once.
 */
import { assignedOrder, sidebarAct } from '../../support/edits';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const mailAbout = (id: string, title: string) =>
  wb.rt.world.mail.sent.filter((m) => m.subject.startsWith(`[${wb.order(id).woNumber}] ${title}`));

async function myWork(id: string, request: Record<string, unknown>): Promise<void> {
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  ).value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(reply.message);
}

test('On hold: the requestor alone on theirs, the supervisors on theirs', async () => {
  const id = await assignedOrder(wb, TECH);
  await myWork(id, { action: 'start' });
  await myWork(id, { action: 'hold', reason: 'Waiting for the replacement ballast' });
  const held = mailAbout(id, 'On hold:');
  expect(held.map((m) => m.to)).toEqual(expect.arrayContaining([[REQUESTOR], [SUPERVISOR]]));
  expect(held).toHaveLength(2);
  const theirs = held.find((m) => m.to.includes(REQUESTOR))!;
  expect(theirs.body).toContain('Reason: Waiting for the replacement ballast');
  expect([...theirs.cc, ...theirs.bcc]).toEqual([]);
});

test('Cancelled, new priority, new due date: the requestor and the technician each get their own', async () => {
  const id = await assignedOrder(wb, TECH);
  const target = () => ({ id, revision: wb.order(id).revision });
  await sidebarAct(wb, {
    action: 'reprioritize',
    ...target(),
    priority: 'P2 Urgent',
    reason: 'Dark stairwell',
  });
  await sidebarAct(wb, {
    action: 'redate',
    ...target(),
    due: new Date(wb.order(id).due!.getTime() + 86_400_000).toISOString(),
    reason: 'Parts arrive tomorrow',
  });
  await sidebarAct(wb, { action: 'cancel', ...target(), reason: 'Duplicate of another request' });
  for (const title of ['Priority changed to P2 Urgent:', 'New due date:', 'Cancelled:']) {
    const sent = mailAbout(id, title);
    expect(sent.map((m) => m.to).sort()).toEqual([[REQUESTOR], [TECH]].sort());
  }
});

test('a supervisor who made the request is told of the hold once', async () => {
  // The supervisor answers the request form themselves.
  const id = await assignedOrder(wb, TECH, { description: 'The office blind is stuck' }, SUPERVISOR);
  await myWork(id, { action: 'start' });
  await myWork(id, { action: 'hold', reason: 'Waiting for access' });
  const held = mailAbout(id, 'On hold:');
  expect(held.map((m) => m.to)).toEqual([[SUPERVISOR]]);
});
