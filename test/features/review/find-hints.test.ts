/**
 * A reply form, the update form and the sidebar's look-up name an order by its id: the order is found
 * at the row the review queue's index suggests (where it last saw the order, or where the id's place
 * in the issuing order puts it), checked by what the row holds, without reading the register's id
 * column, which grows with every order. Once the rows are sorted by hand, every hint is stale and the
 * order is still found, by one read of the column.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import type { ExecutionRecord } from '../../../runtime';
import { sortRegister } from '../../support/edits';
import { HOUR, now, writeOrders } from '../../support/ops';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { act, find, itemIn, submitRequests, target, viewFor } from './helpers';
import { documentProperties } from './fixtures';

/** Orders closed long ago, in rows above the new ones: the id column is at least this long. */
const OLDER = 4_000;

const pad = (n: number) => `REQ-${String(n).padStart(6, '0')}`;

let wb: TestWorkbook;
let asked: string;
let working: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  const long = new Date(now(wb).getTime() - 400 * 24 * HOUR);
  writeOrders(
    wb,
    Array.from({ length: OLDER }, (_, i) => ({
      id: pad(i + 1),
      woNumber: `WO-2025-${String(i + 1).padStart(5, '0')}`,
      status: 'Closed',
      requestedAt: long,
      description: `Old order ${i + 1}`,
      revision: 1,
    })),
  );
  // The counters as the earlier work left them: new ids follow the old ones.
  wb.rt.world.properties.user(ADMIN).set(`wo.${wb.ssId}.requestCounter`, String(OLDER));
  wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.requestCounter, String(OLDER));
  asked = (await submitRequests(wb, [{ description: 'Radiator in room 12 is cold' }]))[0]!;
  working = (await assignedOrders(wb, [TECH]))[0]!;
  const clarified = await act(wb, SUPERVISOR, {
    action: 'clarify',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), asked)),
    question: 'Which radiator: by the window or by the door?',
  });
  if (!clarified.reply.ok) throw new Error(clarified.reply.message);
}, 300_000);
afterAll(() => wb.close());

/** The execution that handled a form response (the one form-submit trigger). */
function handler(executions: ExecutionRecord[]): ExecutionRecord {
  executions.forEach(expectOk);
  const run = executions.find((r) => r.entry.includes('FormSubmit'));
  if (!run) throw new Error(`no form-submit execution among ${executions.map((r) => r.entry).join(', ')}`);
  return run;
}

async function reply(id: string, answer: string): Promise<ExecutionRecord> {
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const outcome = await wb.rt.submitForm(formId, {
    respondentEmail: REQUESTOR,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  return handler(outcome.executions);
}

async function update(id: string, step: 'start' | 'note', note = ''): Promise<ExecutionRecord> {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const answers: Record<string, string> = {
    [updateQuestion('order').title]: id,
    [updateQuestion('step').title]: STEP_CHOICES[step],
  };
  if (note) answers[updateQuestion('note').title] = note;
  const outcome = await wb.rt.submitForm(form.id, { respondentEmail: TECH, answers });
  return handler(outcome.executions);
}

test('a reply is added to its order reading a row where the queue saw it, not the id column', async () => {
  const run = await reply(asked, 'The one by the window');
  expect(wb.order(asked).notes).toContain('Requestor: The one by the window');
  expect(run.stats.cellsRead).toBeLessThan(OLDER);
});

test('an update form answer finds the order at the row its id’s place predicts, not the id column', async () => {
  const run = await update(working, 'start');
  expect(wb.order(working).status).toBe('In Progress');
  expect(run.stats.cellsRead).toBeLessThan(OLDER);
});

test('the sidebar’s look-up by id reads the order’s row, not the id column', async () => {
  const { reply: found, record } = await find(wb, SUPERVISOR, working);
  expect(JSON.stringify(found)).toContain(working);
  expect(record.stats.cellsRead).toBeLessThan(OLDER);
});

test('with the rows sorted by hand, every hint stale, the orders are still found', async () => {
  // Newest first: the two orders move to the top, thousands of rows from where they were seen.
  sortRegister(wb, (o) => o.id, true);
  await reply(asked, 'Also the one by the door');
  expect(wb.order(asked).notes).toContain('Requestor: Also the one by the door');
  await update(working, 'note', 'Waiting for the part');
  expect(wb.order(working).notes).toContain('Waiting for the part');
});
