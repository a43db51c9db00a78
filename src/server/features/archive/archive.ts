/**
 * Archive closed work orders: rows moved from the register to the Archive sheet, never deleted.
 *
 * Order of writes, so that a failure at any point loses nothing and a re-run finishes the job:
 * 1. the Archive rows (one write) — ids already in Archive are not copied again;
 * 2. one change-log row per moved work order;
 * 3. the register rows, deleted by id (re-read just before), in descending contiguous blocks.
 * Callers hold the document lock (the review queue's index is invalidated under it).
 */
import { LOG_COLUMN } from '../../../core/change-log-row';
import { SHEET_NAMES, type Status } from '../../../core/model';
import { parseRegisterRow, registerLayout } from '../../../core/columns';
import { normalizeHeader } from '../../../core/headers';
import { isValidDate } from '../../../core/time';
import { requireChangeLog, writeChangeLog } from '../../adapters/change-log';
import { Register } from '../../adapters/register';
import { documentKey } from '../../adapters/addon-secret';
import { ARCHIVE_MAC_FIELD, archiveRowMac } from '../../../core/covered-rows';
import { invalidateReviewQueue } from '../../adapters/review-queue';
import { readHeaderRow } from '../../adapters/workbook';
import {
  ARCHIVE_MAC_HEADER,
  archiveHeader,
  archiveRow,
  descendingBlocks,
  isArchiveCandidate,
  needsLogCheck,
  retentionCutoff,
} from './plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Bounded per run (one write of this many rows stays well inside the 6-minute limit). */
export const MAX_ARCHIVED_PER_RUN = 5_000;
/** Change-log rows per read when looking for recent changes (one column at a time). */
const LOG_CHUNK_ROWS = 50_000;

export interface ArchiveResult {
  retentionDays: number;
  /** Ids copied to Archive and removed from the register by this run. */
  archived: string[];
  /** Ids found already in Archive (an earlier run stopped halfway): removed from the register only. */
  alreadyInArchive: string[];
  /** Final work orders past the window on their row but changed since (change log): kept. */
  keptRecentlyChanged: number;
  /** Eligible work orders left for the next run. */
  remaining: number;
}

interface Move {
  id: string;
  status: Status;
  cells: unknown[];
  /** Dated by its change log, not its row (see plan.ts). */
  logCheck: boolean;
}

export function archiveClosed(
  ss: Spreadsheet,
  user: string,
  retentionDays: number,
  now: Date,
): ArchiveResult {
  const result: ArchiveResult = {
    retentionDays,
    archived: [],
    alreadyInArchive: [],
    keptRecentlyChanged: 0,
    remaining: 0,
  };
  requireChangeLog(ss);
  const register = Register.open(ss);
  const sheet = register.sheet;
  const last = sheet.getLastRow();
  if (last < 2) return result;
  // Header and data in one read.
  const [header = [], ...rows] = sheet.getRange(1, 1, last, register.width).getValues();
  const registerHeader = header.map((h) => String(h).trim());
  const layout = registerLayout(registerHeader);
  const cutoff = retentionCutoff(now, retentionDays);
  const candidates: Move[] = [];
  rows.forEach((cells, i) => {
    const parsed = parseRegisterRow(cells, layout, i + 2);
    if (parsed.ok && isArchiveCandidate(parsed.order, cutoff))
      candidates.push({
        id: parsed.order.id,
        status: parsed.order.status,
        cells,
        logCheck: needsLogCheck(parsed.order),
      });
  });
  if (candidates.length === 0) return result;
  const recent = idsChangedSince(ss, cutoff, new Set(candidates.filter((c) => c.logCheck).map((c) => c.id)));
  const eligible = candidates.filter((c) => !recent.has(c.id));
  result.keptRecentlyChanged = candidates.length - eligible.length;
  const moves = eligible.slice(0, MAX_ARCHIVED_PER_RUN);
  result.remaining = eligible.length - moves.length;
  if (moves.length === 0) return result;

  const archive = openArchive(ss, registerHeader);
  const fresh = moves.filter((m) => !archive.ids.has(m.id));
  // Each Archive row carries its MAC, and the log row of its move records it (Verify compares both).
  const key = documentKey();
  const macAt = archive.header.indexOf(ARCHIVE_MAC_HEADER);
  const macs = new Map<string, string>();
  const archived = fresh.map((m) => {
    const row = archiveRow(archive.header, registerHeader, m.cells, now);
    if (key && macAt >= 0) {
      const mac = archiveRowMac(key, archive.header, row);
      row[macAt] = mac;
      macs.set(m.id, mac);
    }
    return row;
  });
  if (fresh.length > 0) {
    const start = archive.sheet.getLastRow() + 1;
    ensureRows(archive.sheet, start + fresh.length - 1);
    archive.sheet.getRange(start, 1, fresh.length, archive.header.length).setValues(archived);
  }
  result.archived = fresh.map((m) => m.id);
  result.alreadyInArchive = moves.filter((m) => archive.ids.has(m.id)).map((m) => m.id);
  const logged = writeChangeLog(
    ss,
    moves.flatMap((m) => {
      const moved = {
        at: now,
        user,
        source: 'system' as const,
        recordId: m.id,
        field: 'Archived',
        oldValue: m.status,
        newValue: archive.ids.has(m.id)
          ? 'Removed from the register (already in Archive)'
          : `Moved to ${SHEET_NAMES.archive}`,
      };
      const mac = macs.get(m.id);
      return mac ? [moved, { ...moved, field: ARCHIVE_MAC_FIELD, oldValue: '', newValue: mac }] : [moved];
    }),
  );
  deleteByIds(register, new Set(moves.map((m) => m.id)));
  logged.commit();
  // Rows moved up: the review queue's index (row numbers, last row seen) is rebuilt on its next load.
  invalidateReviewQueue();
  return result;
}

/** The Archive sheet (created, or its header completed) and the ids it already holds (one read). */
function openArchive(
  ss: Spreadsheet,
  registerHeader: readonly string[],
): { sheet: Sheet; header: string[]; ids: Set<string> } {
  let sheet = ss.getSheetByName(SHEET_NAMES.archive);
  const existing = sheet ? readHeaderRow(sheet) : [];
  if (!sheet) {
    sheet = ss.insertSheet(SHEET_NAMES.archive);
    sheet.setFrozenRows(1);
  }
  const { header, added } = archiveHeader(existing, registerHeader);
  if (added.length > 0) {
    const missingColumns = header.length - sheet.getMaxColumns();
    if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
    sheet
      .getRange(1, existing.length + 1, 1, added.length)
      .setValues([added])
      .setFontWeight('bold');
  }
  const idAt = header.findIndex(
    (h) =>
      normalizeHeader(h) === normalizeHeader(registerHeader[registerLayout(registerHeader).indexOf.id] ?? ''),
  );
  const last = sheet.getLastRow();
  const ids = new Set<string>();
  if (idAt >= 0 && last >= 2) {
    for (const [v] of sheet.getRange(2, idAt + 1, last - 1, 1).getValues())
      if (v !== '') ids.add(String(v).trim());
  }
  return { sheet, header, ids };
}

function ensureRows(sheet: Sheet, lastNeeded: number): void {
  const max = sheet.getMaxRows();
  if (lastNeeded > max) sheet.insertRowsAfter(max, lastNeeded - max);
}

/**
 * Ids among `ids` with a change-log entry at or after `cutoff`. The log is appended in time order, so
 * it is read backwards in chunks, only its Timestamp and Record ID columns (two reads a chunk), and
 * reading stops at the first chunk that starts before the cutoff, or once every id was found.
 */
function idsChangedSince(ss: Spreadsheet, cutoff: number, ids: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (ids.size === 0) return found;
  const log = ss.getSheetByName(SHEET_NAMES.changeLog);
  if (!log) return found;
  const recordColumn = LOG_COLUMN.recordId + 1;
  let end = log.getLastRow();
  while (end >= 2) {
    const start = Math.max(2, end - LOG_CHUNK_ROWS + 1);
    const times = log.getRange(start, 1, end - start + 1, 1).getValues();
    const records = log.getRange(start, recordColumn, end - start + 1, 1).getValues();
    let older = false;
    times.forEach(([at], i) => {
      if (!isValidDate(at)) return;
      if (at.getTime() < cutoff) older = true;
      else {
        const id = String(records[i]?.[0] ?? '').trim();
        if (ids.has(id)) found.add(id);
      }
    });
    if (older || found.size === ids.size) break;
    end = start - 1;
  }
  return found;
}

/**
 * Deletes the register rows holding these ids: the id column is read again just before (users sort and
 * insert rows), an id found on more than one row is left alone (never delete what was not archived),
 * and a blank row is kept at the end if every data row goes (Sheets refuses to delete them all).
 */
function deleteByIds(register: Register, ids: ReadonlySet<string>): void {
  const sheet = register.sheet;
  const last = sheet.getLastRow();
  if (last < 2) return;
  const column = sheet.getRange(2, register.layout.indexOf.id + 1, last - 1, 1).getValues();
  const rowsOf = new Map<string, number[]>();
  column.forEach(([v], i) => {
    const id = String(v).trim();
    if (ids.has(id)) rowsOf.set(id, [...(rowsOf.get(id) ?? []), i + 2]);
  });
  const rows = [...rowsOf.values()].filter((r) => r.length === 1).map((r) => r[0] as number);
  if (rows.length === 0) return;
  const maxRows = sheet.getMaxRows();
  if (rows.length >= maxRows - sheet.getFrozenRows()) sheet.insertRowsAfter(maxRows, 1);
  for (const [start, count] of descendingBlocks(rows)) sheet.deleteRows(start, count);
}
