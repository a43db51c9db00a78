/**
 * The actions the fault matrix (./matrix.test.ts) makes fail at each of their service calls: each
 * runs one action on the prepared workbook, and says who it emails and which records it touches.
 */
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { rowOf, REGISTER } from '../../support/edits';
import { HOUR, runHourly } from '../../support/ops';
import { ADMIN, REQUESTOR, SUPERVISOR, TECH, TECH2, type TestWorkbook } from '../../support/workbook';

export interface Scenario {
  /** Runs the action (it may fail). */
  run(wb: TestWorkbook, ids: Ids): Promise<unknown>;
  /** Who should get an email about each record when the action lands. */
  mailOnLanding: (ids: Ids) => Array<{ to: string; id: string }>;
  /** The records it is about (`created`: the order it makes, found by its description). */
  records: (ids: Ids) => string[];
  creates?: string;
}

export interface Ids {
  submitted: string;
  submitted2: string;
  assigned: string;
  assigned2: string;
  witness: string;
  closedOld: string;
  /** In Progress with results and actions typed in: completed by typing Completed in its Status cell. */
  toComplete: string;
  /** In Progress, completed through My work. */
  toCompleteMyWork: string;
  /** In Progress, put on hold through the update form. */
  toHold: string;
  created: string | null;
}

export const LATE = 'late.requestor@example.org';
function sidebar(wb: TestWorkbook, request: Record<string, unknown>) {
  return wb.call(SUPERVISOR, 'reviewAct', request);
}

export const SCENARIOS: Record<string, Scenario> = {
  intake: {
    run: (wb) => wb.submit({ description: 'Faulty intake' }),
    creates: 'Faulty intake',
    mailOnLanding: (ids) => (ids.created ? [{ to: REQUESTOR, id: ids.created }] : []),
    records: (ids) => (ids.created ? [ids.created] : []),
  },
  approve: {
    run: (wb, ids) =>
      sidebar(wb, {
        action: 'approve',
        id: ids.submitted,
        revision: wb.order(ids.submitted).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
      }),
    mailOnLanding: (ids) => [{ to: REQUESTOR, id: ids.submitted }],
    records: (ids) => [ids.submitted],
  },
  'approve and assign': {
    run: (wb, ids) =>
      sidebar(wb, {
        action: 'approveAssign',
        id: ids.submitted2,
        revision: wb.order(ids.submitted2).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
        assignee: TECH2,
      }),
    mailOnLanding: (ids) => [
      { to: REQUESTOR, id: ids.submitted2 },
      { to: TECH2, id: ids.submitted2 },
    ],
    records: (ids) => [ids.submitted2],
  },
  'technician edit': {
    run: (wb, ids) =>
      wb.edit(TECH, REGISTER, rowOf(wb, ids.assigned), wb.registerColumn('Status'), [['In Progress']]),
    mailOnLanding: () => [],
    records: (ids) => [ids.assigned],
  },
  // Completed owes the supervisors and the requestor an email each (the lifecycle table's notify list).
  'technician edit (Completed)': {
    run: (wb, ids) =>
      wb.edit(TECH, REGISTER, rowOf(wb, ids.toComplete), wb.registerColumn('Status'), [['Completed']]),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toComplete },
      { to: REQUESTOR, id: ids.toComplete },
    ],
    records: (ids) => [ids.toComplete],
  },
  'My work step (complete)': {
    run: (wb, ids) =>
      wb.call(TECH, 'myWorkAct', {
        action: 'complete',
        id: ids.toCompleteMyWork,
        revision: wb.order(ids.toCompleteMyWork).revision,
        results: 'Door closes again',
        actionsTaken: 'Hinge replaced',
      }),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toCompleteMyWork },
      { to: REQUESTOR, id: ids.toCompleteMyWork },
    ],
    records: (ids) => [ids.toCompleteMyWork],
  },
  // On Hold owes the requestor and the supervisors an email each.
  'update form (hold)': {
    run: (wb, ids) =>
      wb.rt.submitForm(updateFormId(wb), {
        respondentEmail: TECH,
        answers: {
          [updateQuestion('order').title]: ids.toHold,
          [updateQuestion('step').title]: STEP_CHOICES.hold,
          [updateQuestion('reason').title]: 'Waiting for a part',
        },
      }),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toHold },
      { to: REQUESTOR, id: ids.toHold },
    ],
    records: (ids) => [ids.toHold],
  },
  paste: {
    run: (wb, ids) => {
      const rows = [rowOf(wb, ids.assigned), rowOf(wb, ids.assigned2)].sort((a, b) => a - b);
      if (rows[1]! - rows[0]! !== 1) throw new Error('paste scenario needs adjacent rows');
      return wb.edit(TECH, REGISTER, rows[0]!, wb.registerColumn('Progress Notes'), [
        ['Pasted 1'],
        ['Pasted 2'],
      ]);
    },
    mailOnLanding: () => [],
    records: (ids) => [ids.assigned, ids.assigned2],
  },
  'hourly job': {
    run: (wb) => runHourly(wb, 2 * HOUR),
    creates: 'Missed',
    // The acknowledgment of an order the hourly job ingested is sent by reconciliation after the
    // ingest, with no intent recorded (the job has no document properties): a failure in between
    // loses it. Checked apart below, as a known gap.
    mailOnLanding: () => [],
    records: (ids) => (ids.created ? [ids.created] : []),
  },
  archive: {
    run: (wb) => wb.menu(ADMIN, 'archiveClosedWorkOrders'),
    mailOnLanding: () => [],
    records: (ids) => [ids.closedOld],
  },
};

function updateFormId(wb: TestWorkbook): string {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update');
  if (!form) throw new Error('setup made no update form');
  return form.id;
}
