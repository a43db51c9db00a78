/**
 * A technician takes a work order from Assigned to Completed by typing in the register, and
 * every transition of the lifecycle table that a sheet edit can attempt is accepted or put back, as the
 * assignee, another technician (TECH2), a supervisor, a manager and someone not on the Staff tab.
 * Orders reach Assigned through the real Review & assign sidebar call (reviewAct).
 */
import {
  MANAGER,
  REQUESTOR,
  MID_MORNING,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import {
  approvedOrder,
  assignedOrder,
  calls,
  cell,
  logFor,
  mailTo,
  noteAt,
  sidebarAct,
  submitOne,
  toastsOf,
  type,
  typeAll,
} from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  // In business hours, so the SLA clock counts the hold below whatever the time of day the suite runs.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterAll(() => wb.close());

/** Log rows of `id` written after `mark` rows. */
function newLog(id: string, mark: number) {
  return logFor(wb, id).slice(mark);
}

/** Types a value that must be refused: the cell keeps `kept`, carries a note, the user sees a toast,
 * the change log gets exactly one "(refused)" row and nothing else changes. */
async function expectRefused(user: string, id: string, header: string, typed: string, reason: RegExp) {
  const before = wb.order(id);
  const kept = cell(wb, id, header);
  const mark = logFor(wb, id).length;
  const toasts = toastsOf(wb, user).length;
  const record = await type(wb, user, id, header, typed);
  expect(cell(wb, id, header)).toEqual(kept);
  expect(noteAt(wb, id, header)).toMatch(reason);
  expect(toastsOf(wb, user).slice(toasts).join(' ')).toMatch(reason);
  const rows = newLog(id, mark);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ user, source: 'sheet edit', field: `${header} (refused)` });
  expect(String(rows[0]?.new)).toContain(typed);
  expect(String(rows[0]?.new)).toMatch(reason);
  expect(wb.order(id)).toEqual(before);
  expect(calls(record)).toBeLessThanOrEqual(6);
  return record;
}

async function inProgress(assignee = TECH): Promise<string> {
  const id = await assignedOrder(wb, assignee);
  await type(wb, assignee, id, 'Status', 'In Progress');
  return id;
}

async function completed(): Promise<string> {
  const id = await inProgress();
  await typeAll(wb, TECH, id, {
    Results: 'Ballast replaced',
    'Actions Taken': 'Swapped the ballast',
    Status: 'Completed',
  });
  return id;
}

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
    await expectRefused(TECH, done, 'Priority', 'P1 Emergency', /Only a supervisor can change Priority/);
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
      /is Closed: it can no longer be edited/,
    );
    await expectRefused(SUPERVISOR, id, 'Status', 'In Progress', /is Closed: it can no longer be edited/);
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
