/**
 * Form submissions into the register, through the form-submit trigger of dist/Code.js.
 */
import { fireFormSubmit } from '../../../runtime/host/events';
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { ADMIN, REQUESTOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

function formSubmitTrigger(wb: TestWorkbook) {
  const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0];
  if (!trigger) throw new Error('no form-submit trigger');
  return trigger;
}

describe('a normal submission', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    (await wb.submit({ description: 'Leaking tap in the <b>kitchen</b>\nsecond line' })).executions.forEach(
      expectOk,
    );
  });
  afterAll(() => wb.close());

  test('lands as one Submitted row with a request id and a reference to the raw response', () => {
    const rows = wb.register();
    expect(rows).toHaveLength(1);
    const order = rows[0]!.order;
    expect(order).toMatchObject({
      id: 'REQ-000001',
      status: 'Submitted',
      woNumber: '',
      requesterEmail: REQUESTOR,
      requesterName: 'Rita Requestor',
      description: 'Leaking tap in the <b>kitchen</b>\nsecond line',
      location: 'Main Building',
      urgency: 'Routine',
      resources: 'Ladder',
      reviewFlag: '',
      responseRef: 'Form Responses 1!A2',
      revision: 1,
    });
    expect(order.requestedAt).toBeInstanceOf(Date);
    // The raw response stays untouched in the form's own sheet.
    expect(wb.values('Form Responses 1')[1]?.slice(1)).toEqual([
      REQUESTOR,
      'Rita Requestor',
      'Leaking tap in the <b>kitchen</b>\nsecond line',
      'Main Building',
      'Routine',
      'Ladder',
    ]);
  });

  test('writes a change-log row, the first of the keyed chain', () => {
    const log = wb.changeLog();
    expect(log).toHaveLength(1);
    expect(log[0]?.slice(1, 5)).toEqual([
      REQUESTOR,
      'form',
      'REQ-000001',
      expect.stringMatching(
        /^Created: "" → Submitted \(Form Responses 1!A2\)\nResponse Digest: "" → Form Responses 1!A2 [0-9a-f]{64}$/,
      ),
    ]);
    expect(log[0]?.[5]).toMatch(/^k1\.[0-9a-f]{64}$/);
    expect(verifyLog(wb)).toMatchObject({ ok: true, rows: 1, seq: 1 });
  });

  test('acknowledges the requestor: one-line subject with the id, escaped HTML and a plain-text body', () => {
    const mail = wb.rt.world.mail.receivedBy(REQUESTOR);
    expect(mail).toHaveLength(1);
    const ack = mail[0]!;
    expect(ack.subject).toMatch(/^\[REQ-000001\] /);
    expect(ack.subject).not.toMatch(/[\r\n]/);
    expect(ack.htmlBody).toContain('&lt;b&gt;kitchen&lt;/b&gt;');
    expect(ack.htmlBody).not.toContain('<b>kitchen</b>');
    expect(ack.body).toContain('Leaking tap in the <b>kitchen</b>');
  });
});

describe('idempotency', () => {
  test('the same event delivered twice gives one row and uses one id', async () => {
    const wb = await setUpWorkbook();
    try {
      const first = await wb.submit();
      first.executions.forEach(expectOk);
      const { response } = first;
      const replay = expectOk(
        await fireFormSubmit(wb.rt, formSubmitTrigger(wb), wb.ssId, {
          sheetName: response.sheetName!,
          row: response.row!,
          values: response.values,
          namedValues: response.namedValues,
        }),
      );
      expect(replay.stats.backend.Spreadsheet?.write ?? 0).toBe(0);
      expect(wb.register()).toHaveLength(1);
      expect(wb.changeLog()).toHaveLength(1);
      (await wb.submit({ description: 'next' })).executions.forEach(expectOk);
      expect(wb.register().map((r) => r.order.id)).toEqual(['REQ-000001', 'REQ-000002']);
    } finally {
      await wb.close();
    }
  });

  test('a blank event gives no row and uses no id', async () => {
    const wb = await setUpWorkbook();
    try {
      const blank = expectOk(
        await fireFormSubmit(wb.rt, formSubmitTrigger(wb), wb.ssId, {
          sheetName: 'Form Responses 1',
          row: 2,
          values: ['', '', '', '', '', '', ''],
          namedValues: {},
        }),
      );
      expect(blank.stats.backend.Spreadsheet?.write ?? 0).toBe(0);
      expect(wb.register()).toHaveLength(0);
      (await wb.submit()).executions.forEach(expectOk);
      expect(wb.register()[0]?.order.id).toBe('REQ-000001');
    } finally {
      await wb.close();
    }
  });

  test('an event that is not a genuine form-submit event does nothing and emails nobody', async () => {
    const wb = await setUpWorkbook();
    try {
      const record = await wb.rt.run('onFormSubmitTrigger', {
        user: ADMIN,
        spreadsheetId: wb.ssId,
        kind: 'installable-trigger',
        args: [{ values: 'nope' }],
      });
      // Plain data, as a console can send: no Range object, so not a trigger's event.
      expect(record.ok).toBe(true);
      expect(wb.register()).toHaveLength(0);
      expect(wb.rt.world.mail.sent).toHaveLength(0);
    } finally {
      await wb.close();
    }
  });
});

describe('responses that do not fit are recorded, never dropped', () => {
  test('a question renamed in the form: the row is Submitted with a visible Needs Review reason', async () => {
    const wb = await setUpWorkbook();
    try {
      const form = wb.rt.world.forms.require(wb.formId);
      const item = form.items.find((i) => i.title === 'Location')!;
      item.title = 'Where?';
      const answers = wb.answers();
      delete answers.Location;
      answers['Where?'] = 'Annex';
      (await wb.rt.submitForm(wb.formId, { respondentEmail: REQUESTOR, answers })).executions.forEach(
        expectOk,
      );
      const order = wb.register()[0]!.order;
      expect(order.status).toBe('Submitted');
      expect(order.location).toBe('');
      expect(order.reviewFlag).toMatch(/no "Location" question/);
      // Two rows: the requestor's submission, and the system's flag on it.
      expect(wb.changeLog().map((r) => r[2])).toEqual(['form', 'system']);
      expect(wb.changeLogEntries().map((e) => e.field)).toEqual([
        'Created',
        'Response Digest',
        'Needs Review',
      ]);
    } finally {
      await wb.close();
    }
  });

  test('a form that stopped collecting emails: recorded and flagged, no acknowledgment possible', async () => {
    const wb = await setUpWorkbook();
    try {
      wb.rt.world.forms.require(wb.formId).collectEmail = false;
      (await wb.rt.submitForm(wb.formId, { answers: wb.answers() })).executions.forEach(expectOk);
      const order = wb.register()[0]!.order;
      expect(order.requesterEmail).toBe('');
      expect(order.reviewFlag).toMatch(/No requester email/);
      expect(wb.rt.world.mail.sent).toHaveLength(0);
    } finally {
      await wb.close();
    }
  });

  test('text over the 50,000-character cell limit is cut with a visible marker and flagged', async () => {
    const wb = await setUpWorkbook();
    try {
      (await wb.submit({ description: 'x'.repeat(60_000) })).executions.forEach(expectOk);
      const order = wb.register()[0]!.order;
      expect(order.description.length).toBeLessThanOrEqual(50_000);
      expect(order.description).toMatch(/\[truncated: 60,000 characters received\]$/);
      expect(order.reviewFlag).toMatch(/was cut to fit a cell/);
    } finally {
      await wb.close();
    }
  });
});

describe('user text stays text', () => {
  const samples = [
    '=IMPORTXML("http://example.com","//a")',
    '+1',
    '-cmd',
    '@x',
    '\tleading tab',
    '-5 mm',
    '007',
    'TRUE',
    '3/4',
  ];

  test.each(samples)('%j lands as literal text, never a formula or a number', async (text) => {
    const wb = await setUpWorkbook();
    try {
      (await wb.submit({ description: text, requesterName: text, resources: text })).executions.forEach(
        expectOk,
      );
      const order = wb.register()[0]!.order;
      expect(order.description).toBe(text);
      // Short answers are trimmed; free text keeps its leading whitespace.
      expect(order.requesterName).toBe(text.trim());
      expect(order.resources).toBe(text);
      const sheet = wb.sheet(SHEET_NAMES.register);
      for (const header of ['Description', 'Requester Name', 'Required Resources']) {
        expect(sheet.formulaAt(2, wb.registerColumn(header))).toBe('');
        expect(typeof sheet.valueAt(2, wb.registerColumn(header))).toBe('string');
      }
    } finally {
      await wb.close();
    }
  });
});
