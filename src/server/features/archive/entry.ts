import { SHEET_NAMES } from '../../../core/model';
import { requireAdministrator } from '../../adapters/administrators';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { activeSpreadsheet } from '../../adapters/workbook';
import { archiveClosed, type ArchiveResult } from './archive';
import { alertUser } from '../../adapters/ui';

export type ArchiveOutcome = ArchiveResult & { message: string };

function summarize(r: ArchiveResult): string {
  const moved = r.archived.length + r.alreadyInArchive.length;
  const lines = [
    moved === 0
      ? `No closed, rejected or cancelled work order has been inactive for more than ${r.retentionDays} days: nothing was moved.`
      : `${moved} closed, rejected or cancelled work order(s) inactive for more than ${r.retentionDays} days were moved to the ${SHEET_NAMES.archive} sheet.`,
  ];
  if (r.alreadyInArchive.length > 0)
    lines.push(
      `${r.alreadyInArchive.length} of them were already in ${SHEET_NAMES.archive} from an earlier, interrupted run and were not copied twice.`,
    );
  if (r.keptRecentlyChanged > 0)
    lines.push(`${r.keptRecentlyChanged} were kept: they changed within the retention period.`);
  if (r.remaining > 0) lines.push(`${r.remaining} more are due: run Archive closed work orders again.`);
  lines.push('Each move is recorded in the Change Log. Nothing is ever deleted.');
  return lines.join('\n');
}

/** Menu: Archive closed work orders (administrators). */
export function archiveClosedWorkOrders(): ArchiveOutcome {
  const ss = activeSpreadsheet();
  const { email, reference } = requireAdministrator(ss, 'archive work orders');
  // Both locks, in the order every writer takes them: sidebar and form-submit writers wait, and so do
  // the hourly job's appends when the trigger owner is the one archiving.
  const result = withOwnerAndDocumentLocks(() =>
    archiveClosed(ss, email, reference.settings.retentionDays, new Date()),
  );
  const message = summarize(result);
  alertUser('Archive closed work orders', message);
  return { ...result, message };
}
