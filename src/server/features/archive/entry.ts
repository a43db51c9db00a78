import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { archiveClosed, type ArchiveResult } from './archive';
import type { RecordsResult } from './records';
import type { LogArchiveResult } from './log';
import { formatLocal } from '../../../core/time';
import { alertUser } from '../../adapters/ui';
import { roleMay } from '../../../core/permissions';
import { relistIfUnreadable } from './relist';

export type ArchiveOutcome = ArchiveResult & { message: string };

function summarize(r: ArchiveResult, timeZone: string): string {
  const moved = r.archived.length + r.alreadyInArchive.length;
  const where =
    r.archives.length > 0 ? r.archives.map((a) => `"${a}"`).join(', ') : 'the archive spreadsheets';
  const lines = [
    moved === 0
      ? `No closed, rejected or cancelled work order has been inactive for more than ${r.retentionDays} days: nothing was moved.`
      : `${moved} closed, rejected or cancelled work order(s) inactive for more than ${r.retentionDays} days were moved to ${where} and removed from this spreadsheet.`,
  ];
  if (r.resumed) lines.push('An archive run that had stopped midway was finished first.');
  if (r.alreadyInArchive.length > 0)
    lines.push(
      `${r.alreadyInArchive.length} of them had been copied by an earlier, interrupted run and were not copied twice.`,
    );
  if (r.keptRecentlyChanged > 0)
    lines.push(`${r.keptRecentlyChanged} were kept: they changed within the retention period.`);
  lines.push(...changedOutsideLines(r.keptChangedOutside));
  if (r.remaining > 0)
    lines.push(
      `${r.remaining} more are due: run Archive closed work orders again to continue where this run stopped.`,
    );
  lines.push(...workRecordLines(r.workRecords));
  lines.push(...changeLogLines(r.changeLog, r.retentionDays, timeZone));
  lines.push(...r.sharingChanges);
  for (const problem of r.sharingProblems) lines.push(`${problem}.`);
  lines.push(
    'Each order’s move is recorded in the Change Log (its checklist, time and parts follow it without rows of their own). The archive spreadsheets are listed in a note on the Settings tab (Value of retentionDays).',
  );
  return lines.join('\n');
}

/** Kept orders named in the summary at most: a forger's thousand rows must not make it unreadable. */
const KEPT_NAMED = 10;

function changedOutsideLines(kept: ArchiveResult['keptChangedOutside']): string[] {
  if (kept.length === 0) return [];
  const more = kept.length - KEPT_NAMED;
  return [
    `${kept.length} work order(s) due for archiving were kept in the register: their row does not agree with what Work Orders last recorded, so archiving them could remove live orders.`,
    ...kept.slice(0, KEPT_NAMED).map((k) => k.message),
    ...(more > 0
      ? [
          `${more} more were kept for the same reason: run Verify audit log to list them and to put back values changed outside Work Orders.`,
        ]
      : []),
  ];
}

function workRecordLines(w: RecordsResult): string[] {
  const lines: string[] = [];
  if (w.resumed) lines.push('A move of work records that had stopped midway was finished first.');
  if (w.moved > 0)
    lines.push(
      `${w.moved} Checklist Items, Time and Parts Used row(s) of archived work orders were moved to the same tabs of their archive spreadsheet.`,
    );
  if (w.remaining > 0)
    lines.push(
      `${w.remaining} more work-record row(s) of archived work orders are left: run Archive closed work orders again to move them.`,
    );
  if (w.notReached.length > 0)
    lines.push(
      `The ${w.notReached.join(', ')} tab(s) were not looked at for archived orders' rows this time: run Archive closed work orders again to move them.`,
    );
  if (w.leftAsTyped > 0)
    lines.push(
      `${w.leftAsTyped} Time or Parts Used row(s) of archived work orders were left where they are: they were typed or changed by hand (their seal does not verify). Verify audit log reports those the Change Log recorded and can put them back.`,
    );
  for (const name of w.unreadable)
    lines.push(
      `"${name}" could not be opened, so the work records of the orders in it stay here: ask its owner to share it with you as an editor.`,
    );
  return lines;
}

function changeLogLines(l: LogArchiveResult, retentionDays: number, timeZone: string): string[] {
  if (l.stop === null)
    return [
      'The Change Log was not looked at this time: run Archive closed work orders again to move its oldest rows.',
    ];
  const lines: string[] = [];
  if (l.moved > 0)
    lines.push(
      `${l.moved} Change Log row(s) older than ${retentionDays} days were moved to the Change Log tab of their year's archive spreadsheet; Verify audit log checks them there as part of one chain.`,
    );
  if (l.remaining > 0 || l.stop.kind === 'planned-enough')
    lines.push(
      `${l.remaining > 0 ? `${l.remaining} more` : 'More'} Change Log row(s) are due: run Archive closed work orders again to move them.`,
    );
  const damaged = l.damagedAt ?? (l.stop.kind === 'damaged' ? l.stop.row : null);
  if (damaged !== null)
    lines.push(
      `The Change Log does not verify at sheet row ${damaged}, so nothing from there on was moved: run Verify audit log to see what happened to it.`,
    );
  if (l.problem) lines.push(l.problem);
  if (l.stop.kind === 'order')
    lines.push(
      l.stop.alsoArchived
        ? `The Change Log's older rows stay from the first row of ${l.stop.id} (logged ${formatLocal(l.stop.at, timeZone)}): that order is in an archive spreadsheet and also has a row in the register again (typed or restored by hand), so its history stays here. Verify audit log reports the register row; once it is removed, the rows move.`
        : `The Change Log's older rows stay from the first row of ${l.stop.id} (logged ${formatLocal(l.stop.at, timeZone)}): that order is not archived, and every order that is not keeps its whole history here. Its rows and the ones after them move once it is archived.`,
    );
  if (l.stop.kind === 'legacy')
    lines.push(
      `The Change Log keeps its ${l.stop.rows} rows from before its keyed chain here: moving them in one piece would hold the spreadsheet's lock too long.`,
    );
  return lines;
}

/** Menu: Archive closed work orders (administrators). */
export function archiveClosedWorkOrders(): ArchiveOutcome {
  const ss = activeSpreadsheet();
  const { email, reference } = requireAdministrator(ss, 'archive work orders');
  // Each chunk takes both locks, in the order every writer takes them, and releases them (archive.ts).
  const active = reference.staff.filter((m) => m.active);
  const sharing = {
    editors: active.filter((m) => roleMay(m.role, 'archive')).map((m) => m.email.toLowerCase()),
    viewers: active.filter((m) => roleMay(m.role, 'superviseWork')).map((m) => m.email.toLowerCase()),
  };
  // An unreadable list of archive files is made again first, or the run stops saying what to do.
  const relisted = relistIfUnreadable(ss);
  const result = archiveClosed(ss, email, reference.settings.retentionDays, new Date(), sharing);
  const summary = summarize(result, ss.getSpreadsheetTimeZone());
  const message = relisted ? `${relisted}\n${summary}` : summary;
  alertUser('Archive closed work orders', message);
  return { ...result, message };
}
