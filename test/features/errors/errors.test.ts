/**
 * Errors are visible. An error in a trigger is written to the Errors sheet and emailed to
 * the administrators once per distinct message per day, and the trigger still fails (Apps Script
 * records it). Nothing the failed execution was handling is lost: the hourly job picks it up later.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, HOUR, advance, assign, mailTo, now, rowsOf, runHourly, submitMany } from '../../support/ops';

const errorMails = (wb: TestWorkbook) => mailTo(wb, ADMIN).filter((m) => /Work Orders error/.test(m.subject));

describe('a form-submit trigger that fails', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    // An administrator deleted the register by mistake.
    wb.model.deleteSheetModel(SHEET_NAMES.register);
  });
  afterAll(() => wb.close());

  test('still fails, is written to the Errors sheet and emailed to the administrators', async () => {
    const { executions } = await wb.submit({ description: 'First request after the accident' });
    expect(executions).toHaveLength(1);
    expect(executions[0]!.ok).toBe(false);
    expect(executions[0]!.error?.message).toMatch(/"Work Orders" sheet is missing/);
    expect(wb.values(SHEET_NAMES.errors)[0]).toEqual([
      'Timestamp',
      'Trigger',
      'User',
      'Message',
      'Stack',
      'Emailed',
    ]);
    const [row] = rowsOf(wb, SHEET_NAMES.errors);
    expect(row).toMatchObject({ Trigger: 'onFormSubmitTrigger', Emailed: 'emailed', User: ADMIN });
    expect(String(row!.Message)).toMatch(/"Work Orders" sheet is missing/);
    expect(row!.Timestamp).toBeInstanceOf(Date);
    const mails = errorMails(wb);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(
      /^\[Facilities Maintenance\] Work Orders error in onFormSubmitTrigger: /,
    );
    expect(mails[0]!.htmlBody).toContain('&quot;Work Orders&quot; sheet is missing');
  });

  test('the same error again that day: another row, no second email', async () => {
    const { executions } = await wb.submit({ description: 'Second request after the accident' });
    expect(executions[0]!.ok).toBe(false);
    const rows = rowsOf(wb, SHEET_NAMES.errors);
    expect(rows.map((r) => r.Emailed)).toEqual(['emailed', 'already emailed today']);
    expect(errorMails(wb)).toHaveLength(1);
  });

  test('the next day it is emailed again', async () => {
    advance(wb, DAY);
    await wb.submit({ description: 'Third request after the accident' });
    expect(rowsOf(wb, SHEET_NAMES.errors).map((r) => r.Emailed)).toEqual([
      'emailed',
      'already emailed today',
      'emailed',
    ]);
    expect(errorMails(wb)).toHaveLength(2);
  });

  test('nothing is lost: once setup restores the register, the hourly job records every request', async () => {
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expectOk((await runHourly(wb, HOUR))[0]!);
    expect(wb.register().map((r) => r.order.description)).toEqual([
      'First request after the accident',
      'Second request after the accident',
      'Third request after the accident',
    ]);
  });
});

test('a failing hourly step is reported once, the other steps still run, and the execution fails', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = await submitMany(wb, 1);
    assign(wb, id!, 1, TECH, new Date(now(wb).getTime() - HOUR));
    // Someone typed over the Outbox header: queued mail cannot be read.
    wb.sheet(SHEET_NAMES.outbox).writeValues(1, 7, [['State']]);
    const [run] = await runHourly(wb);
    expect(run!.ok).toBe(false);
    expect(run!.error?.message).toMatch(
      /The hourly checks had 1 problem\(s\): outbox: The Outbox sheet has no "Status" column/,
    );
    const errors = rowsOf(wb, SHEET_NAMES.errors);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ Trigger: 'onHourlyTrigger › outbox', Emailed: 'emailed' });
    expect(String(errors[0]!.Stack)).toMatch(/drainOutbox/);
    // The reminder step ran anyway.
    expect(mailTo(wb, TECH).map((m) => m.subject.slice(0, 15))).toEqual(['[WO-2026-00001]']);
  } finally {
    await wb.close();
  }
});
