/**
 * A technician takes a work order from Assigned to Completed by typing in the register. Every
 * transition of the lifecycle table that a sheet edit can attempt is accepted or put back: a
 * supervisor's in lifecycle-supervisor.test.ts, the refusals (another technician, a manager, someone
 * not on the Staff tab, skipped steps, locked fields) in lifecycle-refusals.test.ts. Orders reach
 * Assigned through the real Review & assign sidebar call (reviewAct).
 */
import {
  REQUESTOR,
  MID_MORNING,
  SUPERVISOR,
  TECH,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { assignedOrder, calls, logFor, mailTo, noteAt, toastsOf, type } from '../../support/edits';
import { lifecycleSteps } from './lifecycle-steps';

let wb: TestWorkbook;
beforeAll(async () => {
  // In business hours, so the SLA clock counts the hold below whatever the time of day the suite runs.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterAll(() => wb.close());
const { newLog } = lifecycleSteps(() => wb);

describe('the assignee takes an assigned work order to Completed by editing cells', () => {
  test('Assigned → In Progress → On Hold → In Progress → Completed, stamped, logged and notified', async () => {
    const id = await assignedOrder(wb);
    const mark = logFor(wb, id).length;
    const rev = wb.order(id).revision;
    const toasts = toastsOf(wb, TECH).length;

    const start = await type(wb, TECH, id, 'Status', 'In Progress');
    expect(wb.order(id).status).toBe('In Progress');
    expect(wb.order(id).startedAt).toBeInstanceOf(Date);
    expect(wb.order(id).revision).toBe(rev + 1);
    expect(calls(start)).toBeLessThanOrEqual(6);
    expect(newLog(id, mark).map((r) => [r.field, r.old, r.new])).toEqual([
      ['Status', 'Assigned', 'In Progress'],
      ['Started At', '', (wb.order(id).startedAt as Date).toISOString()],
    ]);

    const supervisorMail = mailTo(wb, SUPERVISOR).length;
    const requestorMail = mailTo(wb, REQUESTOR).length;
    await type(wb, TECH, id, 'Reason', 'Waiting for a replacement ballast');
    await type(wb, TECH, id, 'Status', 'On Hold');
    expect(wb.order(id).status).toBe('On Hold');
    expect(mailTo(wb, REQUESTOR).slice(requestorMail)).toEqual([expect.stringContaining('On hold')]);
    expect(mailTo(wb, SUPERVISOR).slice(supervisorMail)).toEqual([expect.stringContaining('On hold')]);
    expect(mailTo(wb, TECH).some((s) => s.includes('On hold'))).toBe(false); // not about their own change

    // Two hours on hold: the due date moves by them when work resumes (the SLA clock stopped). Before,
    // the hold lasted however long the machine took between two edits, and a second's tick moved it.
    const due = wb.order(id).due as Date;
    wb.rt.world.clock.advance(2 * 3_600_000);
    await type(wb, TECH, id, 'Status', 'In Progress');
    expect((wb.order(id).due as Date).getTime() - due.getTime()).toBeGreaterThanOrEqual(2 * 3_600_000);
    await type(wb, TECH, id, 'Progress Notes', 'Ballast arrived, fitted');
    await type(wb, TECH, id, 'Results', 'Light works, no flicker');
    await type(wb, TECH, id, 'Actions Taken', 'Replaced the ballast and the tube');
    const before = mailTo(wb, SUPERVISOR).length;
    const done = await type(wb, TECH, id, 'Status', 'Completed');
    expect(calls(done)).toBeLessThanOrEqual(6);

    const order = wb.order(id);
    expect(order).toMatchObject({
      status: 'Completed',
      notes: 'Ballast arrived, fitted',
      results: 'Light works, no flicker',
      actions: 'Replaced the ballast and the tube',
      reason: 'Waiting for a replacement ballast',
    });
    expect(order.completedAt).toBeInstanceOf(Date);
    expect(mailTo(wb, SUPERVISOR).slice(before)).toEqual([expect.stringContaining('Completed')]);
    // Exactly one change-log row per real change, all by the technician from the sheet.
    const rows = newLog(id, mark);
    expect(rows.map((r) => r.field)).toEqual([
      'Status',
      'Started At',
      'Reason',
      'Status',
      'On Hold Since', // the SLA clock stops
      'Status',
      'Due', // moved by the two hours held
      'On Hold Since', // and starts again
      'Held For (h)',
      'Reason for change',
      'Progress Notes',
      'Results',
      'Actions Taken',
      'Status',
      'Completed At',
    ]);
    expect(rows.every((r) => r.user === TECH && r.source === 'sheet edit')).toBe(true);
    expect(order.revision).toBe(rev + 8);
    // Nothing was refused, so no note and no toast.
    expect(noteAt(wb, id, 'Status')).toBe('');
    expect(toastsOf(wb, TECH).slice(toasts)).toEqual([]);
  });

  test('typing the same value again changes and logs nothing', async () => {
    const id = await assignedOrder(wb);
    const mark = logFor(wb, id).length;
    await type(wb, TECH, id, 'Status', 'Assigned');
    expect(newLog(id, mark)).toEqual([]);
  });
});
