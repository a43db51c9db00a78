/**
 * Reconciliation takes in the form responses no form-submit execution recorded (the trigger failed,
 * was missing, or never fired). Before it does, it asks the register whether a row already names the
 * response (its Response Row, "Form Responses 1!A7") or holds its content: a response so named is
 * settled as recorded and never taken in. Those are cells any editor's script can write where no edit
 * trigger judges them, so a technician could have a missed request dropped for good by writing its
 * position into their own order's Response Row. Through dist/Code.js: only rows that agree with the
 * add-on's record of them speak for a response.
 */
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { REQUESTOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { runHourly, startAtLocalHour } from '../../support/ops';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
}, 60_000);
afterEach(() => wb.close());

/** A respondent submits while no form-submit trigger runs. */
function submitUnnoticed(description: string) {
  return wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: REQUESTOR,
    answers: wb.answers({ description }),
  });
}

function writeOutside(id: string, header: string, value: unknown): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as string]]);
}

const descriptions = (): string[] => wb.register().map((r) => r.order.description);

test('a Response Row written by script to name a missed response: the response is still taken in', async () => {
  const own = await assignedOrder(wb, TECH);
  const missed = submitUnnoticed('Gas smell near the boiler room');
  writeOutside(own, 'Response Row', `${missed.sheetName}!A${missed.row}`);
  expectOk((await runHourly(wb))[0]!);
  expect(descriptions()).toContain('Gas smell near the boiler room');
}, 60_000);

test("a row's requester, description and time written by script to match a missed response: it is still taken in", async () => {
  const own = await assignedOrder(wb, TECH);
  const missed = submitUnnoticed('Water leaking through the ceiling');
  writeOutside(own, 'Requester Email', REQUESTOR);
  writeOutside(own, 'Description', 'Water leaking through the ceiling');
  writeOutside(own, 'Requested At', missed.timestamp);
  expectOk((await runHourly(wb))[0]!);
  expect(descriptions().filter((d) => d === 'Water leaking through the ceiling')).toHaveLength(2);
}, 60_000);

test('negative control: a missed response the register already holds (as the add-on wrote it) is not taken in twice', async () => {
  submitUnnoticed('Door closer broken');
  expectOk((await runHourly(wb))[0]!);
  expect(descriptions().filter((d) => d === 'Door closer broken')).toHaveLength(1);
  expectOk((await runHourly(wb))[0]!);
  expect(descriptions().filter((d) => d === 'Door closer broken')).toHaveLength(1);
}, 60_000);
