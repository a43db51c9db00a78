/**
 * Answers to the add-on's own forms (the requestors' reply form, the technicians' update form) that no
 * form-submit execution recorded (its trigger failed, timed out on the lock, or was killed). Found as
 * reconciliation finds requests (rows the intake ledger does not list, past the grace period), each is
 * checked against Google Forms (./form-evidence.ts answersFromTheForm: a row typed into the tab is
 * never applied, and is settled in the ledger with the typed request rows) and owed to its handler,
 * which the owner's next execution in the document runs (intake/answers-owed.ts, owed-answers.ts).
 */
import { isReplyResponse } from '../../../core/reply-form';
import { isUpdateResponse } from '../../../shared/my-work-update-form';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { MAX_OWED, answerDigest, readOwed, sameRow, writeOwed } from '../intake/answers-owed';
import { answersFromTheForm } from './form-evidence';
import type { Candidate, ResponseRow } from './response-rows';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Whether a response row holds an answer to the reply or the update form, told as the trigger tells it. */
export function isFormAnswer(namedValues: Readonly<Record<string, readonly string[]>>): boolean {
  return isUpdateResponse(namedValues) || isReplyResponse(namedValues);
}

/**
 * An answer older than this that the ledger does not list is not applied: the job runs hourly, so a
 * missed answer is found within an hour or two of its response, and one this old is most likely one
 * handled long ago whose ledger entry was lost (the ledger deleted or rebuilt), which applied again
 * would redo an old step or repeat a reply. It is settled and the administrators are told, with its row.
 */
export const STALE_ANSWER_MS = 24 * 3_600_000;

export interface MissedAnswers {
  /** Newly owed to their handlers this run. */
  owed: number;
  /** Rows no form response stands behind: settled with the typed request rows, never applied. */
  notFromForm: ResponseRow[];
  /** Left for a later run: MAX_OWED are owed already. */
  remaining: number;
  /** Genuine or not, too old to apply (STALE_ANSWER_MS): settled, and named to the administrators. */
  stale: ResponseRow[];
}

/** Owes the genuine missed answers among `answers` (rows already owed are not checked again). */
export function oweMissedAnswers(
  ss: Spreadsheet,
  ssId: string,
  answers: readonly Candidate[],
  now: Date,
): MissedAnswers {
  const found: MissedAnswers = { owed: 0, notFromForm: [], remaining: 0, stale: [] };
  if (answers.length === 0) return found;
  const owedBefore = readOwed(ssId);
  const fresh = answers.filter((c) => {
    if (owedBefore.some((o) => sameRow(o, c))) return false;
    if (now.getTime() - c.submittedAt.getTime() <= STALE_ANSWER_MS) return true;
    found.stale.push({ sheetName: c.sheetName, row: c.row });
    return false;
  });
  if (fresh.length === 0) return found;
  const genuine = answersFromTheForm(ss, fresh);
  for (const c of fresh)
    if (!genuine.includes(c)) found.notFromForm.push({ sheetName: c.sheetName, row: c.row });
  if (genuine.length === 0) return found;
  withOwnerAndDocumentLocks(() => {
    const owed = readOwed(ssId);
    const adding = genuine.filter((c) => !owed.some((o) => sameRow(o, c)));
    const taken = adding.slice(0, Math.max(0, MAX_OWED - owed.length));
    found.owed = taken.length;
    found.remaining = adding.length - taken.length;
    if (taken.length === 0) return;
    const more = taken.map((c) => ({
      sheetName: c.sheetName,
      row: c.row,
      digest: answerDigest(c.namedValues),
    }));
    writeOwed(ssId, [...owed, ...more]);
  });
  return found;
}
