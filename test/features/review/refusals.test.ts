/**
 * Every refusal of the review functions comes back as `{ ok: false, message }` (never an
 * exception) with a message a supervisor can act on, and writes nothing: not the register, not the
 * change log, not the work-order counter, no email. This file: who may act, the lifecycle table and
 * assignees; stale views and malformed input are in refusals-input.test.ts.
 */
import { MANAGER, STRANGER, SUPERVISOR, TECH, TECH2, type TestWorkbook } from '../../support/workbook';
import type { ReviewItem } from '../../../src/shared/review';
import { find, load, target } from './helpers';
import { setStaffActive } from './fixtures';
import { approve, refusedIn, setUpRefusals } from './refusals-setup';

let wb: TestWorkbook;
let submitted: ReviewItem;
let approved: ReviewItem;
let assigned: ReviewItem;
let onHold: ReviewItem;
let rejected: ReviewItem;

beforeAll(async () => {
  ({ wb, submitted, approved, assigned, onHold, rejected } = await setUpRefusals());
});
afterAll(() => wb.close());

const refused = refusedIn(() => wb);

describe('who may act', () => {
  test.each([
    [
      TECH,
      `Only supervisors can review and assign work orders; ${TECH} is a Technician. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
    ],
    [
      MANAGER,
      `Only supervisors can review and assign work orders; ${MANAGER} is a Manager. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
    ],
    [
      STRANGER,
      `${STRANGER} is not active staff on the Staff tab: only supervisors can review and assign work orders. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
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
        `${SUPERVISOR} is not active staff on the Staff tab: only supervisors can review and assign work orders. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
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
      'This work order is Rejected: its status can no longer change. If more work is needed, submit a new request on the request form.',
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
  // A technician who has left (or never was) is refused with the ones who can be given the work.
  const CAN_ADD = '; an administrator can make someone an active Technician on the Staff tab.';
  test('an inactive technician', async () => {
    setStaffActive(wb, TECH2, false);
    try {
      expect(await refused(SUPERVISOR, { action: 'assign', ...target(approved), assignee: TECH2 })).toBe(
        `Assignee "${TECH2}" is not an active technician on the Staff tab: choose ${TECH}${CAN_ADD}`,
      );
    } finally {
      setStaffActive(wb, TECH2, true);
    }
  });

  test.each([
    [
      'an unknown person',
      'nobody@example.com',
      `Assignee "nobody@example.com" is not an active technician on the Staff tab: choose ${TECH} or ${TECH2}${CAN_ADD}`,
    ],
    [
      'a supervisor',
      SUPERVISOR,
      `Assignee "${SUPERVISOR}" is not an active technician on the Staff tab: choose ${TECH} or ${TECH2}${CAN_ADD}`,
    ],
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
