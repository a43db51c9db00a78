/**
 * The change log's one way in. Every append runs under the document lock (the hourly job, which has no
 * document and so no document lock, hands its entries off instead: change-log-handoff.ts), so two
 * appenders never write the same row, and every append is keyed-chained and checkpointed
 * (change-log-tail.ts).
 *
 * A writer that changes the register too writes its log rows first and commits them after its
 * register write:
 *
 *   const logged = writeChangeLog(ss, entries);   // rows written, not yet recorded
 *   register.write(...);
 *   logged.commit();                               // checkpoint updated
 *
 * A missing Change Log tab therefore stops the writer before anything changes, and a failure between
 * the two steps is settled by the next append (change-log-recovery.ts). Writers that only log call
 * appendChangeLog, which does both steps.
 */
import type { UnhashedEntry } from '../../core/audit';
import { documentKey } from './addon-secret';
import {
  dropMailIntentsAfter,
  intentKey,
  recordMailIntent,
  settleMailIntents,
  type MailIntent,
  type PlannedMail,
} from './change-log-mail';
import { recoverUncommitted } from './change-log-recovery';
import { flushHandOff, handOff, handOffMailIntent, holdsHandOff } from './change-log-handoff';
import { ownerProperties } from './owner-state';
import { findTail, readCheckpoint, startCheckpoint, writeCheckpoint, writeRows } from './change-log-tail';
import { documentLockHold, holdsDocumentLock, holdsOwnerLock } from './document-lock';
import { documentPropertiesOrNull } from './service-handles';
import { SHEET_NAMES } from '../../core/model';
import { UserFacingError, logSheet } from './workbook';
import type { Spreadsheet } from './apps-script-types';

export interface TailAppendOptions {
  /**
   * Spreadsheet calls the caller can still spend within its budget: with one, a sheet running out of
   * rows is grown early; with two, an unknown row count is looked up first.
   */
  spareCalls?: number;
}

/**
 * Rows written by writeChangeLog: `commit` records them once the caller's own change is made, with
 * the intent of the emails the change owes (change-log-mail.ts), in one property write.
 */
export interface LoggedRows {
  /** Records the emails the change owes (call it before the change itself): see change-log-mail.ts. */
  intend(recordId: string, planned: readonly PlannedMail[]): MailIntent | null;
  /**
   * `also`: document properties the caller writes with its change (the review queue index), written
   * in the checkpoint's own call.
   */
  commit(mail?: MailIntent | null, also?: Readonly<Record<string, string>>): void;
}

const NOTHING: LoggedRows = {
  intend: () => null,
  commit: (_mail, also) => {
    if (also && Object.keys(also).length > 0) documentPropertiesOrNull()?.setProperties({ ...also });
  },
};

/**
 * The tab named Change Log is not the one the add-on's rows were written to (the log renamed, and
 * another tab made under its name): nothing is appended there. Setup names the log again.
 */
export class ReplacedChangeLog extends UserFacingError {
  constructor() {
    super(
      `The "${SHEET_NAMES.changeLog}" tab is not the add-on's change log (the log was renamed and another tab made under its name). An administrator can run Extensions › Work Orders › Set up work orders to repair it; no data is lost.`,
    );
  }
}

/**
 * The Change Log sheet, or a clear error before anything changes (the local accessor costs no call
 * when the sheet is there).
 */
export function requireChangeLog(ss: Spreadsheet): void {
  logSheet(ss);
}

/** Step one: writes the rows (after any handed-off entries and recovered rows), uncommitted. */
export function writeChangeLog(
  ss: Spreadsheet,
  entries: readonly UnhashedEntry[],
  options: TailAppendOptions = {},
): LoggedRows {
  if (!documentPropertiesOrNull()) {
    // The hourly job: no document lock to append under. The next execution in the document that
    // holds the owner's lock (a form submission, an edit) appends these first, and queues the emails
    // they owe if the job did not get to send them.
    handOff(ss.getId(), entries);
    return {
      intend: (recordId, planned) =>
        planned.length === 0
          ? null
          : { key: handOffMailIntent(ss.getId(), recordId, planned), recordId, planned: [...planned] },
      commit: () => undefined,
    };
  }
  if (!holdsDocumentLock()) {
    throw new Error('The change log is appended to under the document lock only (withDocumentLock).');
  }
  const sheet = logSheet(ss);
  const handedOff = holdsOwnerLock() ? flushHandOff(ss.getId()) : null;
  const all = handedOff ? [...handedOff.entries, ...entries] : entries;
  if (all.length === 0) return NOTHING;
  const key = documentKey();
  if (!key) throw new Error('Document properties are not available: the change log cannot be signed.');
  const stored = readCheckpoint();
  const sheetId = sheet.getSheetId();
  if (stored?.sheetId !== undefined && stored.sheetId !== sheetId) throw new ReplacedChangeLog();
  let tail = findTail(sheet, stored ?? startCheckpoint(sheet));
  let recovered =
    tail.uncommitted > 0
      ? recoverUncommitted(ss, sheet, key, tail.checkpoint, tail.uncommitted, !stored)
      : tail.checkpoint;
  if (!recovered) {
    // No checkpoint, and keyed rows this secret did not sign: no failed first append of this add-on
    // (a copy of the spreadsheet, say, whose document properties stayed behind). Read as old rows,
    // and appended after, never written over.
    tail = findTail(sheet, startCheckpoint(sheet, false));
    recovered = tail.checkpoint;
  }
  // Emails owed by an execution that failed after its change landed are queued now; those of rows
  // whose change never landed are forgotten.
  const owed = [...(recovered.mail ?? [])];
  for (let s = tail.checkpoint.seq + 1; s <= recovered.seq; s++) owed.push(intentKey(s));
  if (recovered.seq < tail.checkpoint.seq + tail.uncommitted || tail.damaged)
    dropMailIntentsAfter(recovered.seq);
  if (owed.length > 0) settleMailIntents(ss, owed);
  // The hourly job's intents whose emails it did not get to send (its rows are appended below).
  if (handedOff && handedOff.mailKeys.length > 0)
    settleMailIntents(ss, handedOff.mailKeys, ownerProperties());
  const { mail: _settled, ...kept } = recovered;
  const from = { ...kept, sheetId };
  // Rows past what recovery kept are written over (their change never landed).
  const afterRow = tail.damaged ? tail.endRow : from.row;
  const clearThrough = tail.damaged ? 0 : tail.checkpoint.row + tail.uncommitted;
  const written = writeRows(
    sheet,
    key,
    from,
    afterRow,
    tail.knownRows,
    all,
    options.spareCalls ?? 0,
    clearThrough,
  );
  return {
    intend: (recordId, planned) => {
      const intent = recordMailIntent(written.checkpoint.seq, recordId, planned);
      // Released under the same hold, when the writer keeps it that long (releaseMailIntent).
      return intent && { ...intent, hold: documentLockHold() };
    },
    commit: (mail, also) => {
      writeCheckpoint(mail ? { ...written.checkpoint, mail: [mail.key] } : written.checkpoint, also);
      handedOff?.done();
    },
  };
}

/**
 * Whether the hourly job left entries (or the emails they owe) for this spreadsheet: one getKeys call
 * of the owner's properties, no lock. A writer that does not otherwise need the owner's lock takes it
 * only then, so that it appends them (writeChangeLog does, under both locks); one handed off after
 * this look is appended by the next writer.
 */
export function handOffWaiting(spreadsheetId: string): boolean {
  return holdsHandOff(spreadsheetId, ownerProperties().getKeys());
}

/** Appends and commits at once: for writers whose only change is the log row. */
export function appendChangeLog(
  ss: Spreadsheet,
  entries: readonly UnhashedEntry[],
  options: TailAppendOptions = { spareCalls: 1 },
): void {
  writeChangeLog(ss, entries, options).commit();
}
