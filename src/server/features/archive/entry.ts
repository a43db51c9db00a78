import { requireAdministrator } from '../../adapters/administrators';
import { activeSpreadsheet } from '../../adapters/workbook';
import { archiveClosed, type ArchiveResult } from './archive';
import type { RecordsResult } from './records';
import { alertUser } from '../../adapters/ui';
import { roleMay } from '../../../core/permissions';

export type ArchiveOutcome = ArchiveResult & { message: string };

function summarize(r: ArchiveResult): string {
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
  if (r.remaining > 0)
    lines.push(
      `${r.remaining} more are due: run Archive closed work orders again to continue where this run stopped.`,
    );
  lines.push(...workRecordLines(r.workRecords));
  for (const problem of r.sharingProblems) lines.push(`${problem}. Share it by hand if they need it.`);
  lines.push(
    'Each order’s move is recorded in the Change Log, which stays here (its checklist, time and parts follow it without rows of their own). The archive spreadsheets are listed in a note on the Settings tab (Value of retentionDays).',
  );
  return lines.join('\n');
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
  const result = archiveClosed(ss, email, reference.settings.retentionDays, new Date(), sharing);
  const message = summarize(result);
  alertUser('Archive closed work orders', message);
  return { ...result, message };
}
