/**
 * A technician completes an order with its required checklist items ticked, then unticks one from My
 * work, through dist/Code.js. Completed was allowed because the items were done: unticking a required
 * one afterwards would let the order be closed with required work not done, so it is refused, saying
 * how it is done (a supervisor returns the order first). An optional item, time and parts stay open to
 * a Completed order; once returned, the required item unticks and Completed waits for it again.
 */
import { TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { sidebarAct } from '../../support/edits';
import { writesSnapshot } from '../review/fixtures';
import { assignedOrders, cardIn, myView, step, targetOf } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from './helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
});
afterAll(() => wb.close());

const item = (number: number) => ({
  kind: 'tick',
  number,
  item: ELECTRICAL_CHECKLIST[number - 1]![1],
});

async function act(id: string, request: Record<string, unknown>) {
  const { reply } = await step(wb, TECH, { ...request, ...targetOf(cardIn(await myView(wb, TECH), id)) });
  if (!reply.ok) throw new Error(reply.message);
}

test('a required item of a Completed order cannot be unticked until a supervisor returns it', async () => {
  const [id] = (await assignedOrders(wb, [TECH])) as [string];
  await act(id, { action: 'start' });
  for (const n of [1, 2, 3])
    expect(await record(wb, TECH, { ...item(n), id, done: true })).toMatchObject({ ok: true });
  await act(id, { action: 'complete', results: 'Light works', actionsTaken: 'Replaced the ballast' });
  const woNumber = wb.order(id).woNumber;

  const before = writesSnapshot(wb);
  expect(await record(wb, TECH, { ...item(1), id, done: false })).toEqual({
    ok: false,
    message: `${woNumber} was completed with the required item "Isolate the circuit" done, so it cannot be unticked now: if it was not done, a supervisor returns the order to its technician (Return to technician in Review & assign), and it is unticked then.`,
  });
  expect(writesSnapshot(wb)).toBe(before);
  // The optional photograph is not what Completed was allowed on.
  expect(await record(wb, TECH, { ...item(3), id, done: false })).toMatchObject({ ok: true });

  await sidebarAct(wb, {
    action: 'return',
    id,
    revision: wb.order(id).revision,
    reason: 'Circuit still live',
  });
  expect(wb.order(id).status).toBe('In Progress');
  expect(await record(wb, TECH, { ...item(1), id, done: false })).toMatchObject({
    ok: true,
    message: 'Unticked "Isolate the circuit".',
  });
  const { reply } = await step(wb, TECH, {
    action: 'complete',
    ...targetOf(cardIn(await myView(wb, TECH), id)),
    results: 'Light works',
    actionsTaken: 'Replaced the ballast',
  });
  expect(!reply.ok && reply.message).toMatch(/required checklist item "Isolate the circuit" ticked first/);
});
