/**
 * Every refusal of the review functions comes back as `{ ok: false, message }` (never an
 * exception) with a message a supervisor can act on, and writes nothing: not the register, not the
 * change log, not the work-order counter, no email.
 */
import {
  ADMIN,
  MANAGER,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import type { ReviewItem } from '../../../src/shared/review';
import { act, find, itemIn, load, submitRequests, target, viewFor } from './helpers';
import { appendDirectly, makeOrder, rewriteDirectly, setStaffActive, writesSnapshot } from './fixtures';

let wb: TestWorkbook;
let submitted: ReviewItem;
let approved: ReviewItem;
let assigned: ReviewItem;
let onHold: ReviewItem;
let rejected: ReviewItem;

beforeAll(async () => {
  wb = await setUpWorkbook();
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
  submitted = itemIn(view, ids[0]!);
  approved = itemIn(view, ids[1]!);
  const lookup = async (query: string) => {
    const { reply } = await find(wb, SUPERVISOR, query);
    if (!reply.ok) throw new Error(reply.message);
    return reply.item;
  };
  assigned = await lookup(ids[2]!);
  rejected = await lookup(ids[3]!);
  onHold = await lookup('REQ-000090');
});
afterAll(() => wb.close());

/** Runs a refused call and checks that nothing was written; returns the message. */
async function refused(user: string, request: unknown): Promise<string> {
  const before = writesSnapshot(wb);
  const { reply, record } = await act(wb, user, request);
  expect(record.ok).toBe(true);
  if (reply.ok) throw new Error(`expected a refusal, got: ${reply.message}`);
  expect(writesSnapshot(wb)).toBe(before);
  expect(record.stats.backend.Spreadsheet?.write ?? 0).toBe(0);
  expect(record.stats.emailsSent).toBe(0);
  return reply.message;
}

const approve = (item: ReviewItem) => ({
  action: 'approve',
  ...target(item),
  category: 'IT',
  priority: 'P3 Routine',
});

describe('who may act', () => {
  test.each([
    [TECH, `Only supervisors can review and assign work orders; ${TECH} is a Technician.`],
    [MANAGER, `Only supervisors can review and assign work orders; ${MANAGER} is a Manager.`],
    [
      STRANGER,
      `${STRANGER} is not active staff on the Staff tab: only supervisors can review and assign work orders.`,
    ],
  ])('%s cannot act, load or find', async (user, message) => {
    expect(await refused(user, approve(submitted))).toBe(message);
    const loaded = await load(wb, user);
    expect(loaded.reply).toEqual({ ok: false, message });
    const found = await find(wb, user, submitted.id);
    expect(found.reply).toEqual({ ok: false, message });
  });

  test('a user Google does not name cannot act', async () => {
    expect(await refused('', approve(submitted))).toMatch(/cannot tell who you are/);
  });

  test('an inactive supervisor is no longer a supervisor', async () => {
    setStaffActive(wb, SUPERVISOR, false);
    try {
      expect(await refused(SUPERVISOR, approve(submitted))).toBe(
        `${SUPERVISOR} is not active staff on the Staff tab: only supervisors can review and assign work orders.`,
      );
    } finally {
      setStaffActive(wb, SUPERVISOR, true);
    }
  });

  test('the menu item shows the sidebar to a supervisor and an alert to anyone else', async () => {
    const shown = wb.rt.world.ui.ofKind('sidebar').length;
    expect((await wb.menu(SUPERVISOR, 'openReviewSidebar')).ok).toBe(true);
    const sidebars = wb.rt.world.ui.ofKind('sidebar');
    expect(sidebars).toHaveLength(shown + 1);
    expect(sidebars[shown]).toMatchObject({ title: 'Review & assign', width: 300, user: SUPERVISOR });
    expect(sidebars[shown]!.html).toContain('id="sections"');
    for (const user of [TECH, MANAGER, STRANGER]) {
      expect((await wb.menu(user, 'openReviewSidebar')).ok).toBe(true);
      const alert = wb.rt.world.ui.ofKind('alert').at(-1)!;
      expect(alert).toMatchObject({ user, title: 'Review & assign' });
      expect(alert.prompt).toMatch(/only supervisors can review/i);
    }
    expect(wb.rt.world.ui.ofKind('sidebar')).toHaveLength(shown + 1);
  });
});

describe('the lifecycle table', () => {
  test.each([
    [
      'close a request',
      () => ({ action: 'close', ...target(submitted) }),
      'Submitted → Closed skips a step: approve it first.',
    ],
    [
      'assign an unapproved request',
      () => ({ action: 'assign', ...target(submitted), assignee: TECH }),
      'Submitted → Assigned skips a step: approve it first.',
    ],
    ['approve approved work', () => approve(approved), 'The status is already Approved.'],
    [
      'reject approved work',
      () => ({ action: 'reject', ...target(approved), reason: 'Changed my mind' }),
      'Approved → Rejected is not a step of the work-order procedure.',
    ],
    [
      'assign assigned work',
      () => ({ action: 'assign', ...target(assigned), assignee: TECH2 }),
      `${'REQ-000003'} is already assigned to ${TECH}: use Reassign to give it to someone else.`,
    ],
    [
      'reassign to the same technician',
      () => ({ action: 'reassign', ...target(assigned), assignee: TECH }),
      `Reassigning needs a different Assignee: ${TECH} already has it.`,
    ],
    [
      'reassign unassigned work',
      () => ({ action: 'reassign', ...target(approved), assignee: TECH }),
      'REQ-000002 is not assigned yet: use Assign.',
    ],
    [
      'return work on hold (that would be a resume)',
      () => ({ action: 'return', ...target(onHold), reason: 'x' }),
      'Return to technician does not apply to a work order that is On Hold.',
    ],
    [
      'close work on hold',
      () => ({ action: 'close', ...target(onHold) }),
      'On Hold → Closed skips a step: resume it first.',
    ],
    [
      'cancel rejected work',
      () => ({ action: 'cancel', ...target(rejected), reason: 'x' }),
      'This work order is Rejected: its status can no longer change.',
    ],
    [
      'ask about rejected work',
      () => ({ action: 'clarify', ...target(rejected), question: 'Why?' }),
      'REQ-000004 is Rejected: there is nothing left to ask the requestor about.',
    ],
  ])('%s', async (_name, request, message) => {
    expect(await refused(SUPERVISOR, request())).toBe(message);
  });
});

describe('assignees', () => {
  test('an inactive technician', async () => {
    setStaffActive(wb, TECH2, false);
    try {
      expect(await refused(SUPERVISOR, { action: 'assign', ...target(approved), assignee: TECH2 })).toBe(
        `Assignee "${TECH2}" is not an active technician on the Staff tab.`,
      );
    } finally {
      setStaffActive(wb, TECH2, true);
    }
  });

  test.each([
    [
      'an unknown person',
      'nobody@example.com',
      'Assignee "nobody@example.com" is not an active technician on the Staff tab.',
    ],
    ['a supervisor', SUPERVISOR, `Assignee "${SUPERVISOR}" is not an active technician on the Staff tab.`],
    ['not an email', 'tina', 'Choose a technician.'],
    ['nobody', '', 'Choose a technician.'],
  ])('%s', async (_name, assignee, message) => {
    expect(
      await refused(SUPERVISOR, {
        action: 'approveAssign',
        ...target(submitted),
        category: 'IT',
        priority: 'P3 Routine',
        assignee,
      }),
    ).toBe(message);
  });
});

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
      'Category "Gardening" is not a category on the Settings tab.',
    ],
    [
      'a priority not on the Settings tab',
      { category: 'IT', priority: 'P9 Whenever' },
      'Priority "P9 Whenever" is not a priority on the Settings tab.',
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
