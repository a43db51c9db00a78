/**
 * Ask the requestor refused, through dist/Code.js: with requestor emails switched off, or for an order
 * with no valid requestor email address, the supervisor is told the question was not sent and what to
 * do instead (ask them another way, or have an administrator switch the emails on), and nothing is
 * written or sent.
 */
import { SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { setSetting } from '../../support/ops';
import { find, submitRequests } from './helpers';
import { appendDirectly, makeOrder } from './fixtures';
import { refusedIn } from './refusals-setup';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const refused = refusedIn(() => wb);

async function clarify(id: string) {
  const { reply } = await find(wb, SUPERVISOR, id);
  if (!reply.ok) throw new Error(reply.message);
  const { item } = reply;
  return refused(SUPERVISOR, {
    action: 'clarify',
    id: item.id,
    revision: item.revision,
    rowHint: item.rowHint,
    question: 'Which floor is it on?',
  });
}

test('an order with no valid requestor email: not sent, and the supervisor asks the requestor another way', async () => {
  appendDirectly(wb, [makeOrder(91, { requesterEmail: '', requesterName: 'Pat Porter' })]);
  expect(await clarify('REQ-000091')).toBe(
    'REQ-000091 has no valid requestor email address, so the question was not sent. Ask Pat Porter another way.',
  );
});

test('requestor emails switched off: not sent, and what to do instead', async () => {
  const [id] = await submitRequests(wb, [{ description: 'The tap drips' }]);
  setSetting(wb, 'notifyRequestor', false);
  expect(await clarify(id!)).toBe(
    `Emails to requestors are switched off on the Settings tab (notifyRequestor is FALSE), so the question to the requestor of ${id!} was not sent. Ask them yourself, or ask an administrator to set notifyRequestor to TRUE and ask again.`,
  );
});
