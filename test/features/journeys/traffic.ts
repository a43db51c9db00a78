/**
 * A working day's traffic in the six-week journey (weeks.test.ts): what the supervisors, technicians
 * and requestors do, each through the entry point their sidebar, form or sheet edit calls.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { REGISTER } from '../../support/edits';
import { expectOk } from '../../support/workbook';
import {
  TECHS,
  act,
  dayKey,
  myWorkView,
  ok,
  reviewView,
  stepOn,
  tracked,
  wb,
  type Reply,
  type Tracked,
} from './world';

/** Supervisor decisions on every request waiting for one. */
export async function decide(sup: string, n: number): Promise<void> {
  for (const [i, item] of (await reviewView(sup)).submitted.items.entries()) {
    const id = item.id;
    const t = tracked.get(id) as Tracked;
    if (t.asked && !t.replied) continue;
    const tech = TECHS[(n + i) % TECHS.length] as string;
    if (t.emergency) {
      await act('reviewAct', sup, item, {
        action: 'approveAssign',
        category: 'Plumbing',
        priority: 'P1 Emergency',
        assignee: tech,
      });
    } else if (!t.asked && (n + i) % 5 === 2) {
      await act('reviewAct', sup, item, { action: 'clarify', question: 'Which room exactly?' });
      t.asked = true;
    } else if ((n + i) % 11 === 7) {
      await act('reviewAct', sup, item, { action: 'reject', reason: 'Not our building' });
    } else {
      await act('reviewAct', sup, item, {
        action: 'approveAssign',
        category: 'Electrical',
        priority: 'P3 Routine',
        assignee: tech,
      });
    }
  }
}

export async function replies(): Promise<void> {
  const formId = wb.rt.world.properties.document(wb.ssId).get('wo.replyForm.id');
  if (!formId) throw new Error('no reply form');
  for (const [id, t] of tracked) {
    if (!t.asked || t.replied) continue;
    const outcome = await wb.rt.submitForm(formId, {
      respondentEmail: t.requestor,
      answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: 'Room 12' },
    });
    outcome.executions.forEach(expectOk);
    t.replied = true;
    stepOn(id);
  }
}

export async function technicianSteps(day: Date, weekday: number): Promise<void> {
  for (const tech of TECHS) {
    for (const card of (await myWorkView(tech)).open.filter((c) => c.status === 'Assigned')) {
      if (tech === TECHS[1] && weekday === 2) await typeStatus(tech, card.id, 'In Progress');
      else await act('myWorkAct', tech, card, { action: 'start' });
      (tracked.get(card.id) as Tracked).startedOn = dayKey(day);
    }
    if (weekday === 3) {
      const card = (await myWorkView(tech)).open.find((c) => c.status === 'In Progress');
      if (card) await act('myWorkAct', tech, card, { action: 'hold', reason: 'Waiting for parts' });
    }
    if (weekday === 4)
      for (const card of (await myWorkView(tech)).open.filter((c) => c.status === 'On Hold'))
        await act('myWorkAct', tech, card, { action: 'resume' });
  }
}

export async function completions(day: Date): Promise<void> {
  for (const tech of TECHS)
    for (const card of (await myWorkView(tech)).open.filter((c) => c.status === 'In Progress')) {
      if ((tracked.get(card.id) as Tracked).startedOn === dayKey(day)) continue;
      if (tech === TECHS[2]) await phoneComplete(tech, card.id);
      else
        await act('myWorkAct', tech, card, { action: 'complete', results: 'Done', actionsTaken: 'Repaired' });
    }
}

/** Tom works from his phone: he completes through the update form, as its link prefills it. */
export async function phoneComplete(tech: string, id: string): Promise<void> {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update');
  if (!form) throw new Error('no update form');
  const before = wb.order(id).revision;
  const outcome = await wb.rt.submitForm(form.id, {
    respondentEmail: tech,
    answers: {
      [updateQuestion('order').title]: id,
      [updateQuestion('step').title]: STEP_CHOICES.complete,
      [updateQuestion('results').title]: 'Done',
      [updateQuestion('actionsTaken').title]: 'Repaired',
    },
  });
  outcome.executions.forEach(expectOk);
  expect({ id, status: wb.order(id).status, moved: wb.order(id).revision > before }).toEqual({
    id,
    status: 'Completed',
    moved: true,
  });
  stepOn(id);
  (tracked.get(id) as Tracked).events.completed = wb.rt.world.clock.now();
}

/** Completed work closed; on Thursdays the first is sent back to be finished. */
export async function closures(sup: string, weekday: number): Promise<void> {
  for (const [i, item] of (await reviewView(sup)).completed.items.entries())
    if (weekday === 4 && i === 0)
      await act('reviewAct', sup, item, { action: 'return', reason: 'The cover is still off' });
    else await act('reviewAct', sup, item, { action: 'close' });
}

/**
 * Amendments to work under way: Mondays a reassignment, Fridays a priority raised, every other
 * Tuesday a cancellation.
 */
export async function amendments(sup: string, weekday: number, week: number): Promise<void> {
  const working = (await reviewView(sup)).working.items.filter((i) => i.status !== 'On Hold');
  const item = working[working.length - 1];
  if (!item) return;
  const order = wb.order(item.id);
  if (weekday === 1) {
    const next = TECHS[(TECHS.indexOf(order.assignee) + 1) % TECHS.length] as string;
    await act('reviewAct', sup, item, { action: 'reassign', assignee: next });
  }
  if (weekday === 5 && order.priority === 'P3 Routine')
    await act('reviewAct', sup, item, {
      action: 'reprioritize',
      priority: 'P2 Urgent',
      reason: 'The tenant is moving in',
    });
  if (weekday === 2 && week % 2 === 1) {
    await act('reviewAct', sup, item, { action: 'cancel', reason: 'Done by the landlord' });
    (tracked.get(item.id) as Tracked).events.rejected = wb.rt.world.clock.now();
  }
}

/** Each technician records an hour and a half on one of their orders in progress. */
export async function timeRecords(day: Date): Promise<void> {
  for (const tech of TECHS) {
    const card = (await myWorkView(tech)).open.find((c) => c.status === 'In Progress');
    if (!card) continue;
    const reply = expectOk(
      await wb.call(tech, 'myWorkRecord', { kind: 'time', id: card.id, date: dayKey(day), hours: 1.5 }),
    ).value as Reply;
    ok(reply, `time on ${card.id}`);
  }
}

/** A technician types a step into the Status cell of their own order (the edit trigger judges it). */
async function typeStatus(tech: string, id: string, status: string): Promise<void> {
  const row = wb.register().find((r) => r.order.id === id)?.row as number;
  const out = await wb.edit(tech, REGISTER, row, wb.registerColumn('Status'), [[status]]);
  out.executions.forEach(expectOk);
  expect({ id, status: wb.order(id).status }).toEqual({ id, status });
  stepOn(id);
}

/** A technician types a progress note on an order of their own (an accepted register edit). */
export async function registerNote(): Promise<void> {
  const found = wb.register().find((r) => r.order.status === 'In Progress');
  if (!found) throw new Error('no order in progress to note');
  const out = await wb.edit(found.order.assignee, REGISTER, found.row, wb.registerColumn('Progress Notes'), [
    ['Checked the wiring'],
  ]);
  out.executions.forEach(expectOk);
  expect(wb.order(found.order.id).notes).toBe('Checked the wiring');
  stepOn(found.order.id);
}

/** A technician pastes notes over two orders that are not theirs: put back, with notes saying why. */
export async function refusedPaste(): Promise<void> {
  const theirs = wb.register().filter((r) => r.order.assignee !== TECHS[0]);
  const rows = theirs.map((r) => r.row).sort((a, b) => a - b);
  const top = rows.find((r, i) => rows[i + 1] === r + 1);
  if (top === undefined) throw new Error('no two consecutive rows of other technicians to paste over');
  const before = [top, top + 1].map((r) =>
    wb.sheet(REGISTER).valueAt(r, wb.registerColumn('Progress Notes')),
  );
  const out = await wb.edit(TECHS[0] as string, REGISTER, top, wb.registerColumn('Progress Notes'), [
    ['Not mine 1'],
    ['Not mine 2'],
  ]);
  out.executions.forEach(expectOk);
  const after = [top, top + 1].map((r) => wb.sheet(REGISTER).valueAt(r, wb.registerColumn('Progress Notes')));
  expect(after).toEqual(before);
}
