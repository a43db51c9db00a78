/**
 * A technician taken off the Staff tab (Active FALSE) while work is still assigned to them, through
 * dist/Code.js: the hourly reminders of that work (due soon, overdue) go to the supervisors, naming
 * the former assignee and asking for a reassignment, instead of to someone who can no longer act on it
 * (My work refuses them, the sheet's protection no longer lets them type); the escalation says so too.
 * Work of a technician still active is reminded to them as before. Reassigned, the work is no news to
 * send the one who left.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { patchOrderAsAddOn } from '../../support/audit';
import { assignedOrder, sidebarAct } from '../../support/edits';
import { HOUR, now, runHourly, startAtLocalHour } from '../../support/ops';
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

let wb: TestWorkbook;
let left: string;
let stays: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  left = await assignedOrder(wb, TECH, { description: 'Replace the lobby door closer' });
  stays = await assignedOrder(wb, TECH2, { description: 'Fix the sink in room 4' });
  // Both due in 3 hours (a supervisor's new date, logged as the add-on would).
  for (const id of [left, stays]) patchOrderAsAddOn(wb, id, { due: new Date(now(wb).getTime() + 3 * HOUR) });
  // Tina leaves: the administrator sets her Active to FALSE.
  const row = wb.values(SHEET_NAMES.staff).findIndex((r) => r[0] === TECH) + 1;
  (await wb.edit(ADMIN, SHEET_NAMES.staff, row, 4, [['FALSE']])).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const about = (to: string, id: string, kind: RegExp) =>
  wb.rt.world.mail
    .receivedBy(to)
    .filter((m) => m.subject.includes(wb.order(id).woNumber) && kind.test(m.subject));

const GONE =
  /Its assignee, Tina Tech \(tina\.tech@example\.com\), can no longer be given work \(not active as a Technician, Supervisor or Administrator on the Staff tab\): reassign it in Review & assign\./;

test('due soon: the supervisors are told, with the former assignee named; she is not emailed', async () => {
  await runHourly(wb);
  expect(about(TECH, left, / Due soon: /)).toHaveLength(0);
  const told = about(SUPERVISOR, left, / Due soon: /);
  expect(told).toHaveLength(1);
  expect(told[0]!.body).toMatch(GONE);
  // The technician still on the team is reminded as before, and the supervisors are not.
  expect(about(TECH2, stays, / Due soon: /)).toHaveLength(1);
  expect(about(TECH2, stays, / Due soon: /)[0]!.body).not.toMatch(/can no longer be given work/);
  expect(about(SUPERVISOR, stays, / Due soon: /)).toHaveLength(0);
});

test('overdue and escalated: to the supervisors, saying so; the requestor hears of the delay as usual', async () => {
  await runHourly(wb, 4 * HOUR);
  expect(about(TECH, left, /Overdue/)).toHaveLength(0);
  const overdue = about(SUPERVISOR, left, / Overdue: /);
  expect(overdue).toHaveLength(1);
  expect(overdue[0]!.body).toMatch(GONE);
  expect(about(REQUESTOR, left, / Delayed: /)).toHaveLength(1);
  expect(about(TECH2, stays, / Overdue: /)).toHaveLength(1);

  await runHourly(wb, 24 * HOUR);
  const escalated = about(SUPERVISOR, left, / Escalation: overdue: /);
  expect(escalated).toHaveLength(1);
  expect(escalated[0]!.body).toMatch(GONE);
  expect(about(SUPERVISOR, stays, / Escalation: overdue: /)[0]!.body).toContain(`Assignee: ${TECH2}`);
  expect(about(TECH, left, /./)).toHaveLength(1); // only the assignment, from before she left
});

test('reassigned to someone on the team: the new technician is told, the one who left is not', async () => {
  await sidebarAct(wb, { action: 'reassign', id: left, revision: wb.order(left).revision, assignee: TECH2 });
  expect(wb.order(left).assignee).toBe(TECH2);
  expect(about(TECH2, left, / Assigned to you: /)).toHaveLength(1);
  expect(about(TECH, left, / Reassigned: /)).toHaveLength(0);
});
