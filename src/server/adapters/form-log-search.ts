/**
 * Whether an update-form or reply execution that died part way logged its change: the change log is
 * the one record such an execution writes whatever it decided (a step, a reply added or refused),
 * its rows stamped with the execution's own time and the respondent (features/intake/response-once.ts).
 */
import { entriesOfRow } from '../../core/change-log-row';
import { CHANGE_LOG_HEADERS } from '../../core/model';
import { readChangeLogBackward } from './change-log-read';
import { readCheckpoint } from './change-log-tail';
import { logSheet } from './workbook';
import type { Spreadsheet } from './apps-script-types';

/**
 * Rows are appended in the order executions got the lock, each stamped with the time it started: a row
 * further down can be older by the wait for the lock (30 s at most) and the work before it.
 */
const ORDER_SLACK_MS = 10 * 60_000;
/** Rows read at most: the marker is settled by the owner's next execution in the document, within hours. */
const MAX_ROWS = 20_000;

export type FormLogFinding = 'logged' | 'not logged' | 'unsettled';

/**
 * Whether the log holds a row of source "form" by `user` stamped `at` (to the second): 'logged' when a
 * committed row does; 'unsettled' when only a row past the checkpoint does (the next append decides
 * whether its change landed, change-log-recovery.ts); else 'not logged'. Read from the bottom up, a
 * small chunk first, until the rows are older than `at`. Under the document lock.
 */
export function formRowLogged(ss: Spreadsheet, at: Date, user: string): FormLogFinding {
  const committed = readCheckpoint()?.row ?? Number.POSITIVE_INFINITY;
  const second = Math.floor(at.getTime() / 1000);
  const oldest = at.getTime() - ORDER_SLACK_MS;
  const who = user.trim().toLowerCase();
  let found: FormLogFinding = 'not logged';
  const scan = { firstColumn: 0, columns: CHANGE_LOG_HEADERS.length, chunks: [50, 1000], maxRows: MAX_ROWS };
  readChangeLogBackward(logSheet(ss), scan, (rows, first) => {
    let older = rows.length > 0;
    for (let i = rows.length - 1; i >= 0; i--) {
      for (const entry of entriesOfRow(rows[i] ?? [])) {
        const time = entry.at.getTime();
        if (!(time < oldest)) older = false;
        if (entry.source !== 'form' || entry.user.trim().toLowerCase() !== who) continue;
        if (Math.floor(time / 1000) !== second) continue;
        found = first + i > committed ? 'unsettled' : 'logged';
        return true;
      }
    }
    return older;
  });
  return found;
}
