/**
 * Applies the reply and update-form answers the hourly job found unrecorded (./answers-owed.ts), in
 * the owner's execution in the document that holds the owner's and the document lock (an edit that
 * took the owner's lock for the hand-off: edits/edit-locks.ts). Each goes through its trigger's own
 * handler, with the event that trigger would have had, so its effects are the trigger's: the change,
 * its log rows, its emails, and the row marked in intake's ledger. A row handled meanwhile (the
 * ledger lists it) changes nothing; one whose answers changed since the job checked them against
 * Google Forms is not applied, and the administrators are told.
 */
import type { FormSubmitEvent } from '../../../core/intake';
import { isReplyResponse } from '../../../core/reply-form';
import { isUpdateResponse } from '../../../shared/my-work-update-form';
import { readResponseRows } from '../../adapters/response-tabs';
import { findTab } from '../../adapters/workbook';
import { reportProblem } from '../errors/report';
import { namedValuesOf } from '../hourly/response-rows';
import { applyUpdateResponse } from '../my-work/form-update';
import { recordReply } from '../review/reply';
import { answerDigest, readOwed, sameRow, writeOwed, type OwedAnswer } from './answers-owed';
import { markAnswerSettled } from './response-once';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Answers applied per execution: each runs a handler (a step, its emails) inside someone's edit. */
export const MAX_REPLAYED_PER_EXECUTION = 5;

/** The form-submit event of an owed row, as its trigger would have had it; null when its answers changed. */
function eventOf(ss: Spreadsheet, owed: OwedAnswer): FormSubmitEvent | null {
  const sheet = findTab(ss, owed.sheetName);
  if (!sheet) return null;
  const { header, rows } = readResponseRows(sheet, owed.row, owed.row);
  const cells = rows[0] ?? [];
  const namedValues = namedValuesOf(header, cells);
  if (answerDigest(namedValues) !== owed.digest) return null;
  return {
    namedValues,
    values: cells.map((c) => (c instanceof Date ? c.toISOString() : String(c ?? ''))),
    range: { sheetName: owed.sheetName, row: owed.row, column: 1, numRows: 1, numColumns: header.length },
  };
}

/** Applies up to MAX_REPLAYED_PER_EXECUTION owed answers. The caller holds the owner's and the document lock. */
export function replayOwedAnswers(ss: Spreadsheet): void {
  const ssId = ss.getId();
  for (const owed of readOwed(ssId).slice(0, MAX_REPLAYED_PER_EXECUTION)) {
    const event = eventOf(ss, owed);
    try {
      if (event && isUpdateResponse(event.namedValues)) applyUpdateResponse(ss, event);
      else if (event && isReplyResponse(event.namedValues)) recordReply(ss, event, new Date());
    } catch (error) {
      // Left owed, for the next execution to try again; the others are not held up behind it.
      console.error(
        `The form answer in "${owed.sheetName}" row ${owed.row} could not be applied yet: ${String(error)}`,
      );
      continue;
    }
    if (!event) {
      reportProblem(ss, {
        source: 'Work Orders › form answers',
        message: `The form answer in "${owed.sheetName}" row ${owed.row} was not applied: it changed after it was checked against Google Forms (or its tab is gone). Its Email Address column names who sent it: ask them to send the form again.`,
        key: 'owed answer changed',
      });
    }
    // In the ledger whatever the handler did (an empty reply is not marked by it), so the job does not
    // find the row again. After the handler: killed before this, the next replay finds it handled.
    markAnswerSettled(ssId, owed);
    writeOwed(
      ssId,
      readOwed(ssId).filter((o) => !sameRow(o, owed)),
    );
  }
}
