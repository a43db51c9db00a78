/**
 * Only genuine input is acted on, through dist/Code.js: trigger functions called from a console with
 * made-up events do nothing and email nobody; a row typed into a form-responses tab is never ingested
 * by reconciliation (no Forms response stands behind it), while a real missed response still is; no
 * problem email's subject holds a line break or text quoted from outside.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { leadClause } from '../../../src/server/features/errors/report';
import {
  ADMIN,
  MANAGER,
  REQUESTOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { HOUR, advance, rowsOf, runHourly } from '../../support/ops';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

function sentCount(): number {
  return wb.rt.world.mail.sent.length;
}

test('forged form-submit and hourly events from a console do nothing, however often and whatever they say', async () => {
  const mails = sentCount();
  const rows = wb.register().length;
  const errors = rowsOf(wb, SHEET_NAMES.errors).length;
  for (let i = 0; i < 3; i++) {
    for (const user of [TECH, MANAGER, ADMIN]) {
      const submit = await wb.call(user, 'onFormSubmitTrigger', {
        triggerUid: `${i}`,
        range: { sheetName: 'Form Responses 1', row: 2 },
        namedValues: { 'Email Address': ['victim@example.net'], Description: [`Urgent\nSubject: pay ${i}`] },
        values: ['now', 'victim@example.net'],
      });
      expectOk(submit);
      const hourly = await wb.call(user, 'onHourlyTrigger', { triggerUid: `forged-${i}`, authMode: 'FULL' });
      expectOk(hourly);
      expect(hourly.value).toBeNull();
    }
  }
  expect(wb.register()).toHaveLength(rows);
  expect(sentCount()).toBe(mails);
  expect(rowsOf(wb, SHEET_NAMES.errors)).toHaveLength(errors);
});

test('a row typed into the form-responses tab is never ingested; a real response the trigger missed is', async () => {
  const responses = wb.sheet('Form Responses 1');
  const header = responses.readValues(1, 1, 1, responses.lastColumn())[0] ?? [];
  const typed = header.map((h) => {
    const title = String(h);
    if (title === 'Timestamp')
      return new Date(wb.rt.world.clock.nowMs() - 48 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
    if (title === 'Email Address') return 'mallory@example.net';
    return /description/i.test(title) ? 'Typed by hand, no form behind it' : 'Main Building';
  });
  // Only the accounts the add-on writes as may type there: an administrator does.
  expectOk(
    (await wb.edit(ADMIN, 'Form Responses 1', responses.lastRow() + 1, 1, [typed.map(String)]))
      .executions[0]!,
  );
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: REQUESTOR,
    answers: wb.answers({ description: 'Real one' }),
  });
  advance(wb, HOUR);
  const [run] = await runHourly(wb);
  expectOk(run!);
  const descriptions = wb.register().map((r) => r.order.description);
  expect(descriptions).toContain('Real one');
  expect(descriptions).not.toContain('Typed by hand, no form behind it');
  expect(wb.rt.world.mail.receivedBy('mallory@example.net')).toHaveLength(0);
  // The typed row was a candidate (a date, past the grace period): refused for want of a response.
  expect(run!.value).toMatchObject({ reconciliation: { notFromForm: 1 } });
});

test('a problem email subject keeps only the lead clause, on one line, with quoted text elided', () => {
  expect(leadClause('Outbox row 2 ("Hi\r\nBcc: x") could not be sent: quota')).toBe(
    'Outbox row 2 (…) could not be sent',
  );
  expect(leadClause('line one\nline two\r\nthree')).toBe('line one line two three');
  expect(leadClause('')).toBe('details on the Errors sheet');
});

test('distinct failures of one kind in one entry point: every one on the Errors sheet, one email a day', async () => {
  const book = await setUpWorkbook();
  try {
    const errorMails = () =>
      book.rt.world.mail.receivedBy(ADMIN).filter((m) => /Work Orders error/.test(m.subject));
    // Two different messages of one kind (the add-on's own "sheet is missing" error), one entry point.
    // (Intake checks the Change Log before anything else: the register goes first, then the log.)
    book.model.deleteSheetModel(SHEET_NAMES.register);
    const first = await book.submit({ description: 'First' });
    expect(first.executions[0]!.error?.message).toMatch(/"Work Orders" sheet is missing/);
    book.model.deleteSheetModel(SHEET_NAMES.changeLog);
    const second = await book.submit({ description: 'Second' });
    expect(second.executions[0]!.error?.message).toMatch(/"Change Log" sheet is missing/);
    expect(rowsOf(book, SHEET_NAMES.errors).map((r) => String(r.Message))).toEqual([
      expect.stringMatching(/"Work Orders" sheet is missing/),
      expect.stringMatching(/"Change Log" sheet is missing/),
    ]);
    expect(errorMails()).toHaveLength(1);
    expect(errorMails()[0]!.subject).not.toMatch(/[\r\n]/);
  } finally {
    await book.close();
  }
});
