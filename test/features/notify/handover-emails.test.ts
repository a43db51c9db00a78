/**
 * A technician who takes over work gets what the first one got, through dist/Code.js: the supervisor
 * hands an order already In Progress (or On Hold) to another technician in Review & assign, and the
 * new assignee's "Assigned to you" email carries the order's update-form link, as an assignment's
 * does, so they can update it from a phone (the Sheets app shows no My work).
 */
import { sidebarAct, assignedOrder } from '../../support/edits';
import { TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const assignedMail = (to: string, id: string) =>
  wb.rt.world.mail
    .receivedBy(to)
    .filter((m) => m.subject.includes(wb.order(id).woNumber) && / Assigned to you: /.test(m.subject));

/** The update-form link in an email: the pre-filled form link ending in the request id. */
function updateLinkIn(body: string, id: string): string | undefined {
  const link = /To update it from a phone, open (https:\/\/\S+)/.exec(body)?.[1];
  return link?.endsWith(`=${id}`) ? link : undefined;
}

async function step(user: string, id: string, request: Record<string, unknown>) {
  const reply = expectOk(
    await wb.call(user, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  ).value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(reply.message);
}

test.each([
  ['In Progress', [{ action: 'start' }]],
  ['On Hold', [{ action: 'start' }, { action: 'hold', reason: 'Waiting for the part' }]],
])('work %s handed to another technician: their email carries the update link', async (status, steps) => {
  const id = await assignedOrder(wb, TECH);
  const first = assignedMail(TECH, id);
  expect(first).toHaveLength(1);
  expect(updateLinkIn(first[0]!.body, id)).toBeDefined();
  for (const next of steps) await step(TECH, id, next);
  expect(wb.order(id).status).toBe(status);

  await sidebarAct(wb, { action: 'reassign', id, revision: wb.order(id).revision, assignee: TECH2 });
  expect(wb.order(id).assignee).toBe(TECH2);
  const handed = assignedMail(TECH2, id);
  expect(handed).toHaveLength(1);
  expect(updateLinkIn(handed[0]!.body, id)).toBe(updateLinkIn(first[0]!.body, id));
});
