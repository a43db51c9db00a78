/**
 * A paste that covered the register's hidden Last Known State column. The row's record is then the
 * paste's own — another order's, copied with its row, or one typed to match a forged Status — so it
 * says nothing about what the row held. What the row held is read from the change log instead (the
 * add-on's trusted record, ./log-history) and the row is put back whole:
 *
 *  - the Request ID now in the row belongs to a live order that no other row holds: that order, as
 *    the log describes it (a forged record for the row's own order launders nothing);
 *  - otherwise the paste brought another row's id (now twice in the register) or one the log never
 *    made: the row held an order that is now missing from the register, and that one comes back.
 *
 * So is a paste on a row that has no record at all (its state cell emptied, or the column deleted by
 * hand: a technician may, being an editor of the protection that covers it): left as pasted, it
 * would be adopted as the row's record by the next setup.
 *
 * When the log cannot tell (no secret yet, no missing order), the row is left for Undo, as before.
 * Cost, on this path only: the id column, the log, the responses tab. The edit trigger reads the log
 * before it takes the document lock and, under it, only the rows appended since (./log-snapshot).
 */
import { cellText, type RegisterLayout } from '../../../core/columns';
import { parseRequestId } from '../../../core/ids';
import type { WorkOrder, WorkOrderField } from '../../../core/model';
import { compareIds } from '../../../core/replay';
import { addonKey } from '../../adapters/addon-secret';
import type { ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { sameFieldValue } from '../../adapters/row-state';
import { FIELDS, readFields } from '../edits/cells';
import type { Refusal, RowVerdict } from '../edits/judge';
import { highestIssued, missingCandidates, readSettled } from './candidates';
import { WHOLE_LOG_READING, type LogReading } from './log-snapshot';
import { rebuildOrders } from './rebuild';
import { putBackUnkeptFields, unkeptRecordIds } from './unkept-fields';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

const WHAT_TO_DO =
  'To change a work order, type into its own cells; to copy a row, leave out the hidden "Last Known State" column';

export function forgedStateReason(id: string): string {
  return `This paste also covered the hidden "Last Known State" column, which only Work Orders writes, so ${id} was put back whole as the change log records it. ${WHAT_TO_DO}`;
}

export function duplicateReason(pasted: string, id: string): string {
  const what =
    pasted === '' ? 'a row with no Request ID' : `the row of ${pasted}, which is already in the register`;
  return `This paste put ${what} over ${id} (hidden "Last Known State" column included), so ${id} was put back whole as the change log records it. ${WHAT_TO_DO}`;
}

export function strayCopyReason(pasted: string): string {
  const what =
    pasted === '' ? 'a row with no Request ID' : `a copy of ${pasted}, which is already in the register,`;
  return `This paste put ${what} (hidden "Last Known State" column included) on a row that held no work order, so its work-order cells were emptied. ${WHAT_TO_DO}`;
}

/** A paste on a row whose record is gone (a state cell emptied, the column deleted by hand). */
export function noRecordReason(id: string): string {
  return `Work Orders has no record of what this row held (its hidden "Last Known State" is missing), so this paste was put back and ${id} is as the change log records it. Type changes one cell at a time; an administrator should run Set up work orders`;
}

export interface PastedRows {
  sheet: Sheet;
  layout: RegisterLayout;
  stateIndex: number;
  /** The edited rows as read, top to bottom. */
  read: readonly (readonly unknown[])[];
  edited: (index: number) => boolean;
  /** How the log is read for a whole put-back (default: all of it, here; see ./log-snapshot). */
  log?: LogReading;
}

/**
 * The verdict that puts a row back whole to `baseline`. Cells outside the paste stay as they are, but
 * the row's new record is the baseline's, not theirs: a cell that differs from the change log was
 * written where no trigger judged it (a script's Assignee = TECH2) or by an edit whose own trigger
 * is still to come, and taking it into a record the add-on seals would let it through unjudged. It
 * then disagrees with the record, so every action on the row refuses it until Verify audit log puts
 * it back, and a queued edit's trigger judges it against the log's value.
 */
export function putBackWhole(
  cells: readonly unknown[],
  rows: PastedRows,
  baseline: WorkOrder,
  reason: string,
  /** False for a row that had no record: there is no pasted record to refuse. */
  stateRefused = true,
): RowVerdict {
  const { layout, stateIndex, edited } = rows;
  const read = readFields(cells, layout, baseline);
  const order = baseline;
  const refused: Refusal[] = [];
  for (const field of FIELDS) {
    const index = layout.indexOf[field];
    if (index < 0 || !edited(index)) continue;
    if (read.bad.has(field) || !sameFieldValue(field, read.order[field], order[field]))
      refused.push({ field, typed: cellText(cells[index]), reason, restored: true });
  }
  if (stateRefused)
    refused.push({
      field: 'state',
      typed: cellText(cells[stateIndex]).slice(0, 200),
      reason,
      restored: true,
    });
  const notes = new Map<WorkOrderField, string>();
  for (const r of refused) if (r.field !== 'state') notes.set(r.field, reason);
  return {
    kind: 'judged',
    before: order,
    next: order,
    changes: [],
    refused,
    steps: [],
    notes,
    noted: [...notes.keys()],
    unknownOld: new Set(),
    drift: [],
    fromRecord: true,
    // Rebuilt from the change log, which does not say whether the Reason was typed for a next hold.
    reasonRenewed: false,
  };
}

/** The verdict that empties a row that held no work order (the state cell included). */
function emptyCopy(cells: readonly unknown[], rows: PastedRows, reason: string): RowVerdict {
  const refused: Refusal[] = [];
  for (const field of FIELDS) {
    const index = rows.layout.indexOf[field];
    if (index < 0 || !rows.edited(index)) continue;
    const typed = cellText(cells[index]);
    if (typed !== '') refused.push({ field, typed, reason, restored: true });
  }
  refused.push({
    field: 'state',
    typed: cellText(cells[rows.stateIndex]).slice(0, 200),
    reason,
    restored: true,
  });
  return { kind: 'stray', refused };
}

/**
 * The verdicts with every paste over the state column replaced by a whole put-back from the change
 * log, where the log tells what the row held, then every refused text kept only as a print put back
 * where it is found (./unkept-fields). One reading of the log outside the lock serves both: when the
 * first asks for it, it names the orders of the second too.
 */
export function putBackForgedRows(
  ss: Spreadsheet,
  rows: PastedRows,
  verdicts: readonly RowVerdict[],
  reference: ReferenceData,
): RowVerdict[] {
  const whole = putBackWholeRows(ss, rows, verdicts, reference, unkeptRecordIds(rows, verdicts));
  return putBackUnkeptFields(ss, rows, whole, reference);
}

function putBackWholeRows(
  ss: Spreadsheet,
  rows: PastedRows,
  verdicts: readonly RowVerdict[],
  reference: ReferenceData,
  alsoWanted: ReadonlySet<string>,
): RowVerdict[] {
  // A row with no record is no better known than one pasted with a record of its own: the log says.
  const forged = verdicts.flatMap((v, i) =>
    v.kind === 'unchecked' && (v.stateForged === true || v.noRecord === true) ? [i] : [],
  );
  if (forged.length === 0) return [...verdicts];
  const key = addonKey(ss.getId());
  if (!key) return [...verdicts];
  const idIndex = rows.layout.indexOf.id;
  const register = Register.withLayout(rows.sheet, rows.layout, rows.stateIndex);
  const pastedId = (i: number): string => cellText(rows.read[i]?.[idIndex]).trim();
  const pastedIds = forged.map(pastedId).filter((id) => id !== '');
  const candidatesAmong = (present: Iterable<string>): Set<string> =>
    missingCandidates(ss, new Set(present), readSettled(ss.getId()));
  const wantedWith = (candidates: ReadonlySet<string>): Set<string> =>
    new Set([...candidates, ...pastedIds, ...alsoWanted]);
  const log = rows.log ?? WHOLE_LOG_READING;
  // The log may have to be read first, outside the lock, for the orders the register misses then.
  log.ensureRead(() => wantedWith(candidatesAmong(register.readIdsAndResponses().counts.keys())));
  const { counts, served } = register.readIdsAndResponses();
  const candidates = candidatesAmong(counts.keys());
  const knowledge = log.knowledge(ss, wantedWith(candidates));
  if (!knowledge) return [...verdicts];
  const missing = [...candidates]
    .filter((id) => {
      const history = knowledge.live.has(id) ? knowledge.histories.get(id) : undefined;
      // An order whose response another row's order came from was taken in again, not pasted over.
      return history !== undefined && !served.has(history.created?.ref ?? '');
    })
    .sort(compareIds);
  const chosen = new Map<number, { id: string; reason: string }>();
  const emptied = new Map<number, string>();
  // An id pasted into several rows at once: held by no row outside the paste, the first row keeps it.
  const inPaste = new Map<string, number>();
  for (const i of forged) inPaste.set(pastedId(i), (inPaste.get(pastedId(i)) ?? 0) + 1);
  const claimed = new Set<string>();
  // The register's own ids count towards the highest issued only outside the paste.
  const elsewhere = [...counts.keys()].filter((id) => (counts.get(id) ?? 0) > (inPaste.get(id) ?? 0));
  const highest = highestIssued(ss.getId(), new Set(elsewhere));
  const unissued = (id: string): boolean => (parseRequestId(id) ?? 0) > highest;
  for (const i of forged) {
    const pasted = pastedId(i);
    const outside = (counts.get(pasted) ?? 0) - (inPaste.get(pasted) ?? 0);
    const own = knowledge.live.has(pasted) && knowledge.histories.has(pasted) && outside === 0;
    const noRecord = (verdicts[i] as { noRecord?: boolean }).noRecord === true;
    if (own && !claimed.has(pasted)) {
      claimed.add(pasted);
      chosen.set(i, { id: pasted, reason: noRecord ? noRecordReason(pasted) : forgedStateReason(pasted) });
    } else if (rows.edited(idIndex) && missing.length > 0) {
      const id = missing.shift() as string;
      chosen.set(i, { id, reason: duplicateReason(pasted, id) });
    } else if (
      rows.edited(idIndex) &&
      (pasted === '' || outside > 0 || claimed.has(pasted) || unissued(pasted))
    ) {
      // A copy of a row that is still there, an id never handed out (or none), and every order the
      // log knows is in the register: this row held none, and the copy goes. A lone id the log does
      // not know (an order older than its log) is left for Undo instead.
      emptied.set(i, strayCopyReason(pasted));
    }
  }
  if (chosen.size === 0 && emptied.size === 0) return [...verdicts];
  const histories = [...chosen.values()].map(({ id }) => knowledge.histories.get(id)!);
  const orders = rebuildOrders(ss, histories, {
    key,
    settings: reference.settings,
    timeZone: reference.timeZone,
    staff: reference.staff,
  });
  return verdicts.map((verdict, i) => {
    const empty = emptied.get(i);
    if (empty !== undefined) return emptyCopy(rows.read[i] ?? [], rows, empty);
    const pick = chosen.get(i);
    const baseline = pick ? orders.get(pick.id) : undefined;
    if (!pick || !baseline) return verdict;
    const stateRefused = !(verdict as { noRecord?: boolean }).noRecord;
    return putBackWhole(rows.read[i] ?? [], rows, baseline, pick.reason, stateRefused);
  });
}
