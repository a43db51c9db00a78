/**
 * The answers to the add-on's own forms that ./kills.test.ts kills at each call of their form-submit
 * execution: whatever call it dies at, the hourly job finds the answer no execution recorded and the
 * next edit applies it (features/intake/owed-answers.ts), so it is applied exactly once, never lost.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { documentProperties } from '../review/fixtures';
import { emailsAbout, mailTo, outboxRows } from '../../support/ops';
import { REQUESTOR, SUPERVISOR, TECH } from '../../support/workbook';
import type { KillCase } from './kill-cases';

/** The requestor's answer in the reply-form case. */
const REPLIED = 'The side door, by the loading bay';

/** The call that releases the action's emails: the last property deletion before the first send. */
const releasedBeforeSend = (calls: readonly string[]): number =>
  calls.lastIndexOf('Properties.deleteProperty', calls.lastIndexOf('MailApp.sendEmail')) + 1;

export const FORM_ANSWER_CASES: Record<string, KillCase> = {
  // A requestor's reply through the reply form: on the record once (never lost: the hourly job finds a
  // reply no execution recorded and the next edit applies it), the supervisors told once.
  'reply form: an answer': {
    run: (book, { toAsk }) =>
      book.rt.submitForm(documentProperties(book)['wo.replyForm.id']!, {
        respondentEmail: REQUESTOR,
        answers: { [REPLY_QUESTIONS.requestId.title]: toAsk, [REPLY_QUESTIONS.answer.title]: REPLIED },
      }),
    released: releasedBeforeSend,
    // Counted whole: the saved workbook holds no reply to it yet (other emails about it may follow).
    mail: () => [],
    check: (book, { toAsk }, _baseline, mayLose) => {
      const problems: string[] = [];
      const logged = book
        .changeLogEntries()
        .filter(
          (e) => e.recordId === toAsk && e.field === 'Requestor Reply' && e.newValue === REPLIED,
        ).length;
      const notes = book.order(toAsk).notes;
      const noted = notes.split(REPLIED).length - 1;
      if (logged !== 1 || noted !== 1)
        problems.push(
          `the reply is logged ${logged} times, in the notes ${noted} (${JSON.stringify(notes)})`,
        );
      const sent = mailTo(book, SUPERVISOR).filter(
        (m) => m.subject.includes(toAsk) && / Requestor replied/.test(m.subject),
      ).length;
      const queued = outboxRows(book).filter(
        (r) =>
          r['Record ID'] === toAsk && / Requestor replied/.test(String(r.Subject)) && r.Status === 'Queued',
      ).length;
      if (mayLose ? sent + queued > 1 : sent + queued !== 1)
        problems.push(`${sent} reply notices sent to the supervisor, ${queued} queued`);
      return problems;
    },
  },
  // The update form's hold: applied once (never lost), the requestor and the supervisors told once each.
  'update form: put on hold': {
    run: (book, { toHold }) =>
      book.rt.submitForm(book.rt.world.forms.all().find((f) => f.title === 'Work order update')!.id, {
        respondentEmail: TECH,
        answers: {
          [updateQuestion('order').title]: toHold,
          [updateQuestion('step').title]: STEP_CHOICES.hold,
          [updateQuestion('reason').title]: 'Waiting for a part',
        },
      }),
    released: releasedBeforeSend,
    mail: ({ toHold }) => [
      { to: REQUESTOR, id: toHold },
      { to: SUPERVISOR, id: toHold },
    ],
    check: (book, { toHold }, baseline, mayLose) => {
      const problems: string[] = [];
      const logged = book
        .changeLogEntries()
        .slice(baseline.entries)
        .filter((e) => e.recordId === toHold && e.field === 'Status' && e.newValue === 'On Hold').length;
      const status = book.order(toHold).status;
      if (status !== 'On Hold' || logged !== 1) problems.push(`${status}, logged On Hold ${logged} times`);
      for (const to of [REQUESTOR, SUPERVISOR]) {
        const mails = emailsAbout(book, to, toHold) - (baseline.mail.get(`${to}|${toHold}`) ?? 0);
        if (mayLose ? mails > 1 : mails !== 1) problems.push(`${to}: ${mails} emails (1 owed)`);
      }
      return problems;
    },
  },
};
