/**
 * Reminders and escalations are decided from register cells (Status, Due…) that any technician's
 * script can write where no edit trigger judges them: Due written a month on, or Status written
 * Closed, silenced every reminder and the supervisors' escalation of an order past its due date.
 * Through dist/Code.js.
 *
 * What now happens: the hourly job compares each open order's cells with the add-on's sealed record
 * of the row and decides from the record where they differ; the emails show the recorded Due; the
 * administrators are told which order read otherwise, to run Verify audit log. An order that was the
 * first open one when its Status was written Closed is still found (the job remembers it).
 */
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { HOUR, mailTo, runHourly, setSetting, startAtLocalHour } from '../../support/ops';

let wb: TestWorkbook;

/** Someone's script writes a register cell: no edit trigger runs. */
function writeOutside(id: string, header: string, value: string | Date): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

/** Hourly runs over `days` days. */
async function hourlyFor(days: number): Promise<void> {
  for (let i = 0; i < days * 4; i++) expectOk((await runHourly(wb, 6 * HOUR))[0]!);
}

const reminders = (to: string, id: string) =>
  mailTo(wb, to)
    .filter((m) => m.subject.includes(wb.order(id).woNumber))
    .map((m) => m.subject)
    .filter((subject) => /Due soon|Overdue|Escalation/.test(subject));

const toldAdmins = (id: string) =>
  mailTo(wb, ADMIN)
    .map((m) => m.body)
    .filter((body) => body.includes(id) && /read otherwise than Work Orders recorded/.test(body));

beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  setSetting(wb, 'reminderHoursBeforeDue', 24);
  setSetting(wb, 'escalateAfterOverdueHours', 24);
  setSetting(wb, 'notifyRequestor', false);
}, 60_000);
afterEach(() => wb.close());

test('a Due written a month on by script: the order is still reminded and escalated, by its recorded Due', async () => {
  const earlier = await assignedOrder(wb, TECH2);
  const forged = await assignedOrder(wb, TECH);
  const recordedDue = wb.order(forged).due!;
  writeOutside(forged, 'Due', new Date(recordedDue.getTime() + 30 * 24 * HOUR));
  await hourlyFor(10);
  expect(reminders(TECH, forged)).toEqual([
    expect.stringMatching(/Due soon/),
    expect.stringMatching(/Overdue/),
  ]);
  expect(reminders(SUPERVISOR, forged)).toEqual([expect.stringMatching(/Escalation/)]);
  expect(reminders(TECH2, earlier)).toHaveLength(2);
  expect(toldAdmins(forged).length).toBeGreaterThan(0);
}, 120_000);

test('a Status written Closed by script on the first open order: still reminded and escalated', async () => {
  const forged = await assignedOrder(wb, TECH);
  const later = await assignedOrder(wb, TECH2);
  // One run while the cells are true: the job records which order is the first open one.
  expectOk((await runHourly(wb, HOUR))[0]!);
  writeOutside(forged, 'Status', 'Closed');
  await hourlyFor(10);
  expect(reminders(TECH, forged)).toEqual([
    expect.stringMatching(/Due soon/),
    expect.stringMatching(/Overdue/),
  ]);
  expect(reminders(SUPERVISOR, forged)).toEqual([expect.stringMatching(/Escalation/)]);
  expect(reminders(TECH2, later)).toHaveLength(2);
  expect(toldAdmins(forged).length).toBeGreaterThan(0);
}, 120_000);

test('orders whose cells agree with their record are not reported', async () => {
  const honest = await assignedOrder(wb, TECH);
  await hourlyFor(10);
  expect(reminders(TECH, honest)).toHaveLength(2);
  expect(
    mailTo(wb, ADMIN).filter((m) => /read otherwise than Work Orders recorded/.test(m.body)),
  ).toHaveLength(0);
}, 120_000);

test("the supervisors' daily digest counts an open order whose Status a script wrote Closed", async () => {
  const forged = await assignedOrder(wb, TECH);
  expectOk((await runHourly(wb, HOUR))[0]!);
  writeOutside(forged, 'Status', 'Closed');
  setSetting(wb, 'dailyDigest', true);
  setSetting(wb, 'digestHour', 0);
  expectOk((await runHourly(wb, HOUR))[0]!);
  const digests = mailTo(wb, SUPERVISOR).filter((m) => /Daily digest/.test(m.subject));
  expect(digests).toHaveLength(1);
  // Counted among the open work, as it is (not yet due, it needs nobody's attention today).
  expect(digests[0]!.subject).toMatch(/Daily digest: 1 open/);
  expect(digests[0]!.body).toContain('1 work orders are open');
}, 120_000);
