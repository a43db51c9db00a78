import { newWorkOrder, parseSubmission, responseRef } from '../../../core/intake';
import { toFormSubmitEvent } from './form-event';
import { isIngested, markIngested, parseLedger, serializeLedger } from '../../../core/intake-ledger';
import { composeEmail } from '../../../core/notifications';
import type { WorkOrder } from '../../../core/model';
import { activeSpreadsheet } from '../../adapters/workbook';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerStates, writeOwnerStates } from '../../adapters/owner-state';
import { Register } from '../../adapters/register';
import { queuePropertiesFor } from '../../adapters/review-queue';
import { handOffLookRecord } from '../../adapters/change-log-handoff';
import { requireChangeLog, writeChangeLog } from '../../adapters/change-log';
import { releaseMailIntent, type MailIntent, type PlannedMail } from '../../adapters/change-log-mail';
import { addonKey } from '../../adapters/addon-secret';
import { RESPONSE_DIGEST_FIELD, responseDigest } from '../../../core/covered-rows';
import type { UnhashedEntry } from '../../../core/audit';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { queueEmails, sendOrQueue } from '../../adapters/mailer';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { SEALED_COPY, sealedCopyOwed } from '../../adapters/row-state-seal';
import { REGISTER_ID_COPY, registerIdCopyOwed } from '../../adapters/register-tab';
import { KPI_TAB, kpiTabCopy } from '../kpi-history/keep';
import {
  INTAKE_LEDGER,
  INTAKE_PENDING,
  parsePending,
  releaseEmergencyAlert,
  serializePending,
  settlePending,
  type PendingIntake,
} from './pending-ack';
import { emergencyAlertPlan, sendEmergencyAlert } from '../review/emergency-alert';
import { isReplyResponse } from '../../../core/reply-form';
import { recordReply } from '../review/reply';
import { isUpdateResponse } from '../../../shared/my-work-update-form';
import { applyUpdateResponse } from '../my-work/form-update';
import { servesAsInstallationOwner } from '../setup/installation';
import { REQUEST_COUNTER_STATE, nextRequestId } from '../setup/counters';
import { recordEditedResponse, tellEditedResponse } from './edited-response';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export const REQUEST_COUNTER = REQUEST_COUNTER_STATE;
export { INTAKE_LEDGER };

export interface IngestResult {
  order: WorkOrder;
  /**
   * The hourly job's acknowledgment owed, recorded beside its handed-off rows (change-log-mail.ts
   * releaseMailIntent); null in a document, where ingestResponse released it already (./pending-ack.ts).
   */
  mailIntent: MailIntent | null;
  /**
   * In a document, an emergency's alert: still owed in the pending submission after the ledger write
   * (./pending-ack.ts), for the caller to send and then release (releaseEmergencyAlert).
   */
  alert: PlannedMail | null;
}

/**
 * Writes one response into the register. Idempotent per response row; holds the owner's and the
 * document's lock so ids are unique and increasing however executions interleave. The caller sends
 * the acknowledgment after the locks are released.
 *
 * In a document (a form submission) the acknowledgment owed is recorded in the owner's state with the
 * request counter and released with the ledger (./pending-ack.ts), both writes intake makes anyway;
 * the hourly job (no document) records it beside its handed-off log rows (change-log-handoff.ts).
 */
export function ingestResponse(
  ss: Spreadsheet,
  reference: ReferenceData,
  response: { sheetName: string; row: number; namedValues: Record<string, string[]>; requestedAt: Date },
  now: Date,
  /** 'intent': the acknowledgment is recorded as owed and sent by `acknowledge`; 'caller': sent by the caller. */
  mail: 'intent' | 'caller' = 'caller',
): IngestResult | null {
  return withOwnerAndDocumentLocks(() => {
    requireChangeLog(ss);
    const ssId = ss.getId();
    // All read at once, under the locks that every writer of any of them holds.
    const stored = readOwnerStates(ssId, [
      INTAKE_LEDGER,
      REQUEST_COUNTER,
      INTAKE_PENDING,
      SEALED_COPY,
      KPI_TAB,
      REGISTER_ID_COPY,
    ]);
    let ledger = parseLedger(stored[INTAKE_LEDGER]);
    // A submission that died between its two owner writes: settled first (see ./pending-ack.ts), so a
    // replay of its response finds it recorded when its order landed.
    const interrupted = parsePending(stored[INTAKE_PENDING]);
    const settled = interrupted ? settlePending(ss, reference, interrupted, ledger, now) : null;
    if (settled) {
      queueEmails(ss, settled.owed, now);
      ledger = settled.ledger;
    }
    // The pending value is emptied (and the ledger written) with the counter below, or here.
    const catchUp: Record<string, string> = stored[INTAKE_PENDING]
      ? { [INTAKE_PENDING]: '', [INTAKE_LEDGER]: serializeLedger(ledger) }
      : {};
    if (isIngested(ledger, response.sheetName, response.row)) {
      if (stored[INTAKE_PENDING]) writeOwnerStates(ssId, catchUp);
      return null;
    }
    const submission = parseSubmission(response.namedValues, reference.settings.locations);
    // A lost or unreadable counter is rebuilt from the highest id issued, never restarted.
    const next = nextRequestId(ss, stored[REQUEST_COUNTER]);
    const ref = responseRef(response.sheetName, response.row);
    const order = newWorkOrder(submission, {
      id: next.id,
      requestedAt: response.requestedAt,
      responseRef: ref,
    });
    const user = submission.requesterEmail || 'anonymous form respondent';
    const owed = mail === 'intent' && reference.settings.notifyRequestor && order.requesterEmail !== '';
    // An emergency's alert is owed with the acknowledgment, in the same writes (emergency-alert.ts).
    const alert = mail === 'intent' ? emergencyAlertPlan(reference, order) : null;
    const planned: PlannedMail[] = [
      ...(owed ? [{ kind: 'acknowledgment' as const }] : []),
      ...(alert ? [alert] : []),
    ];
    const inDocument = documentPropertiesOrNull() !== null;
    // The counter moves first: a failure after this leaves a gap in the ids, never a duplicate, and an
    // uncommitted log row naming this id can only be about this order. In a document, the pending
    // submission is recorded in the same call.
    const pending: PendingIntake = {
      recordId: order.id,
      sheetName: response.sheetName,
      row: response.row,
      planned,
    };
    writeOwnerStates(ssId, {
      ...catchUp,
      [REQUEST_COUNTER]: next.stored,
      ...(inDocument ? { [INTAKE_PENDING]: serializePending(pending) } : {}),
      // The hourly job's copy of the sealed flag, with this write when missing (row-state-seal.ts).
      ...sealedCopyOwed(stored[SEALED_COPY]),
      // The hourly job's copy of the register's sheet id, which tells it the register (register-tab.ts).
      ...registerIdCopyOwed(stored[REGISTER_ID_COPY]),
    });
    // The log row next, committed once the order is in the register (change-log.ts).
    const logged = writeChangeLog(ss, [
      {
        at: now,
        user,
        source: 'form',
        recordId: order.id,
        field: 'Created',
        oldValue: '',
        newValue: `Submitted (${ref})`,
      },
      // What the raw answers were, so that Verify audit log finds a later edit of them.
      ...digestEntry(ssId, response.namedValues, { at: now, user, recordId: order.id, ref }),
      ...(order.reviewFlag
        ? [
            {
              at: now,
              user: 'system',
              source: 'system' as const,
              recordId: order.id,
              field: 'Needs Review',
              oldValue: '',
              newValue: order.reviewFlag,
            },
          ]
        : []),
    ]);
    // The hourly job's acknowledgment: recorded beside its handed-off rows, released by `releaseMailIntent`.
    const mailIntent = inDocument ? null : logged.intend(order.id, planned);
    // The header is not shared with the edit trigger from here (see OpenOptions): a put per submission.
    const appended = Register.open(ss, { shareHeader: false }).appendUnlocated(order);
    // The review queue index, when one is stored, is written with the checkpoint (one call); the row
    // the order landed on is read only then. In the document, the log rows above went in after whatever
    // the hourly job had handed off (this trigger runs as the owner, under the owner's lock): that look
    // is recorded too, so the edits of the next minutes skip theirs.
    logged.commit(mailIntent, {
      ...queuePropertiesFor({ appended: order, rowOf: appended.rowOf }),
      ...(inDocument ? handOffLookRecord(now) : {}),
      // The KPI History tab's id, for a take-over to find (kpi-history/keep.ts kpiTabCopy).
      ...(inDocument ? kpiTabCopy(stored[KPI_TAB]) : {}),
    });
    // The ledger last, and with it the acknowledgment released: from here the caller sends. An
    // emergency's alert stays pending until it is sent (see onFormSubmitTrigger).
    const stillOwed = inDocument && alert ? serializePending({ ...pending, planned: [alert] }) : '';
    writeOwnerStates(ssId, {
      [INTAKE_LEDGER]: serializeLedger(markIngested(ledger, response.sheetName, response.row)),
      ...(inDocument ? { [INTAKE_PENDING]: stillOwed } : {}),
    });
    return { order, mailIntent, alert: stillOwed ? alert : null };
  });
}

function digestEntry(
  spreadsheetId: string,
  namedValues: Record<string, string[]>,
  row: { at: Date; user: string; recordId: string; ref: string },
): UnhashedEntry[] {
  const key = addonKey(spreadsheetId);
  if (!key) return [];
  const digest = responseDigest(key, namedValues);
  return [
    { ...row, source: 'form', field: RESPONSE_DIGEST_FIELD, oldValue: '', newValue: `${row.ref} ${digest}` },
  ];
}

/**
 * Sends the acknowledgment of `order`. `released`: its mail intent was released (releaseMailIntent)
 * by the caller; when that failed, the next change queues the email and it must not be sent here.
 */
export function acknowledge(
  ss: Spreadsheet,
  reference: ReferenceData,
  order: WorkOrder,
  now: Date,
  released: boolean,
): void {
  if (!reference.settings.notifyRequestor || order.requesterEmail === '') return;
  if (!released) return;
  const email = composeEmail('acknowledgment', order, {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
  });
  sendOrQueue(ss, { ...email, recordId: order.id }, now);
}

/**
 * Installable form-submit trigger: the one for every form linked to this spreadsheet (an add-on may
 * have one per document). A response is routed by the form it belongs to, told by its questions: the
 * per-order update form's go to My work's handler, everything else is a request.
 */
export function onFormSubmitTrigger(e: unknown): void {
  const event = toFormSubmitEvent(e);
  if (!event) return;
  const ss = activeSpreadsheet();
  if (isUpdateResponse(event.namedValues) || isReplyResponse(event.namedValues)) {
    // Only the installation owner's trigger acts, whichever form answered: after a take-over both trigger
    // sets fire until the former owner's retires, and each owner keeps its own intake ledger.
    const reference = loadReferenceData(ss);
    if (!servesAsInstallationOwner('onFormSubmitTrigger', reference.installationOwner)) return;
    if (isUpdateResponse(event.namedValues)) return void applyUpdateResponse(ss, event);
    // A requestor's reply (the reply form shares this trigger) goes on their work order, not in as a request.
    return void recordReply(ss, event, new Date());
  }
  const now = new Date();
  // A request takes the locks before anything else: the Settings/Staff snapshot, the installation owner
  // and all that ingestResponse reads of the document's properties then come from one read of the store
  // (document-properties-memo.ts), where a snapshot read before the locks would be a round trip of its own.
  // The acknowledgment is released by ingestResponse's last write, under the owner's lock that every
  // execution settling it holds (./pending-ack.ts); no mail intent is recorded in the document, so
  // releaseMailIntent has nothing to do. The owner's lock is kept to the execution's end (a release is
  // a round trip): only the owner's own executions wait for the email below, never an editor.
  const ingested = withOwnerAndDocumentLocks(
    () => {
      const reference = loadReferenceData(ss);
      if (!servesAsInstallationOwner('onFormSubmitTrigger', reference.installationOwner)) return null;
      const result = ingestResponse(
        ss,
        reference,
        {
          sheetName: event.range.sheetName,
          row: event.range.row,
          namedValues: event.namedValues,
          requestedAt: now,
        },
        now,
        'intent',
      );
      // A row taken in already: a replay changes nothing; an edited response is logged (./edited-response).
      if (!result) return { reference, edited: recordEditedResponse(ss, event, now), result: null };
      return { reference, result, released: releaseMailIntent(result.mailIntent) };
    },
    { keepOwnerToExit: true },
  );
  if (!ingested) return;
  // After the document lock: sending is slow and must not hold editors up.
  if (ingested.result === null) {
    if (ingested.edited) tellEditedResponse(ss, ingested.reference, ingested.edited, now);
    return;
  }
  const { reference, result, released } = ingested;
  acknowledge(ss, reference, result.order, now, released);
  // An emergency's alert is released only once sent (at least once: a death before the release
  // leaves it to the next owner's execution to queue, pending-ack.ts), where the acknowledgment is
  // released before (at most once): a lost alert leaves an emergency unseen, a second one costs nothing.
  if (result.alert) {
    const ssId = ss.getId(); // before the send: the release is then its next call
    sendEmergencyAlert(ss, reference, result.order, result.alert, now);
    releaseEmergencyAlert(ssId);
  }
}
