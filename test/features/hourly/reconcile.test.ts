/**
 * Reconciliation. A form response whose form-submit execution never ran is ingested by the
 * hourly job, with the response's own timestamp, and acknowledged; a lost ledger, a replayed run or the
 * copies Google writes when the form is linked again never make a second row.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { ADMIN, REQUESTOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, mailTo, ownerState, rowsOf, runHourly, startAtLocalHour, submitMany } from '../../support/ops';

/** A respondent submits while no form-submit trigger runs (missing, failed, or never fired). */
function submitUnnoticed(wb: TestWorkbook, description: string, respondent = REQUESTOR) {
  return wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: respondent,
    answers: wb.answers({ description }),
  });
}

describe('a response no trigger recorded', () => {
  let wb: TestWorkbook;
  let missed: ReturnType<typeof submitUnnoticed>;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startAtLocalHour(wb, 9);
    await submitMany(wb, 2);
    missed = submitUnnoticed(wb, 'Broken window in the annex');
    await submitMany(wb, 1, () => 'Submitted after the missed one');
  });
  afterAll(() => wb.close());

  test('is not in the register before the hourly run', () => {
    expect(wb.register().map((r) => r.order.description)).not.toContain('Broken window in the annex');
  });

  test('is ingested by the next hourly run, requested at its own timestamp, and acknowledged', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    const rows = wb.register();
    expect(rows).toHaveLength(4);
    const order = rows.find((r) => r.order.description === 'Broken window in the annex')!.order;
    expect(order.id).toBe('REQ-000004');
    expect(order.responseRef).toBe(`${missed.sheetName}!A${missed.row}`);
    expect(order.requestedAt?.getTime()).toBe(missed.timestamp.getTime());
    expect(order.status).toBe('Submitted');
    expect(
      mailTo(wb, REQUESTOR).filter((m) => m.subject.startsWith('[REQ-000004] Request received')),
    ).toHaveLength(1);
    // The hourly job has no document lock to append under: its log row is handed off to the owner's
    // next execution in the document (here an edit), which appends it under the lock.
    const created = () =>
      wb.changeLogEntries().filter((e) => e.recordId === 'REQ-000004' && e.field === 'Created');
    expect(created()).toHaveLength(0);
    // An administrator adds a category (an accepted Settings change, so the edit appends a log row).
    const settings = wb.sheet(SHEET_NAMES.settings);
    let free = 2;
    while (String(settings.valueAt(free, 1) ?? '') !== '') free++;
    await wb.edit(ADMIN, SHEET_NAMES.settings, free, 1, [['Roofing']]);
    expect(created()).toHaveLength(1);
    expect(verifyLog(wb)).toMatchObject({ ok: true });
  });

  test('the repair is visible: an Errors row and one email to the administrators', () => {
    const errors = rowsOf(wb, SHEET_NAMES.errors);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]!.Message)).toMatch(/Reconciliation recorded 1 form response.*REQ-000004/);
    expect(mailTo(wb, ADMIN).filter((m) => /repaired/.test(m.subject))).toHaveLength(1);
  });

  test('running again records nothing twice', async () => {
    expectOk((await runHourly(wb))[0]!);
    expect(wb.register()).toHaveLength(4);
    expect(rowsOf(wb, SHEET_NAMES.errors)).toHaveLength(1);
  });

  test('a lost intake ledger is rebuilt from the register without a duplicate', async () => {
    wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.intakeLedger`);
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.value).toMatchObject({ reconciliation: { ingested: [], marked: 4 } });
    expect(wb.register()).toHaveLength(4);
    expect(JSON.parse(ownerState(wb, 'intakeLedger')!)).toEqual({
      [missed.sheetName!]: { upTo: 5, rows: [] },
    });
  });

  test('an unreadable ledger is started afresh, reported, and still makes no duplicate', async () => {
    wb.rt.world.properties.user(ADMIN).set(`wo.${wb.ssId}.intakeLedger`, '{not json');
    expectOk((await runHourly(wb))[0]!);
    expect(wb.register()).toHaveLength(4);
    expect(
      rowsOf(wb, SHEET_NAMES.errors).some((e) => /intake ledger was unreadable/.test(String(e.Message))),
    ).toBe(true);
  });

  test('linking the form again (Google copies every response into a new tab) makes no duplicate', async () => {
    wb.rt.world.forms.linkToSpreadsheet(wb.formId, wb.ssId);
    expect(wb.model.sheetModel('Form Responses 2')).toBeDefined();
    const fresh = submitUnnoticed(wb, 'Missed after the relink');
    expect(fresh.sheetName).toBe('Form Responses 2');
    const [run] = await runHourly(wb);
    expectOk(run!);
    const descriptions = wb.register().map((r) => r.order.description);
    expect(descriptions).toHaveLength(5);
    expect(descriptions.filter((d) => d === 'Missed after the relink')).toHaveLength(1);
    expect(new Set(descriptions).size).toBe(5);
    // A second reconciliation the same day: its own Errors row, but no second email.
    expect(
      rowsOf(wb, SHEET_NAMES.errors).filter((e) => /Reconciliation recorded/.test(String(e.Message))),
    ).toHaveLength(2);
    expect(mailTo(wb, ADMIN).filter((m) => /Reconciliation/.test(m.subject))).toHaveLength(1);
  });
});

test('a response submitted moments ago is left to its own trigger (grace period), then picked up', async () => {
  const wb = await setUpWorkbook();
  try {
    submitUnnoticed(wb, 'Just now');
    const [run] = await runHourly(wb, 60_000);
    expectOk(run!);
    expect(wb.register()).toHaveLength(0);
    expectOk((await runHourly(wb, HOUR))[0]!);
    expect(wb.register().map((r) => r.order.description)).toEqual(['Just now']);
  } finally {
    await wb.close();
  }
});
