import {
  FormSubmitEventSchema,
  newWorkOrder,
  parseSubmission,
  responseRef,
  type FormSubmitEvent,
} from '../../../core/intake';
import { isIngested, markIngested, parseLedger, serializeLedger } from '../../../core/intake-ledger';
import { composeEmail } from '../../../core/notifications';
import type { WorkOrder } from '../../../core/model';
import { activeSpreadsheet } from '../../adapters/workbook';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerStates, writeOwnerState } from '../../adapters/owner-state';
import { Register } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { appendChangeLog } from '../../adapters/change-log';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { sendOrQueue } from '../../adapters/mailer';
import { servesAsInstallationOwner } from '../setup/installation';
import { REQUEST_COUNTER_STATE, nextRequestId } from '../setup/counters';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REQUEST_COUNTER = REQUEST_COUNTER_STATE;
export const INTAKE_LEDGER = 'intakeLedger';

/** The trigger's event reduced to data (the Range read through local accessors only). */
export function toFormSubmitEvent(e: unknown): FormSubmitEvent | null {
  const raw = (e ?? {}) as {
    namedValues?: unknown;
    values?: unknown;
    range?: GoogleAppsScript.Spreadsheet.Range;
    triggerUid?: unknown;
  };
  const range = raw.range;
  const candidate = {
    namedValues: raw.namedValues,
    values: raw.values,
    range: range
      ? {
          sheetName: range.getSheet().getName(),
          row: range.getRow(),
          column: range.getColumn(),
          numRows: range.getNumRows(),
          numColumns: range.getNumColumns(),
        }
      : undefined,
    triggerUid: raw.triggerUid === undefined ? undefined : String(raw.triggerUid),
  };
  const parsed = FormSubmitEventSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new Error(
      `Form-submit event not understood: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  // A blank event (every answer and the timestamp empty) is not a submission: no row, no id.
  const blank = parsed.data.values.every((v) => v.trim() === '');
  return blank ? null : parsed.data;
}

export interface IngestResult {
  order: WorkOrder;
  row: number;
}

/**
 * Writes one response into the register. Idempotent per response row; holds the owner's and the
 * document's lock so ids are unique and increasing however executions interleave. The caller sends
 * the acknowledgment after the locks are released.
 */
export function ingestResponse(
  ss: Spreadsheet,
  reference: ReferenceData,
  response: { sheetName: string; row: number; namedValues: Record<string, string[]>; requestedAt: Date },
  now: Date,
): IngestResult | null {
  return withOwnerAndDocumentLocks(() => {
    const ssId = ss.getId();
    // Both read at once, under the locks that every writer of either holds.
    const stored = readOwnerStates(ssId, [INTAKE_LEDGER, REQUEST_COUNTER]);
    const ledger = parseLedger(stored[INTAKE_LEDGER]);
    if (isIngested(ledger, response.sheetName, response.row)) return null;
    const submission = parseSubmission(response.namedValues, reference.settings.locations);
    // A lost or unreadable counter is rebuilt from the highest id issued, never restarted.
    const next = nextRequestId(ss, stored[REQUEST_COUNTER]);
    // The counter moves first: a failure after this leaves a gap in the ids, never a duplicate.
    writeOwnerState(ssId, REQUEST_COUNTER, next.stored);
    const ref = responseRef(response.sheetName, response.row);
    const order = newWorkOrder(submission, {
      id: next.id,
      requestedAt: response.requestedAt,
      responseRef: ref,
    });
    // The header is not shared with the edit trigger from here (see OpenOptions): a put per submission.
    const row = Register.open(ss, { shareHeader: false }).append(order);
    syncQueueFor([{ row, order }], { appended: true });
    writeOwnerState(
      ssId,
      INTAKE_LEDGER,
      serializeLedger(markIngested(ledger, response.sheetName, response.row)),
    );
    const user = submission.requesterEmail || 'anonymous form respondent';
    appendChangeLog(ss, [
      {
        at: now,
        user,
        source: 'form',
        recordId: order.id,
        field: 'Created',
        oldValue: '',
        newValue: `Submitted (${ref})`,
      },
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
    return { order, row };
  });
}

export function acknowledge(ss: Spreadsheet, reference: ReferenceData, order: WorkOrder, now: Date): void {
  if (!reference.settings.notifyRequestor || order.requesterEmail === '') return;
  const email = composeEmail('acknowledgment', order, {
    timeZone: reference.timeZone,
    organizationName: reference.settings.organizationName,
  });
  sendOrQueue(ss, { ...email, recordId: order.id }, now);
}

/** Installable form-submit trigger. */
export function onFormSubmitTrigger(e: unknown): void {
  const event = toFormSubmitEvent(e);
  if (!event) return;
  const ss = activeSpreadsheet();
  const now = new Date();
  const reference = loadReferenceData(ss);
  if (!servesAsInstallationOwner('onFormSubmitTrigger', reference.installationOwner)) return;
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
  );
  if (result) acknowledge(ss, reference, result.order, now);
}
