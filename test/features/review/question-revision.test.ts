/**
 * Ask requestor changes the order's revision, through dist/Code.js: a supervisor whose sidebar was
 * opened before the question cannot reject (or approve) the request as if no question were out. The
 * decision is refused as stale, the refusal says what was asked and that no reply came yet, and the
 * card it returns carries the new revision, so a decision made after looking again goes through.
 */
import { REQUESTOR, SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, itemIn, mailLog, submitRequests, target, viewFor } from './helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

test('a reject from a sidebar opened before the question is refused and names the question', async () => {
  const [id] = (await submitRequests(wb, [{ description: 'Window will not close' }])) as [string];
  // The second sidebar: opened while the request was still unasked.
  const stale = itemIn(await viewFor(wb, SUPERVISOR), id);
  const asker = itemIn(await viewFor(wb, SUPERVISOR), id);
  const asked = await act(wb, SUPERVISOR, { action: 'clarify', ...target(asker), question: 'Which window?' });
  if (!asked.reply.ok) throw new Error(asked.reply.message);
  expect(wb.order(id).revision).toBe(stale.revision + 1);
  expect(itemIn(asked.reply.view!, id).revision).toBe(stale.revision + 1);

  const mailBefore = mailLog(wb).length;
  const { reply } = await act(wb, SUPERVISOR, { action: 'reject', ...target(stale), reason: 'Not ours' });
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.message).toBe(
    `Someone else changed ${id} after you opened it; it is now Submitted, and its requestor was asked "Which window?" and has not replied yet (the reply will show on its card). ` +
      'Nothing was changed: its card now shows the latest, so check it and try again if still needed.',
  );
  expect(wb.order(id).status).toBe('Submitted');
  expect(mailLog(wb).length).toBe(mailBefore);

  // Looked at again, the decision goes through.
  const fresh = itemIn(await viewFor(wb, SUPERVISOR), id);
  const again = await act(wb, SUPERVISOR, { action: 'reject', ...target(fresh), reason: 'Not ours' });
  expect(again.reply.ok).toBe(true);
  expect(wb.order(id).status).toBe('Rejected');
  expect(mailLog(wb).at(-1)!.to).toEqual([REQUESTOR]);
});
