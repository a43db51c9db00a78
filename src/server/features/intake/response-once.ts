/**
 * Each form response row is acted on once. Google may deliver a form-submit event twice, and fires it
 * again for the same row when a response is edited; intake's ledger (the installation owner's
 * properties, under the owner's lock) records the rows already handled, for requests, requestor
 * replies and update-form answers alike.
 *
 * A reply or update-form answer marks its row after its work (a kill before the work leaves the row
 * for the hourly job to find, ./owed-answers.ts). An execution killed between the work and the mark
 * would have it applied twice on replay, so a pending marker is written first: the row, the handler's
 * time and the respondent, which stamp every log row the work writes (a step, a reply added or
 * refused). A replay that finds the marker asks the log: a committed row of source "form" by that
 * respondent at that time means the work landed (the ledger is marked, nothing redone); none means it
 * did not (change-log-recovery.ts writes over the rows of a change that did not land), and it is done
 * now. One more property write per answer, none for the hourly job's routine runs.
 */
import { isIngested, markIngested, parseLedger, serializeLedger } from '../../../core/intake-ledger';
import { responseRef } from '../../../core/intake';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { formRowLogged } from '../../adapters/form-log-search';
import {
  readOwnerState,
  readOwnerStates,
  writeOwnerState,
  writeOwnerStates,
} from '../../adapters/owner-state';
import { INTAKE_LEDGER } from './form-submit';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner state (per spreadsheet): answers being applied, by response ref, as JSON (see above). */
export const ANSWER_PENDING = 'answerPending';

interface Pending {
  at: number;
  by: string;
}

function parsePending(stored: string | null): Record<string, Pending> {
  try {
    const parsed: unknown = JSON.parse(stored ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const kept: Record<string, Pending> = {};
    for (const [ref, p] of Object.entries(parsed as Record<string, Partial<Pending>>))
      if (p && Number.isFinite(p.at) && typeof p.by === 'string')
        kept[ref] = { at: p.at as number, by: p.by };
    return kept;
  } catch {
    return {};
  }
}

/**
 * Runs `apply` for the response at `at` unless its row was handled already (then null), and records
 * the row as handled. `by`: the handler's time and the respondent, as its log rows carry them. The
 * caller holds the owner's lock (the ledger) and the document lock (the log, and what `apply` writes).
 */
export function oncePerResponseRow<T>(
  ss: Spreadsheet,
  at: { sheetName: string; row: number },
  by: { now: Date; user: string },
  apply: () => T,
): T | null {
  const ssId = ss.getId();
  const state = readOwnerStates(ssId, [INTAKE_LEDGER, ANSWER_PENDING]);
  const ledger = parseLedger(state[INTAKE_LEDGER]);
  if (isIngested(ledger, at.sheetName, at.row)) return null;
  const pending = parsePending(state[ANSWER_PENDING]);
  const ref = responseRef(at.sheetName, at.row);
  const done = (): void => {
    delete pending[ref];
    writeOwnerStates(ssId, {
      [INTAKE_LEDGER]: serializeLedger(markIngested(ledger, at.sheetName, at.row)),
      [ANSWER_PENDING]: JSON.stringify(pending),
    });
  };
  const earlier = pending[ref];
  if (earlier) {
    const found = formRowLogged(ss, new Date(earlier.at), earlier.by);
    if (found === 'unsettled')
      throw new Error(
        `The answer in ${ref} was being applied by an execution that stopped; the change log's next append settles it, and the answer is then applied once.`,
      );
    if (found === 'logged') {
      done();
      return null;
    }
  }
  pending[ref] = { at: by.now.getTime(), by: by.user.trim().toLowerCase() };
  writeOwnerState(ssId, ANSWER_PENDING, JSON.stringify(pending));
  const result = apply();
  done();
  return result;
}

/** Marks a response row handled (the hourly job's owed answers, once replayed), under the owner's lock. */
export function markAnswerSettled(ssId: string, at: { sheetName: string; row: number }): void {
  withOwnerAndDocumentLocks(() => {
    const ledger = parseLedger(readOwnerState(ssId, INTAKE_LEDGER));
    if (isIngested(ledger, at.sheetName, at.row)) return;
    writeOwnerState(ssId, INTAKE_LEDGER, serializeLedger(markIngested(ledger, at.sheetName, at.row)));
  });
}
