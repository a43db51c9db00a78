/**
 * A submission's acknowledgment goes out once when other writers run at the same moment. The next
 * writer to append to the log queues the email of an intent it finds still recorded (the execution
 * that recorded it failed, see change-log-mail.ts), so intake releases its intent before giving the
 * document lock back, and keeps the owner's lock to its end. Here sidebar approvals wait for the
 * document lock while a submission holds it, and the runtime's interleaved schedule pauses every
 * execution at every service call and resumes them in rotation: every approval appends to the log
 * right after the submission, and the acknowledgment must still be sent once and not also queued.
 */
import { fireFormSubmit } from '../../../runtime/host/events';
import { SHEET_NAMES } from '../../../src/core/model';
import { rowsOf, submitMany } from '../../support/ops';
import { expectOk, setUpWorkbook, SUPERVISOR } from '../../support/workbook';

const NEWCOMER = 'new.requestor@example.org';

test('a submission interleaved with sidebar actions: its acknowledgment is sent or queued exactly once', async () => {
  const wb = await setUpWorkbook();
  try {
    const waiting = await submitMany(wb, 4);
    const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0]!;
    const response = wb.rt.world.forms.submit(wb.formId, {
      respondentEmail: NEWCOMER,
      answers: wb.answers({ description: 'Arrives while supervisors approve' }),
    });
    const approve = (id: string) =>
      wb.call(SUPERVISOR, 'reviewAct', {
        action: 'approve',
        id,
        revision: wb.order(id).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
      });
    // The approvals start once the submission holds the document lock: they wait for it, and the first
    // takes it the moment the submission gives it back.
    const documentLock = `document:${wb.ssId}`;
    const records = await wb.rt.interleaved(async () => {
      const submission = fireFormSubmit(wb.rt, trigger, wb.ssId, {
        sheetName: response.sheetName!,
        row: response.row!,
        values: response.values,
        namedValues: response.namedValues,
      });
      // Until the submission holds the lock; should it have run to its end first (the schedule decides),
      // the approvals simply follow it.
      let settled = false;
      void submission.finally(() => (settled = true));
      while (!settled && wb.rt.world.locks.holderOf(documentLock) === null)
        await new Promise((resolve) => setImmediate(resolve));
      return Promise.all([submission, ...waiting.map((id) => approve(id))]);
    });
    for (const record of records) expectOk(record);
    const created = wb.register().find((r) => r.order.requesterEmail === NEWCOMER);
    expect(created).toBeDefined();
    const id = created!.order.id;
    const sent = wb.rt.world.mail.receivedBy(NEWCOMER).filter((m) => m.subject.includes(id)).length;
    const queued = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r['Record ID'] === id).length;
    expect(sent + queued).toBe(1);
    expect(sent).toBe(1);
  } finally {
    await wb.close();
  }
}, 120_000);
