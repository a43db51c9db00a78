/**
 * A response to the per-order update form, arriving through the spreadsheet's one form-submit trigger
 * (intake/form-submit.ts routes it here). It is applied as the respondent's own My work step: the
 * email is the verified one Google recorded, checked against the Staff tab, and the step goes through
 * the same lifecycle checks, row write, change log (source "form") and emails. A refused update is
 * answered by email saying why. Intake's ledger makes it idempotent: a replayed event changes nothing
 * and sends nothing.
 */
import { checkWaitingEditsFirst } from '../edits/pending';
import { wholeSeconds } from '../../../core/time';
import { singleLine } from '../../../core/sanitize';
import { roleOf } from '../../../core/staff';
import type { FormSubmitEvent } from '../../../core/intake';
import {
  MyWorkActionRequestSchema,
  describeMyWorkIssues,
  type MyWorkActionRequest,
} from '../../../shared/my-work';
import {
  RECORD_ONLY_CHOICE,
  UPDATE_QUESTIONS,
  readUpdateAnswers,
  type UpdateQuestionKey,
} from '../../../shared/my-work-update-form';
import { planFormRecords } from '../labour/form-plan';
import {
  KEEP_DOCUMENT_LOCK_FOR_MAIL,
  releaseKeptDocumentLock,
  withOwnerAndDocumentLocks,
} from '../../adapters/document-lock';
import { emailFormRefusal } from '../intake/form-refusal';
import { referenceWithCurrentStaff, type ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
// Intake's ledger of response rows already handled: one ledger for every form, so a replay is caught alike.
import { oncePerResponseRow } from '../intake/response-once';
import { findOrder } from '../../adapters/register-lookup';
import { notifyStep, stepAt, type StepOrigin, type StepOutcome, type StepRefusal } from './act';
import { movedOnMessage } from './moved-on';
import { isRefusal, workerOrRefusal } from './caller';
import { readHints } from './rows';
import { UserFacingError } from '../../adapters/workbook';
import { findArchived } from '../archive/find';
import type { ArchiveFile } from '../archive/files';
import type { Spreadsheet } from '../../adapters/apps-script-types';

const refuse = (message: string): StepRefusal => ({ ok: false, message });

/**
 * An answer acts on the order as it is when it arrives: no revision to compare, so a refusal says how
 * the order is now, not that it changed (a mistyped number may name one that never was theirs).
 */
const FORM_ORIGIN: StepOrigin = {
  source: 'form',
  seen: 'sent the update',
  since: '',
  next: 'My work in the spreadsheet lists your current work',
  checkRevision: false,
};

interface Handled {
  outcome: StepOutcome | StepRefusal;
  /** Who answered (the verified email), '' when the form recorded none. */
  email: string;
  /** The order as the respondent named it. */
  orderRef: string;
  choice: string;
  /** Whether the respondent is active staff: only staff are sent the register's link. */
  staff: boolean;
  /** What they typed, question by question (the non-empty answers): a refusal repeats it. */
  typed: Array<[string, string]>;
  /** The order named is not in the register: looked for in the archive files after the locks. */
  notFound?: true;
}

/** Longest answer a refusal email repeats in full (a form's paragraph answer can be far longer). */
const TYPED_LIMIT = 2000;
/** Named in the refusal's first line already (the order quoted short, the step chosen). */
const NAMED_ABOVE: ReadonlySet<UpdateQuestionKey> = new Set(['order', 'step']);

/** What the respondent typed, by question title (the non-empty answers), for the refusal email to repeat. */
function typedAnswers(answers: Readonly<Record<UpdateQuestionKey, string>>): Array<[string, string]> {
  return UPDATE_QUESTIONS.flatMap((q): Array<[string, string]> => {
    const value = answers[q.key] ?? '';
    if (value === '' || NAMED_ABOVE.has(q.key)) return [];
    return [[q.title, value.length > TYPED_LIMIT ? `${value.slice(0, TYPED_LIMIT)}…` : value]];
  });
}

function decideAndApply(
  ss: Spreadsheet,
  reference: ReferenceData,
  event: FormSubmitEvent,
  now: Date,
): Handled {
  const { answers, step, email } = readUpdateAnswers(event.namedValues);
  // The "Work order" answer is free text: quoted on one short line, it can go in a subject and a sentence.
  const typedRef = singleLine(answers.order, 60);
  const handled = (outcome: StepOutcome | StepRefusal): Handled => ({
    outcome,
    email,
    orderRef: typedRef,
    choice: answers.step,
    staff: email !== '' && roleOf(reference.staff, email) !== null,
    typed: typedAnswers(answers),
  });
  const worker = workerOrRefusal(reference, email);
  if (isRefusal(worker)) return handled(worker);
  const recordOnly = answers.step === RECORD_ONLY_CHOICE;
  if (step === null && !recordOnly)
    return handled(refuse('The answer to "What are you doing?" is not one of its choices.'));
  checkWaitingEditsFirst(ss, email);
  const register = Register.open(ss);
  // My work's remembered row of the order, if the respondent opened it lately: one more row to try.
  const remembered = readHints(email)[answers.order.trim().toUpperCase()];
  const located =
    answers.order === ''
      ? null
      : findOrder(register, answers.order, remembered === undefined ? [] : [remembered]);
  if (!located) {
    return {
      ...handled(
        refuse(`No work order "${typedRef}" is in the register: check the request id or work-order number.`),
      ),
      notFound: true,
    };
  }
  // A cell written where no edit trigger judged it decides nothing, not even a record-only answer.
  const unrecorded = register.unrecordedChange(located, reference.timeZone);
  if (unrecorded) return handled(refuse(unrecorded));
  // Given to someone else or ended before the answer arrived: said before any line of it is judged.
  const movedOn = movedOnMessage(located.order, worker, reference.staff, FORM_ORIGIN);
  if (movedOn) return handled({ ok: false, message: movedOn, final: true });
  // Checklist ticks, hours and parts: planned first, written only if the step (if any) is applied.
  const records = planFormRecords(ss, reference, located.order, worker, answers, now);
  if ('message' in records) return handled(records);
  if (recordOnly || step === null) {
    if (records.said.length === 0)
      return handled(
        refuse('Nothing to record: tick a checklist item, give the hours worked or list a part used.'),
      );
    records.write();
    return handled({
      ok: true,
      before: located.order,
      after: located.order,
      row: located.row,
      transition: null,
      mailIntent: null,
    });
  }
  const optional = (value: string): string | undefined => (value === '' ? undefined : value);
  const candidate: Record<string, unknown> = {
    action: step,
    id: located.order.id,
    revision: located.order.revision,
    note: optional(answers.note),
  };
  if (step === 'hold') candidate.reason = answers.reason;
  if (step === 'complete') {
    candidate.results = answers.results;
    candidate.actionsTaken = answers.actionsTaken;
  }
  if (candidate.note === undefined) delete candidate.note;
  const parsed = MyWorkActionRequestSchema.safeParse(candidate);
  if (!parsed.success) return handled(refuse(describeMyWorkIssues(parsed.error)));
  const request: MyWorkActionRequest = parsed.data;
  const outcome = stepAt(
    ss,
    register,
    located,
    reference,
    worker,
    request,
    now,
    FORM_ORIGIN,
    records.unticked,
  );
  if (outcome.ok) records.write();
  return handled(outcome);
}

function refusalEmail(ss: Spreadsheet, reference: ReferenceData, handled: Handled, now: Date): void {
  if (handled.outcome.ok) return;
  const ref = handled.orderRef || 'a work order';
  emailFormRefusal(
    ss,
    reference,
    {
      to: handled.email,
      ref: handled.orderRef,
      title: 'Update not applied',
      subject: `[${ref}] Your update was not applied`,
      intro: [
        `Your update "${handled.choice || '(no step chosen)'}" to ${ref} was not applied: ${handled.outcome.message}`,
        (handled.outcome.final
          ? 'Nothing was changed.'
          : 'Nothing was changed. Correct it and send the form again, or use My work in the spreadsheet.') +
          (handled.typed.length > 0 ? ' What you typed follows, so that none of it is lost:' : ''),
        // In the intro: the refusal email (intake's) has no details of its own to give.
        ...handled.typed.map(([title, value]) => `${title}: ${value}`),
      ],
      // Whoever has the form's link can answer it; the register's address goes to staff only, as in
      // every email to a requestor.
      link: handled.staff ? ss.getUrl() : '',
    },
    now,
  );
}

/** Handles one update-form response; returns false when the event was already handled (a replay). */
export function applyUpdateResponse(ss: Spreadsheet, event: FormSubmitEvent): boolean {
  // The respondent as the Staff tab has them now (a deleted Staff row fires no edit trigger).
  const reference = referenceWithCurrentStaff(ss);
  // Whole seconds: the stamps read back exactly as recorded.
  const now = wholeSeconds(new Date());
  const handled = withOwnerAndDocumentLocks(
    (): Handled | null =>
      oncePerResponseRow(
        ss,
        event.range,
        // Its log rows name the respondent at `now` (the replay of a killed execution looks for them).
        { now, user: readUpdateAnswers(event.namedValues).email },
        () => decideAndApply(ss, reference, event, now),
      ),
    KEEP_DOCUMENT_LOCK_FOR_MAIL,
  );
  if (!handled) return false;
  const { outcome } = handled;
  if (outcome.ok) notifyStep(ss, reference, outcome, handled.email, now);
  releaseKeptDocumentLock();
  refusalEmail(ss, reference, archivedRefusal(handled), now);
  return true;
}

/**
 * A staff member's answer about an order archived since (an old email's link) is told so, not to
 * check an id that is right. Looked for after the locks, as Find does; never for a stranger, who must
 * not learn which ids exist.
 */
function archivedRefusal(handled: Handled): Handled {
  if (!handled.notFound || !handled.staff || handled.orderRef === '') return handled;
  let file: ArchiveFile | null;
  try {
    file = findArchived(handled.orderRef);
  } catch (error) {
    if (error instanceof UserFacingError) return handled;
    throw error;
  }
  if (!file) return handled;
  const message =
    `${handled.orderRef} is no longer in the register: it was finished (closed, rejected or cancelled) and ` +
    `archived in "${file.name}", so nothing more can be added to it. If more work is needed, ask a supervisor ` +
    'for a new work order.';
  return { ...handled, outcome: { ok: false, message, final: true } };
}
