/**
 * Register rows deleted by hand come back. Deleting a row fires no edit trigger, so the hourly job
 * looks: an order the change log knows as live (created, not archived) that no register row holds was
 * deleted, and is rebuilt from the log (./rebuild) and appended to the register — values written as
 * literals, with its Last Known State — with a "Restored" log row. Administrators get one email per
 * run naming every order restored. Orders moved to the Archive tab by design are not missing: the log
 * records their move.
 *
 * The check costs nothing extra most hours (./candidates: the register is already read, the counter
 * and the Archive tab's id column say whether any id is unaccounted for); only then is the log read.
 * The rows are appended under the owner's lock (and the document lock where there is one), after the
 * register's ids are read again: an intake holds the owner's lock from taking its id to appending its
 * row, so a request being taken in is never mistaken for a deleted one.
 */
import { isIngested, parseLedger } from '../../../core/intake-ledger';
import { parseResponseRef } from '../../../core/intake';
import type { WorkOrder } from '../../../core/model';
import { RESTORED_FIELD, compareIds } from '../../../core/replay';
import { escapeHtml } from '../../../core/sanitize';
import { administratorEmails } from '../../../core/staff';
import { addonKey } from '../../adapters/addon-secret';
import type { OutgoingEmail } from '../../adapters/mailer';
import { writeChangeLog } from '../../adapters/change-log';
import { handedOffRecordIds } from '../../adapters/change-log-handoff';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerState } from '../../adapters/owner-state';
import type { ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { syncQueueFor } from '../../adapters/review-queue';
import { INTAKE_LEDGER } from '../intake/form-submit';
import { missingCandidates, readSettled, rememberSettled } from './candidates';
import { readLogKnowledge } from './log-history';
import { rebuildOrders } from './rebuild';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface RestoreOutcome {
  /** Ids restored to the register, in id order. */
  restored: string[];
}

/**
 * Whether intake finished with this order (its response is in the installation owner's ledger): an
 * intake under way or failed is not a deletion. Another administrator (Run hourly checks now) has no
 * ledger to ask; completing a failed intake is harmless then, since reconciliation takes in no response
 * an order in the register already came from.
 */
function intakeFinished(spreadsheetId: string, ref: string): boolean {
  const at = parseResponseRef(ref);
  const stored = readOwnerState(spreadsheetId, INTAKE_LEDGER);
  if (!at || stored === null) return true;
  try {
    return isIngested(parseLedger(stored), at.sheetName, at.row);
  } catch {
    return true; // An unreadable ledger is reconciliation's to rebuild; the log says the order was made.
  }
}

function restoredEmail(
  reference: ReferenceData,
  restored: readonly WorkOrder[],
  firstRow: number,
): OutgoingEmail {
  const lines = [
    `Work Orders found ${restored.length} work order(s) missing from the Work Orders sheet (their rows were deleted by hand) and put them back from the change log:`,
    ...restored.map(
      (o, i) => `${o.id} (${o.status}${o.woNumber ? `, ${o.woNumber}` : ''}), now at row ${firstRow + i}`,
    ),
    'Rows of the register are never deleted by hand: finished work orders leave it through Extensions › Work Orders › Archive closed work orders. The Change Log names who last changed each one.',
  ];
  return {
    to: administratorEmails(reference.staff),
    subject: `Work Orders: ${restored.length} deleted work order(s) restored`,
    body: lines.join('\n'),
    htmlBody: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
    recordId: '',
  };
}

/** Where the step's one email goes: the hourly job's mail (sent, or queued behind older mail). */
export interface RestoreMail {
  deliver(emails: readonly OutgoingEmail[]): void;
}

/** The hourly step: finds orders deleted from the register and puts them back. */
export function restoreDeletedOrders(
  ss: Spreadsheet,
  reference: ReferenceData,
  /** The Request IDs the register holds (HourlyRegister.ids). */
  present: ReadonlySet<string>,
  now: Date,
  mail: RestoreMail,
): RestoreOutcome {
  const ssId = ss.getId();
  const settled = readSettled(ssId);
  const candidates = missingCandidates(ss, present, settled);
  if (candidates.size === 0) return { restored: [] };
  const key = addonKey(ssId);
  const knowledge = key ? readLogKnowledge(ss, candidates) : null;
  if (!key || !knowledge) return { restored: [] };
  const notLive = [...candidates].filter((id) => !knowledge.live.has(id));
  const deleted = [...candidates].sort(compareIds).flatMap((id) => {
    const history = knowledge.live.has(id) ? knowledge.histories.get(id) : undefined;
    return history && intakeFinished(ssId, history.created?.ref ?? '') ? [history] : [];
  });
  const rebuilt =
    deleted.length > 0
      ? rebuildOrders(ss, deleted, {
          key,
          settings: reference.settings,
          timeZone: reference.timeZone,
          staff: reference.staff,
        })
      : new Map<string, WorkOrder>();
  const done = withOwnerAndDocumentLocks(() => {
    const register = Register.open(ss);
    // Read again under the locks: only what is still missing now is put back. An id the log had not
    // made when it was read, and that is still in no row now that no intake is under way, never was.
    // Raw cells, not parsed orders: a row that does not parse still holds its id.
    const { counts, served } = register.readIdsAndResponses();
    const present = new Set(counts.keys());
    // One response, one order: an intake that failed after logging and was taken in again by
    // reconciliation under a new id left a "Created" row that is not a deletion.
    const superseded = [...rebuilt.values()].filter((o) => o.responseRef !== '' && served.has(o.responseRef));
    // An order the hourly job made (a schedule's, a response it took in) is not in the log until the
    // next execution in the document appends its hand-off: deleted meanwhile, it is no number "never
    // used", which would keep it from ever being looked for again once the log has it.
    const unsettled = notLive.filter((id) => !present.has(id));
    const pending = unsettled.length > 0 ? handedOffRecordIds(ssId) : new Set<string>();
    rememberSettled(ssId, settled, [
      ...unsettled.filter((id) => !pending.has(id)),
      ...superseded.filter((o) => !present.has(o.id)).map((o) => o.id),
    ]);
    const missing = [...rebuilt.values()].filter((o) => !present.has(o.id) && !superseded.includes(o));
    if (missing.length === 0) return null;
    const logged = writeChangeLog(
      ss,
      missing.map((order) => ({
        at: now,
        user: 'system',
        source: 'system' as const,
        recordId: order.id,
        field: RESTORED_FIELD,
        oldValue: '',
        newValue: `${order.status}: its register row had been deleted by hand; rebuilt from the change log`,
      })),
    );
    const firstRow = register.appendMany(missing);
    logged.commit();
    syncQueueFor(missing.map((order, i) => ({ row: firstRow + i, order })));
    return { missing, firstRow };
  });
  if (!done) return { restored: [] };
  if (administratorEmails(reference.staff).length > 0)
    mail.deliver([restoredEmail(reference, done.missing, done.firstRow)]);
  return { restored: done.missing.map((o) => o.id) };
}
