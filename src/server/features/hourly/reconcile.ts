/**
 * Reconciliation: form responses that no form-submit execution recorded (the trigger was missing,
 * failed, or timed out on the lock) are ingested now, through intake's own ingestResponse, with the
 * response's Timestamp as requested-at, and acknowledged (an emergency's supervisors alerted).
 *
 * A response counts as recorded when the intake ledger says so, or the register's Response Row names
 * it, or the register holds the same request by content (see response-match.ts): a lost ledger, a
 * renamed tab or the copies Google writes when the form is linked again never make a second row.
 */
import type { WorkOrder } from '../../../core/model';
import { responseRef } from '../../../core/intake';
import type { OutgoingEmail } from '../../adapters/mailer';
import {
  composePlanned,
  releaseMailIntent,
  type ComposeContext,
  type MailIntent,
} from '../../adapters/change-log-mail';
import type { ReferenceData } from '../../adapters/reference-data';
import { ingestResponse } from '../intake/form-submit';
import { settleInterruptedIntake } from '../intake/pending-ack';
import { fromTheForm } from './form-evidence';
import { markRecorded, readLedger } from './reconcile-ledger';
import type { JobMail } from './job-mail';
import type { HourlyRegister, WholeOrder } from './register-view';
import { RegisterIndex, type Vouch } from './response-match';
import { agreesOn } from '../../adapters/row-state-agreement';
import { unrecordedRows, type Candidate } from './response-rows';
import { ANSWER_TABS, responseSheets } from './response-tabs';
import { isFormAnswer, oweMissedAnswers } from './missed-answers';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export { FORMLESS_TABS } from './response-tabs';

/** Each ingestion takes the locks and writes the register and the log: bounded per run, and by time (6-minute limit). */
export const MAX_INGESTED_PER_RUN = 50;

export interface ReconcileResult {
  ingested: WorkOrder[];
  /** Rows found recorded by position or content but missing from the ledger (now marked). */
  marked: number;
  /** The ledger was unreadable and was started afresh (rebuilt from the register). */
  ledgerRebuilt: boolean;
  /** Responses left for the next run (over the per-run bound). */
  remaining: number;
  /** Rows no Forms response matches (typed or pasted into a responses tab): never ingested. */
  notFromForm: number;
  /** Reply and update-form answers no trigger recorded, now owed to their handlers (./missed-answers.ts). */
  answersOwed: number;
  /** Answers too old to apply (./missed-answers.ts STALE_ANSWER_MS), settled unapplied: their rows. */
  staleAnswers: string[];
}

/** What matching a response to the register reads of every order (only when some response is unrecorded). */
const MATCH_FIELDS = ['responseRef', 'requesterEmail', 'description', 'requestedAt'] as const;

/**
 * A register row vouches for a response when the fields it claims it by are as the add-on recorded
 * them (its row read whole and compared with its Last Known State, once per row): asked only of rows
 * that name or match a response the intake ledger does not account for.
 */
function vouchedBy(register: HourlyRegister, timeZone: string): Vouch {
  const read = new Map<WorkOrder, WholeOrder | null>();
  const prepare = (orders: readonly WorkOrder[]): void => {
    const unread = [...new Set(orders)].filter((o) => !read.has(o));
    if (unread.length === 0) return;
    const whole = register.whole(unread, timeZone);
    for (const order of unread) read.set(order, whole.get(order) ?? null);
  };
  return {
    prepare,
    agrees: (order, fields) => {
      prepare([order]);
      const whole = read.get(order);
      return !!whole && fields.every((f) => agreesOn(whole.disagreement, f));
    },
  };
}

export function reconcileResponses(
  ss: Spreadsheet,
  reference: ReferenceData,
  register: HourlyRegister,
  now: Date,
  mail: JobMail,
  deadlineMs = Number.POSITIVE_INFINITY,
): ReconcileResult {
  const ssId = ss.getId();
  const result: ReconcileResult = {
    ingested: [],
    marked: 0,
    ledgerRebuilt: false,
    remaining: 0,
    notFromForm: 0,
    answersOwed: 0,
    staleAnswers: [],
  };
  // A form submission that died before releasing its acknowledgment (intake/pending-ack.ts).
  settleInterruptedIntake(ss, reference, now, (emails) => mail.deliver(emails));
  const { ledger, rebuilt } = readLedger(ssId);
  result.ledgerRebuilt = rebuilt;
  // Most hours the ledger accounts for every response row: the register is then not asked.
  let matcher: RegisterIndex | null = null;
  const index = (): RegisterIndex =>
    (matcher ??= new RegisterIndex(
      register.everyOrder(MATCH_FIELDS),
      vouchedBy(register, reference.timeZone),
    ));
  const { toMark, notFromForm, candidates } = unrecordedRows(
    responseSheets(ss, ssId),
    ledger,
    (sheetName, rows) => {
      // The register never names an answer's row: not read for the add-on's own forms' tabs.
      if (ANSWER_TABS.has(sheetName.toLowerCase())) return new Set<number>();
      const named = index().named(rows.map((row) => responseRef(sheetName, row)));
      return new Set(rows.filter((row) => named.has(responseRef(sheetName, row))));
    },
    reference.settings.locations,
    now,
  );
  // An update-form answer or a requestor's reply is no request: its trigger routes it by its questions
  // (intake/form-submit.ts), and so does reconciliation, or a missed answer became a blank work order.
  // Missed answers are owed to their handlers, run by the owner's next execution in the document.
  const requests = candidates.filter((c) => !isFormAnswer(c.namedValues));
  const answers = oweMissedAnswers(
    ss,
    ssId,
    candidates.filter((c) => isFormAnswer(c.namedValues)),
    now,
  );
  notFromForm.push(...answers.notFromForm, ...answers.stale);
  result.answersOwed = answers.owed;
  result.staleAnswers = answers.stale.map((r) => `${r.sheetName}!A${r.row}`);
  const genuine = fromTheForm(ss, requests);
  notFromForm.push(...requests.filter((c) => !genuine.includes(c)));
  result.notFromForm = notFromForm.length;
  const fresh: Candidate[] = [];
  if (genuine.length > 0) index().prepareContent(genuine.map((c) => c.submission));
  for (const c of genuine.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
    if (index().hasContent(c.submission.requesterEmail, c.submission.description, c.submittedAt))
      toMark.push(c);
    else {
      fresh.push(c);
      // A response and its copy in a newer tab are one request: the second matches the first.
      index().addContent(c.submission.requesterEmail, c.submission.description, c.submittedAt);
    }
  }
  // Rows no form stands behind are settled with them: never ingested, and never looked at again. Left
  // unsettled, one such row would hold the ledger's watermark below every later response, which the
  // ledger (read and written under the locks by every intake) would then list one by one, for ever.
  markRecorded(ssId, [...toMark, ...notFromForm]);
  result.marked = toMark.length;
  let done = 0;
  const owedIntents: Array<{ order: WorkOrder; intent: MailIntent }> = [];
  for (const c of fresh.slice(0, MAX_INGESTED_PER_RUN)) {
    if (Date.now() > deadlineMs) break;
    // The acknowledgment is recorded as owed with the order ('intent'): a run that fails before sending
    // it leaves it for the next execution in the document to queue.
    const ingested = ingestResponse(
      ss,
      reference,
      { sheetName: c.sheetName, row: c.row, namedValues: c.namedValues, requestedAt: c.submittedAt },
      now,
      'intent',
    );
    if (ingested) {
      result.ingested.push(ingested.order);
      if (ingested.mailIntent) owedIntents.push({ order: ingested.order, intent: ingested.mailIntent });
    }
    done++;
  }
  result.remaining = fresh.length - done;
  // Sent only when its record is still there to release: gone means it was queued meanwhile.
  const released = owedIntents.filter((o) => releaseMailIntent(o.intent));
  mail.deliver(plannedEmails(ss, reference, released, now));
  return result;
}

/**
 * What the released intents owe, composed as their settlers would (composePlanned): each
 * acknowledgment, and the alert of an emergency ingested here (its trigger never ran, or died
 * before recording it), which the supervisors still need now. The spreadsheet's link, a round trip,
 * is asked only for an alert.
 */
function plannedEmails(
  ss: Spreadsheet,
  reference: ReferenceData,
  owed: ReadonlyArray<{ order: WorkOrder; intent: MailIntent }>,
  now: Date,
): OutgoingEmail[] {
  const alerting = owed.some((o) => o.intent.planned.some((p) => p.kind === 'emergency'));
  const context: ComposeContext = {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
    link: alerting ? ss.getUrl() : '',
    now,
  };
  return owed.flatMap(
    ({ order, intent }) =>
      composePlanned(intent, (id) => (id === order.id ? order : undefined), context).emails,
  );
}

/** For messages: "REQ-000007 (Form Responses 1!A8)". */
export function describeIngested(orders: readonly WorkOrder[]): string {
  return orders.map((o) => `${o.id} (${o.responseRef})`).join(', ');
}
