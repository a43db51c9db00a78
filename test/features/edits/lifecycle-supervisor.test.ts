/**
 * A supervisor in the register: takes the technician steps on anyone's order, assigns and reassigns
 * by typing the Assignee, edits priority, category and due date from the Settings lists, and is
 * pointed to the Review & assign sidebar for the steps only it takes.
 */
import {
  MANAGER,
  MID_MORNING,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { approvedOrder, assignedOrder, logFor, mailTo, submitOne, type, typeAll } from '../../support/edits';
import { lifecycleSteps } from './lifecycle-steps';

let wb: TestWorkbook;
beforeAll(async () => {
  // In business hours, as lifecycle.test.ts starts, so due dates and holds count the same way.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterAll(() => wb.close());
const { newLog, expectRefused, inProgress, completed } = lifecycleSteps(() => wb);

describe('a supervisor in the sheet', () => {
  test('may take the technician steps on anyone’s work order', async () => {
    const id = await assignedOrder(wb, TECH);
    await type(wb, SUPERVISOR, id, 'Status', 'In Progress');
    await typeAll(wb, SUPERVISOR, id, { Reason: 'Parts on order', Status: 'On Hold' });
    await type(wb, SUPERVISOR, id, 'Status', 'In Progress');
    await typeAll(wb, SUPERVISOR, id, { Results: 'Done', 'Actions Taken': 'Fixed', Status: 'Completed' });
    expect(wb.order(id).status).toBe('Completed');
    expect(
      logFor(wb, id)
        .filter((r) => r.field === 'Status')
        .every((r) => r.user !== TECH),
    ).toBe(true);
  });

  test('assigns an approved order by typing its Assignee, and reassigns an assigned one', async () => {
    const id = await approvedOrder(wb);
    const techMail = mailTo(wb, TECH).length;
    const mark = logFor(wb, id).length;
    await type(wb, SUPERVISOR, id, 'Assignee', TECH);
    expect(wb.order(id)).toMatchObject({ status: 'Assigned', assignee: TECH });
    expect(wb.order(id).assignedAt).toBeInstanceOf(Date);
    expect(newLog(id, mark).map((r) => r.field)).toEqual(['Status', 'Assignee', 'Assigned At']);
    expect(mailTo(wb, TECH).slice(techMail)).toEqual([expect.stringContaining('Assigned to you')]);

    await type(wb, SUPERVISOR, id, 'Assignee', TECH2);
    expect(wb.order(id)).toMatchObject({ status: 'Assigned', assignee: TECH2 });
    expect(mailTo(wb, TECH2)).toEqual([expect.stringContaining('Assigned to you')]);
    expect(mailTo(wb, TECH).slice(techMail + 1)).toEqual([expect.stringContaining('Reassigned')]);
  });

  test('edits priority, category and due date (logged), from the Settings lists only', async () => {
    const id = await assignedOrder(wb);
    const mark = logFor(wb, id).length;
    await type(wb, SUPERVISOR, id, 'Priority', 'P1 Emergency');
    await type(wb, SUPERVISOR, id, 'Category', 'plumbing'); // spelled as Settings spells it
    await type(wb, SUPERVISOR, id, 'Due', '2030-01-15 09:00');
    expect(wb.order(id)).toMatchObject({ priority: 'P1 Emergency', category: 'Plumbing' });
    expect(wb.order(id).due).toBeInstanceOf(Date);
    expect(newLog(id, mark).map((r) => r.field)).toEqual(['Priority', 'Category', 'Due']);
    await expectRefused(SUPERVISOR, id, 'Priority', 'P9 Whenever', /is not a priority on the Settings tab/);
    await expectRefused(SUPERVISOR, id, 'Category', 'Gardening', /is not a category on the Settings tab/);
    await expectRefused(SUPERVISOR, id, 'Due', 'next Tuesday', /is not a date/);
  });

  test('cannot assign to someone who is not an active technician, nor assign outside Approved/Assigned', async () => {
    const id = await approvedOrder(wb);
    await expectRefused(SUPERVISOR, id, 'Assignee', MANAGER, /not an active technician/);
    const started = await inProgress();
    await expectRefused(
      SUPERVISOR,
      started,
      'Assignee',
      TECH2,
      /only change while a work order is Approved or Assigned/,
    );
  });

  test('approves, rejects, closes, returns and cancels in the sidebar, not by typing a status', async () => {
    const done = await completed();
    await expectRefused(
      SUPERVISOR,
      done,
      'Status',
      'Closed',
      /To close it, use Extensions › Work Orders › Review & assign/,
    );
    await type(wb, SUPERVISOR, done, 'Reason', 'Tube still flickers');
    await expectRefused(SUPERVISOR, done, 'Status', 'In Progress', /To send it back, use/);
    await expectRefused(SUPERVISOR, done, 'Status', 'Cancelled', /To cancel it, use/);
    const approved = await approvedOrder(wb);
    await expectRefused(
      SUPERVISOR,
      approved,
      'Status',
      'Submitted',
      /not a step of the work-order procedure/,
    );
  });

  test('a supervisor typing a sidebar-only step is pointed to the sidebar at once, not asked for a Reason first', async () => {
    const submitted = await submitOne(wb);
    // Typing the Reason that "Rejected needs Reason" would ask for only leads to this refusal: so it
    // is this refusal from the start, with or without a Reason.
    await expectRefused(
      SUPERVISOR,
      submitted,
      'Status',
      'Rejected',
      /To reject it, use Extensions › Work Orders › Review & assign/,
    );
    await expectRefused(
      SUPERVISOR,
      submitted,
      'Status',
      'Approved',
      /To approve it, use Extensions › Work Orders › Review & assign/,
    );
    const started = await inProgress();
    await expectRefused(SUPERVISOR, started, 'Status', 'Cancelled', /To cancel it, use/);
    // A technician is told what they may not do, not where a supervisor would do it.
    await expectRefused(TECH, started, 'Status', 'Cancelled', /Only a supervisor can/);
  });
});
