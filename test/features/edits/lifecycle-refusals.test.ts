/**
 * Illegal edits of a work order in the register are put back with a note, a toast and a log row:
 * another technician's, skipped steps, missing reasons and results, supervisor-only steps, statuses
 * outside the procedure, locked fields, a closed order, the hidden Last Known State. Managers and
 * people not on the Staff tab are refused by Sheets itself.
 */
import {
  MANAGER,
  MID_MORNING,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import {
  assignedOrder,
  cell,
  logFor,
  noteAt,
  sidebarAct,
  toastsOf,
  type,
  typeAll,
} from '../../support/edits';
import { lifecycleSteps } from './lifecycle-steps';

let wb: TestWorkbook;
beforeAll(async () => {
  // In business hours, as lifecycle.test.ts starts, so due dates and holds count the same way.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterAll(() => wb.close());
const { newLog, expectRefused, inProgress, completed } = lifecycleSteps(() => wb);

/**
 * The register is protected against accounts the permission table gives no register area (managers,
 * people not on the Staff tab): Sheets itself refuses the edit, no trigger runs, nothing changes.
 */
async function expectProtected(user: string, id: string, header: string, typed: string) {
  const before = wb.order(id);
  const mark = logFor(wb, id).length;
  await expect(type(wb, user, id, header, typed)).rejects.toThrow(/protected cell/);
  expect(wb.order(id)).toEqual(before);
  expect(newLog(id, mark)).toHaveLength(0);
}

describe('illegal edits are put back with a note, a toast and a log row', () => {
  test('another technician (TECH2) can change nothing on TECH’s work order', async () => {
    const id = await assignedOrder(wb, TECH);
    await expectRefused(TECH2, id, 'Status', 'In Progress', /Only the assignee or a supervisor/);
    await expectRefused(TECH2, id, 'Progress Notes', 'I did it', /Only the assignee or a supervisor/);
  });

  test('a manager and someone not on the Staff tab can change nothing: Sheets refuses them', async () => {
    const id = await assignedOrder(wb);
    await expectProtected(MANAGER, id, 'Status', 'In Progress');
    await expectProtected(MANAGER, id, 'Progress Notes', 'hello');
    await expectProtected(STRANGER, id, 'Progress Notes', 'hello');
    await expectProtected(STRANGER, id, 'Status', 'In Progress');
  });

  test('skipped steps: Assigned → On Hold/Completed, On Hold → Completed', async () => {
    const id = await assignedOrder(wb);
    await typeAll(wb, TECH, id, { Results: 'r', 'Actions Taken': 'a', Reason: 'why' });
    await expectRefused(TECH, id, 'Status', 'Completed', /Assigned → Completed skips a step: start it first/);
    await expectRefused(TECH, id, 'Status', 'On Hold', /Assigned → On Hold skips a step: start it first/);
    await type(wb, TECH, id, 'Status', 'In Progress');
    await type(wb, TECH, id, 'Status', 'On Hold');
    await expectRefused(TECH, id, 'Status', 'Completed', /On Hold → Completed skips a step: resume it first/);
  });

  test('On Hold without a reason, Completed without results and actions taken', async () => {
    const id = await inProgress();
    await expectRefused(TECH, id, 'Status', 'On Hold', /On Hold needs Reason/);
    await expectRefused(TECH, id, 'Status', 'Completed', /Completed needs Results and Actions Taken/);
    await type(wb, TECH, id, 'Results', 'Fixed');
    await expectRefused(TECH, id, 'Status', 'Completed', /Completed needs Actions Taken/);
  });

  test('a technician cannot close, send back, cancel, reassign or re-prioritize', async () => {
    const done = await completed();
    await expectRefused(TECH, done, 'Status', 'Closed', /Only a supervisor can close this work order/);
    await expectRefused(
      TECH,
      done,
      'Status',
      'In Progress',
      /Only a supervisor can send this work order back/,
    );
    await expectRefused(TECH, done, 'Status', 'Cancelled', /Only a supervisor can cancel this work order/);
    // Assignee and Priority are not technicians' columns. Their account may write them (My work writes
    // a row's system columns as the technician), so Sheets lets the edit in and the edit trigger puts it back.
    await expectRefused(TECH, done, 'Assignee', TECH2, /Only a supervisor can change Assignee/);
    await expectRefused(
      TECH,
      done,
      'Priority',
      'P1 Emergency',
      /Only a supervisor can change Priority: if it should change, ask a supervisor/,
    );
    // The request as submitted is nobody's to retype: not put to a supervisor as theirs to change.
    await expectRefused(
      TECH,
      done,
      'Description',
      'Leak at the hot tap',
      /^(?!.*Only a supervisor).*Description is kept as the requestor submitted it/,
    );
    // What Completed needs cannot be emptied afterwards either.
    await expectRefused(TECH, done, 'Results', '', /A Completed work order needs Results/);
  });

  test('statuses outside the procedure: back to Submitted or Approved', async () => {
    const id = await inProgress();
    await expectRefused(TECH, id, 'Status', 'Submitted', /In Progress → Submitted is not a step/);
    await expectRefused(TECH, id, 'Status', 'Approved', /In Progress → Approved is not a step/);
    await expectRefused(TECH, id, 'Status', 'Assigned', /In Progress → Assigned is not a step/);
  });

  test('locked fields: ids, work-order number, stamped dates, requestor’s answers, revision', async () => {
    const id = await inProgress();
    const locked: Array<[string, string]> = [
      ['Request ID', 'REQ-999999'],
      ['WO Number', 'WO-2026-99999'],
      ['Started At', '2020-01-01'],
      ['Assigned At', '2020-01-01'],
      ['Completed At', '2020-01-01'],
      ['Requested At', '2020-01-01'],
      ['Decided By', 'me@example.com'],
      ['Revision', '1'],
      ['Response Row', 'nowhere'],
    ];
    // Technicians and supervisors may both write these columns (their sidebars write them as
    // themselves), so the edit trigger is what puts a typed value back, whoever typed it.
    for (const [header, value] of locked) {
      await expectRefused(TECH, id, header, value, /filled in by the add-on and cannot be edited by hand/);
      await expectRefused(
        SUPERVISOR,
        id,
        header,
        value,
        /filled in by the add-on and cannot be edited by hand/,
      );
    }
    await expectRefused(SUPERVISOR, id, 'Started At', '2020-01-01', /filled in by the add-on/);
    await expectRefused(
      SUPERVISOR,
      id,
      'Description',
      'Something else',
      /kept as the requestor submitted it/,
    );
  });

  test('a closed work order can no longer be edited', async () => {
    const id = await completed();
    await sidebarAct(wb, { action: 'close', id, revision: wb.order(id).revision });
    expect(wb.order(id).status).toBe('Closed');
    await expectRefused(
      TECH,
      id,
      'Progress Notes',
      'one more thing',
      /is Closed: it can no longer be edited\. If more work is needed, submit a new request on the request form/,
    );
    await expectRefused(
      SUPERVISOR,
      id,
      'Status',
      'In Progress',
      /is Closed: it can no longer be edited\. If more/,
    );
  });

  test('the hidden Last Known State cell is put back', async () => {
    const id = await assignedOrder(wb);
    const kept = cell(wb, id, 'Last Known State');
    for (const user of [TECH, SUPERVISOR]) {
      const mark = logFor(wb, id).length;
      const toasts = toastsOf(wb, user).length;
      await type(wb, user, id, 'Last Known State', '{"v":1}');
      expect(cell(wb, id, 'Last Known State')).toBe(kept);
      expect(toastsOf(wb, user).slice(toasts).join(' ')).toMatch(
        /Last Known State column is written by Work Orders only/,
      );
      expect(newLog(id, mark).map((r) => [r.user, r.field])).toEqual([[user, 'Last Known State (refused)']]);
    }
    // …and the order still works from it.
    await type(wb, TECH, id, 'Status', 'In Progress');
    expect(wb.order(id).status).toBe('In Progress');
  });

  test('a refusal note goes away when the cell is next changed legally', async () => {
    const id = await inProgress();
    await expectRefused(TECH, id, 'Status', 'Completed', /Completed needs/);
    await typeAll(wb, TECH, id, { Results: 'ok', 'Actions Taken': 'ok' });
    expect(noteAt(wb, id, 'Status')).not.toBe('');
    await type(wb, TECH, id, 'Status', 'Completed');
    expect(noteAt(wb, id, 'Status')).toBe('');
    expect(wb.order(id).status).toBe('Completed');
  });
});
