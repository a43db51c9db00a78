/**
 * An assignment whose execution fails after its commit, before its emails go (the mail intent left
 * in place), still gives the technician their update link: the next change to the log queues the
 * owed "Assigned to you" email, and it carries the order's pre-filled update-form link as the email
 * sent at once would, through dist/Code.js. Before, the queued copy was composed without it.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { submitOne } from '../../support/edits';
import { outboxRows } from '../../support/ops';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const intents = (): string[] =>
  wb.rt.world.properties
    .document(wb.ssId)
    .keys()
    .filter((k) => k.startsWith('wo.mail.intent.'));

/** Approve & assign with the nth service call failing; true when it left the order Assigned and its intent owed. */
async function assignFailingAt(id: string, n: number): Promise<boolean> {
  wb.rt.world.faults.failNthCall(n);
  await wb
    .call(SUPERVISOR, 'reviewAct', {
      action: 'approveAssign',
      id,
      revision: wb.order(id).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH,
    })
    .catch(() => undefined);
  wb.rt.world.faults.disarm();
  return wb.order(id).status === 'Assigned' && intents().length > 0;
}

test('the queued "Assigned to you" email carries the update link', async () => {
  const id = await submitOne(wb, { description: 'Replace the stairwell light' });
  const saved = encodeWorldState(exportWorld(wb.rt.world));
  let reached = false;
  for (let n = 1; n < 200 && !reached; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    reached = await assignFailingAt(id, n);
  }
  expect(reached).toBe(true);
  expect(wb.rt.world.mail.receivedBy(TECH)).toEqual([]);

  // The next change to the log (another request arriving) queues what the assignment owed.
  await submitOne(wb, { description: 'Another request' });
  expect(intents()).toEqual([]);
  const queued = outboxRows(wb).filter(
    (r) => String(r.To) === TECH && / Assigned to you: /.test(String(r.Subject)),
  );
  expect(queued).toHaveLength(1);
  expect(String(queued[0]!.Body)).toMatch(
    new RegExp(`To update it from a phone, open https://\\S+=${id}\\b`),
  );
}, 120_000);
