/**
 * Helpers for the tests of the change log's move to the archive files: a history with rows older than
 * the retention period (orders closed and due, one still open), and an archive file's Change Log rows.
 */
import { localParts } from '../../../src/core/time';
import { patchOrderAsAddOn } from '../../support/audit';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { ADMIN, expectOk, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';

/**
 * Three requests made 100 days ago and closed 90 days ago, one made 80 days ago and still open, one
 * made today; retention 30 days. Returns the ids and the year of the old rows.
 */
export async function history(wb: TestWorkbook): Promise<{ closed: string[]; open: string; year: number }> {
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  const at = (days: number): void => wb.rt.world.clock.set(new Date(today.getTime() - days * DAY));
  at(100);
  const closed = await submitMany(wb, 3);
  at(90);
  for (const id of closed) patchOrderAsAddOn(wb, id, { status: 'Closed', closedAt: now(wb) });
  at(80);
  const [open] = await submitMany(wb, 1);
  wb.rt.world.clock.set(today);
  await submitMany(wb, 1);
  return {
    closed,
    open: open as string,
    year: localParts(new Date(today.getTime() - 100 * DAY), wb.model.timeZone).year,
  };
}

/** The archive file's Change Log data rows. */
export function archivedLog(wb: TestWorkbook, year: number): unknown[][] {
  const sheet = archiveFile(wb, year)?.sheetModel('Change Log');
  if (!sheet || sheet.lastRow() < 2) return [];
  return sheet.readValues(2, 1, sheet.lastRow() - 1, 6);
}

export interface Verdict {
  ok: boolean;
  sheet?: string;
  kind?: string;
  firstBrokenRow?: number;
  message: string;
}

/** Verify audit log from the menu, with `anchor` typed at its question and no put-back accepted. */
export async function verify(wb: TestWorkbook, anchor = ''): Promise<Verdict> {
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'NO' } : { button: 'OK', text: anchor };
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verdict;
}
