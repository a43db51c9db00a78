/**
 * The hourly job emails an order's assignee (due soon, overdue) and its requestor (delayed) as the
 * installation owner, with the order's details; the assignee's email carries the register's link. Both
 * addresses are register cells that any editor's script can write where no edit trigger judges them,
 * so a technician could have the job mail an outsider about any order nearing its due date. Through
 * dist/Code.js.
 *
 * What now happens: a reminder goes to an assignee only when the Staff tab lists them as active staff
 * who may be assigned work (the Staff tab only administrators can write), and the requestor's "delayed"
 * email only when the Requester Email cell agrees with the add-on's record of the row. A withheld email
 * is named to the administrators, who can run Verify audit log to put the cell back.
 */
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
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
import { HOUR, mailTo, runHourly, setSetting, startAtLocalHour } from '../../support/ops';

const OUTSIDER = 'mallory@elsewhere.example';
let wb: TestWorkbook;

/** Someone's script writes a register cell: no edit trigger runs. */
function writeOutside(id: string, header: string, value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

/** Hourly runs over `days` days. */
async function hourlyFor(days: number): Promise<void> {
  for (let i = 0; i < days * 4; i++) expectOk((await runHourly(wb, 6 * HOUR))[0]!);
}

const about = (address: string, id: string) =>
  mailTo(wb, address).filter((m) => m.subject.includes(id) || m.body.includes(id));

beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  setSetting(wb, 'reminderHoursBeforeDue', 24);
  setSetting(wb, 'escalateAfterOverdueHours', 24);
}, 60_000);
afterEach(() => wb.close());

test("an Assignee written by script as an outsider's address: no reminder goes to the outsider; the administrators are told", async () => {
  setSetting(wb, 'notifyRequestor', false);
  const forged = await assignedOrder(wb, TECH);
  const honest = await assignedOrder(wb, TECH2);
  writeOutside(forged, 'Assignee', OUTSIDER);
  await hourlyFor(14);
  expect(mailTo(wb, OUTSIDER)).toHaveLength(0);
  // The order nobody forged is reminded as ever; the forged one's reminders go to the supervisors, as for
  // an assignee who left the Staff tab, and it still escalates.
  const reminders = (to: string, id: string) =>
    about(to, wb.order(id).woNumber)
      .map((m) => m.subject)
      .filter((subject) => /Due soon|Overdue|Escalation/.test(subject));
  expect(reminders(TECH2, honest)).toEqual([
    expect.stringMatching(/Due soon/),
    expect.stringMatching(/Overdue/),
  ]);
  expect(reminders(SUPERVISOR, forged)).toEqual([
    expect.stringMatching(/Due soon/),
    expect.stringMatching(/Overdue/),
    expect.stringMatching(/Escalation/),
  ]);
  const told = mailTo(wb, ADMIN).filter((m) => m.body.includes(wb.order(forged).woNumber));
  expect(told.map((m) => m.body).join('\n')).toMatch(/not active staff|changed outside Work Orders/);
}, 120_000);

test('a Requester Email written by script: the "delayed" email does not go to it; the assignee is still reminded; the administrators are told', async () => {
  const forged = await assignedOrder(wb, TECH);
  writeOutside(forged, 'Requester Email', OUTSIDER);
  await hourlyFor(14);
  expect(mailTo(wb, OUTSIDER)).toHaveLength(0);
  // The reminders to the assignee (staff) still go.
  expect(about(TECH, wb.order(forged).woNumber).length).toBeGreaterThan(0);
  const told = mailTo(wb, ADMIN).filter((m) => m.body.includes(wb.order(forged).woNumber));
  expect(told.map((m) => m.body).join('\n')).toMatch(/Requester Email was changed outside Work Orders/);
}, 120_000);

test('negative control: an honest order past its due date: the requestor hears it is delayed, once', async () => {
  const id = await assignedOrder(wb, TECH);
  await hourlyFor(14);
  const delayed = about(REQUESTOR, wb.order(id).woNumber).filter((m) => /Delayed/.test(m.subject));
  expect(delayed).toHaveLength(1);
}, 120_000);
