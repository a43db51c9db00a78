/**
 * What Verify audit log finds in an order's logged history, beyond its cells: a field written outside
 * the add-on and then changed through it (the cell ends as the log says, but the next line's old
 * value is not what the log last gave the field), a technician's step taken by someone the log did
 * not have as the order's assignee (the Assignee cell swapped by a script for the step and back), and
 * register rows the log cannot account for (an id on two rows, an id the log never created). None is a
 * value to put back: each is said in words, and putting values back leaves them alone. Honest work
 * (a supervisor working a technician's order from My work, a reassignment, a requestor's reply
 * followed by a note) verifies clean.
 */
import { SHEET_NAMES, STATUSES } from '../../../src/core/model';
import { formatLocalDate, isoDate, localParts } from '../../../src/core/time';
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { REGISTER, assignedOrder, rowOf, sidebarAct, submitOne } from '../../support/edits';
import { now, runHourly, startAtLocalHour } from '../../support/ops';
import { beforeSeals, unsealed } from '../../support/row-state';
import { scheduleRow } from '../../support/schedules';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

interface Verified {
  ok: boolean;
  message: string;
  register?: { id: string; field: string; note?: string; logRow: number }[];
  putBack?: { orders: string[] };
}

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

/** Verify audit log as an administrator, answering `putBack` if asked to put values back. */
async function verify(putBack: 'YES' | 'NO' = 'NO'): Promise<Verified & { asked: boolean }> {
  let asked = false;
  wb.rt.world.ui.responder = (q) => {
    if (q.buttons !== 'YES_NO') return { button: 'OK', text: '' };
    asked = true;
    return { button: putBack };
  };
  const result = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verified;
  return { ...result, asked };
}

/** A register cell written as another project's script would: no trigger sees it. */
function writeOutside(id: string, header: string, value: string, row = rowOf(wb, id)): void {
  wb.sheet(REGISTER).writeValues(row, wb.registerColumn(header), [[value]]);
}
const stateOf = (id: string) =>
  String(wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn('Last Known State')));

async function myWork(user: string, id: string, request: Record<string, unknown>) {
  const r = expectOk(await wb.call(user, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }));
  const value = r.value as { ok: boolean; message?: string };
  expect(value).toMatchObject({ ok: true });
}

/** The Change Log's sheet row of the last row of `id` whose changes include `text`. */
function logRowOf(id: string, text: string): number {
  const rows = wb.changeLog();
  for (let i = rows.length - 1; i >= 0; i--)
    if (rows[i]?.[3] === id && String(rows[i]?.[4]).includes(text)) return i + 2;
  throw new Error(`no log row of ${id} with ${text}`);
}

test('a Closed order reopened by a script and completed again from My work: the Status history break is named with both log rows', async () => {
  const id = await assignedOrder(wb, TECH);
  await myWork(TECH, id, { action: 'start' });
  await myWork(TECH, id, { action: 'complete', results: 'Bulb replaced', actionsTaken: 'Replaced' });
  await sidebarAct(wb, { action: 'close', id, revision: wb.order(id).revision });
  expect((await verify()).ok).toBe(true);
  // The Status cell and the record's status slot (an index into STATUSES, at the end of slot 3).
  const state = stateOf(id).split('|');
  const closed = String(STATUSES.indexOf('Closed'));
  state[3] = `${state[3]!.slice(0, -closed.length)}${STATUSES.indexOf('In Progress')}`;
  writeOutside(id, 'Status', 'In Progress');
  beforeSeals(wb);
  writeOutside(id, 'Last Known State', unsealed(state.join('|')));
  await myWork(TECH, id, { action: 'complete', results: 'Nothing was wrong', actionsTaken: 'None' });

  const verdict = await verify('YES');
  expect(verdict.ok).toBe(false);
  const closedRow = logRowOf(id, 'Status: Completed → Closed');
  const againRow = logRowOf(id, 'Status: In Progress → Completed');
  expect(verdict.message).toContain(
    `the change log gave its Status "Closed" at Change Log row ${closedRow}, but its next Status line (Change Log row ${againRow}) changes it from "In Progress"`,
  );
  expect(verdict.message).toContain(id);
  // Not a value to put back: nothing is offered, nothing logged as put back.
  expect(verdict.asked).toBe(false);
  expect(wb.changeLog().some((r) => String(r[4]).includes('(put back)'))).toBe(false);
}, 120_000);

test('a step from My work by a technician the log did not have as the assignee (Assignee swapped by a script and back) is reported', async () => {
  const id = await assignedOrder(wb, TECH);
  // The record rewritten with the cell (it keeps the Assignee whole): a cell written alone is refused
  // by My work itself (test/features/security/forged-cells-actions.test.ts), and so is a record
  // without the add-on's seal once setup has sealed every row (forged-record.test.ts): before then.
  beforeSeals(wb);
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, 'Last Known State', unsealed(stateOf(id).split(TECH).join(TECH2)));
  await myWork(TECH2, id, { action: 'start' });
  writeOutside(id, 'Assignee', TECH);
  writeOutside(id, 'Last Known State', unsealed(stateOf(id).split(TECH2).join(TECH)));

  const verdict = await verify();
  expect(verdict.ok).toBe(false);
  const assignedRow = logRowOf(id, `Assignee: "" → ${TECH}`);
  expect(verdict.message).toContain(
    `Change Log row ${logRowOf(id, 'Status: Assigned → In Progress')} has ${TECH2} take it from Assigned to In Progress, ` +
      `but the change log has ${id} assigned to ${TECH} then (Change Log row ${assignedRow})`,
  );
  expect(verdict.asked).toBe(false);
}, 120_000);

test('time recorded from My work by a technician the log did not have as the assignee (Assignee swapped by a script and back) is reported', async () => {
  const id = await assignedOrder(wb, TECH);
  await myWork(TECH, id, { action: 'start' });
  const date = formatLocalDate(now(wb), wb.model.timeZone);
  // Refused outright: only the assignee or a supervisor records on an order.
  const direct = expectOk(await wb.call(TECH2, 'myWorkRecord', { kind: 'time', id, date, hours: 7 }));
  expect(direct.value).toMatchObject({ ok: false });
  beforeSeals(wb);
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, 'Last Known State', unsealed(stateOf(id).split(TECH).join(TECH2)));
  const swapped = expectOk(await wb.call(TECH2, 'myWorkRecord', { kind: 'time', id, date, hours: 7 }));
  expect(swapped.value).toMatchObject({ ok: true });
  writeOutside(id, 'Assignee', TECH);
  writeOutside(id, 'Last Known State', unsealed(stateOf(id).split(TECH2).join(TECH)));

  const verdict = await verify();
  expect(verdict.ok).toBe(false);
  expect(verdict.message).toContain(
    `Change Log row ${logRowOf(id, 'Time Seal')} has ${TECH2} record a Time row on it, ` +
      `but the change log has ${id} assigned to ${TECH} then (Change Log row ${logRowOf(id, `Assignee: "" → ${TECH}`)})`,
  );
  // The assignee's own time and a supervisor's verify clean.
  expectOk(await wb.call(TECH, 'myWorkRecord', { kind: 'time', id, date, hours: 1 }));
  expectOk(
    await wb.call(SUPERVISOR, 'myWorkRecord', { kind: 'part', id, part: 'Fuse', quantity: 1, unitCost: 2 }),
  );
  expect((await verify()).message.match(/record a (Time|Parts Used) row/g)).toHaveLength(1);
}, 120_000);

test('honest work verifies clean: a supervisor working a technician order from My work, a reassignment, a reply then a note', async () => {
  const first = await assignedOrder(wb, TECH);
  await myWork(SUPERVISOR, first, { action: 'start' });
  await myWork(SUPERVISOR, first, { action: 'hold', reason: 'Waiting for parts' });
  await myWork(TECH, first, { action: 'resume' });

  const second = await assignedOrder(wb, TECH);
  await sidebarAct(wb, {
    action: 'reassign',
    id: second,
    revision: wb.order(second).revision,
    assignee: TECH2,
  });
  await myWork(TECH2, second, { action: 'start', note: 'On my way' });
  await sidebarAct(wb, {
    action: 'clarify',
    id: second,
    revision: wb.order(second).revision,
    question: 'Which floor?',
  });
  const replyForm = wb.rt.world.properties.document(wb.ssId).get('wo.replyForm.id');
  const outcome = await wb.rt.submitForm(String(replyForm), {
    respondentEmail: REQUESTOR,
    answers: { [REPLY_QUESTIONS.requestId.title]: second, [REPLY_QUESTIONS.answer.title]: 'The second' },
  });
  outcome.executions.forEach(expectOk);
  expect(wb.order(second).notes).toContain('The second');
  await myWork(TECH2, second, { action: 'note', note: 'Found it on floor 2' });
  await myWork(TECH2, second, { action: 'complete', results: 'Fixed', actionsTaken: 'Replaced the switch' });

  const verdict = await verify();
  expect(verdict.message).toMatch(/^Audit log OK/);
}, 120_000);

test('a made-up order row and a copied row are reported by row, and putting values back leaves them alone', async () => {
  const id = await assignedOrder(wb, TECH);
  const sheet = wb.sheet(REGISTER);
  const row = rowOf(wb, id);
  const width = sheet.lastColumn();
  const cells = sheet.readValues(row, 1, 1, width)[0]!.map((v) => v as string);
  // A copy of the row under it, and a made-up order (another id) under that.
  sheet.writeValues(row + 1, 1, [cells]);
  const madeUp = [...cells];
  madeUp[wb.registerColumn('Request ID') - 1] = 'REQ-000777';
  madeUp[wb.registerColumn('Last Known State') - 1] = '';
  sheet.writeValues(row + 2, 1, [madeUp]);
  // A value written outside the add-on on the real row, so that putting values back is offered.
  writeOutside(id, 'Priority', 'P1 Emergency', row);

  const verdict = await verify('YES');
  expect(verdict.ok).toBe(false);
  expect(verdict.message).toContain(`• Row ${row + 1}, ${id}: ${id} is also on row ${row}`);
  expect(verdict.message).toContain(
    `• Row ${row + 2}, REQ-000777: no line of the change log names REQ-000777`,
  );
  expect(verdict.asked).toBe(true);
  expect(verdict.putBack?.orders).toEqual([id]);
  // Neither the copy nor the made-up row was touched or given a history.
  expect(sheet.readValues(row + 1, 1, 1, width)[0]).toEqual(cells);
  expect(wb.changeLog().some((r) => r[3] === 'REQ-000777')).toBe(false);
  expect(wb.changeLog().filter((r) => String(r[4]).includes('(put back)'))).toHaveLength(1);
}, 120_000);

test('an order a schedule made, whose log rows still wait in the hourly job hand-off, is not reported as never created', async () => {
  await submitOne(wb);
  startAtLocalHour(wb, 9);
  const p = localParts(now(wb), wb.model.timeZone);
  const today = isoDate({ year: p.year, month: p.month, day: p.day });
  const row = scheduleRow({
    id: 'PM-1',
    task: 'Mow the lawn',
    location: 'Grounds',
    category: 'Grounds',
    nextDue: today,
  });
  (await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [row])).executions.forEach(expectOk);
  await runHourly(wb);
  const made = wb.register().find((r) => r.order.responseRef.startsWith('Schedule PM-1'));
  expect(made).toBeDefined();
  // Its log rows are handed off: the next execution in the document appends them.
  expect(wb.changeLog().some((r) => r[3] === made?.order.id)).toBe(false);
  const verdict = await verify();
  expect(verdict.message).not.toContain('no line of the change log names');
}, 120_000);
