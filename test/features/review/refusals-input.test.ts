/**
 * Refusals of the review functions (see refusals.test.ts) for input that cannot be trusted: a view
 * gone stale since the sidebar loaded it, and malformed requests, ids, revisions and fields. Each
 * comes back as `{ ok: false, message }` and writes nothing.
 */
import { ADMIN, SUPERVISOR, type TestWorkbook } from '../../support/workbook';
import type { ReviewItem } from '../../../src/shared/review';
import { act, find, itemIn, load, submitRequests, target, viewFor } from './helpers';
import { rewriteDirectly } from './fixtures';
import { approve, refusedIn, setUpRefusals } from './refusals-setup';

let wb: TestWorkbook;
let submitted: ReviewItem;

beforeAll(async () => {
  ({ wb, submitted } = await setUpRefusals());
});
afterAll(() => wb.close());

const refused = refusedIn(() => wb);

describe('a stale view', () => {
  test('another supervisor decided first: refused, and a reload shows their decision', async () => {
    const [id] = await submitRequests(wb, [{ description: 'Contested' }]);
    const mine = itemIn(await viewFor(wb, SUPERVISOR), id!);
    const theirs = itemIn(await viewFor(wb, ADMIN), id!);
    const first = await act(wb, ADMIN, { action: 'reject', ...target(theirs), reason: 'Duplicate' });
    expect(first.reply.ok).toBe(true);
    const message = await refused(SUPERVISOR, approve(mine));
    expect(message).toBe(
      `Someone else changed ${id} after you opened it; it is now Rejected. Nothing was changed: its card now shows the latest, so check it and try again if still needed.`,
    );
    const view = await viewFor(wb, SUPERVISOR);
    expect(view.sections.submitted.items.map((i) => i.id)).not.toContain(id);
  });

  test('an edit the queue never heard of: refused, and the reload shows the new revision', async () => {
    const [id] = await submitRequests(wb, [{ description: 'Edited behind our back' }]);
    const item = itemIn(await viewFor(wb, SUPERVISOR), id!);
    rewriteDirectly(wb, id!, { description: 'Edited by hand' });
    expect(await refused(SUPERVISOR, approve(item))).toBe(
      `Someone else changed ${id} after you opened it; it is now Submitted. Nothing was changed: its card now shows the latest, so check it and try again if still needed.`,
    );
    const fresh = itemIn(await viewFor(wb, SUPERVISOR), id!);
    expect(fresh).toMatchObject({ revision: 2, description: 'Edited by hand' });
    const { reply } = await act(wb, SUPERVISOR, { action: 'reject', ...target(fresh), reason: 'Not needed' });
    expect(reply.ok).toBe(true);
  });

  test('a revision from the future is stale too', async () => {
    expect(await refused(SUPERVISOR, approve({ ...submitted, revision: submitted.revision + 5 }))).toMatch(
      /^Someone else changed REQ-000001 after you opened it/,
    );
  });
});

describe('malformed input', () => {
  test.each([
    ['nothing', undefined, 'Unknown action.'],
    ['a string', 'approve', 'Unknown action.'],
    ['an array', [], 'Unknown action.'],
    ['an unknown action', { action: 'delete', id: 'REQ-000001', revision: 1 }, 'Unknown action.'],
    [
      'a path for an id',
      { action: 'close', id: '../../etc/passwd', revision: 1 },
      'That is not a request id.',
    ],
    ['an empty id', { action: 'close', id: '', revision: 1 }, 'That is not a request id.'],
    ['a number for an id', { action: 'close', id: 42, revision: 1 }, 'The request id is missing.'],
    [
      'a formula for an id',
      { action: 'close', id: '=IMPORTXML(A1)', revision: 1 },
      'That is not a request id.',
    ],
    ['no revision', { action: 'close', id: 'REQ-000001' }, 'The revision is missing or not a whole number.'],
    [
      'a text revision',
      { action: 'close', id: 'REQ-000001', revision: '1' },
      'The revision is missing or not a whole number.',
    ],
    [
      'a negative revision',
      { action: 'close', id: 'REQ-000001', revision: -1 },
      'The revision is missing or not a whole number.',
    ],
    [
      'a fractional revision',
      { action: 'close', id: 'REQ-000001', revision: 1.5 },
      'The revision is missing or not a whole number.',
    ],
    [
      'an extra field',
      { action: 'close', id: 'REQ-000001', revision: 1, status: 'Closed' },
      'Unrecognized key: "status"',
    ],
    [
      'a rejection without a reason',
      { action: 'reject', id: 'REQ-000001', revision: 1 },
      'A reason is required.',
    ],
    [
      'a blank reason',
      { action: 'cancel', id: 'REQ-000001', revision: 1, reason: ' \n\t ' },
      'A reason is required.',
    ],
    [
      'a reason too long',
      { action: 'return', id: 'REQ-000001', revision: 1, reason: 'x'.repeat(2001) },
      'A reason is too long (2000 characters at most).',
    ],
    [
      'a question without text',
      { action: 'clarify', id: 'REQ-000001', revision: 1, question: '' },
      'The question is required.',
    ],
    [
      'an approval without a category',
      { action: 'approve', id: 'REQ-000001', revision: 1, priority: 'P3 Routine' },
      'Choose a category.',
    ],
  ])('%s', async (_name, request, message) => {
    expect(await refused(SUPERVISOR, request)).toBe(message);
  });

  test.each([
    [
      'a category not on the Settings tab',
      { category: 'Gardening', priority: 'P3 Routine' },
      'Category "Gardening" is not a category on the Settings tab: choose Electrical, Plumbing, HVAC, Carpentry, Cleaning, IT or one of 2 more; an administrator can add one on the Settings tab.',
    ],
    [
      'a priority not on the Settings tab',
      { category: 'IT', priority: 'P9 Whenever' },
      'Priority "P9 Whenever" is not a priority on the Settings tab: choose P1 Emergency, P2 Urgent, P3 Routine or P4 Scheduled; an administrator can add one on the Settings tab.',
    ],
  ])('%s', async (_name, fields, message) => {
    expect(await refused(SUPERVISOR, { action: 'approve', ...target(submitted), ...fields })).toBe(message);
  });

  test('a well-formed id that is not in the register', async () => {
    expect(await refused(SUPERVISOR, { action: 'close', id: 'REQ-999999', revision: 1 })).toBe(
      'No work order REQ-999999 is in the register (it may have been archived or deleted). Reload to see the latest.',
    );
  });

  test('load and find validate their input too', async () => {
    expect((await load(wb, SUPERVISOR, { offsets: { submitted: -5 } })).reply.ok).toBe(false);
    expect((await load(wb, SUPERVISOR, { everything: true })).reply).toEqual({
      ok: false,
      message: 'Unrecognized key: "everything"',
    });
    expect((await load(wb, SUPERVISOR, 'all')).reply.ok).toBe(false);
    expect((await find(wb, SUPERVISOR, '')).reply).toEqual({
      ok: false,
      message: 'Type a request id or work-order number.',
    });
    expect((await find(wb, SUPERVISOR, { $ne: 1 })).reply.ok).toBe(false);
    expect((await find(wb, SUPERVISOR, 'WO-2026-99999')).reply).toEqual({
      ok: false,
      message: 'No work order WO-2026-99999 is in the register.',
    });
  });
});
