/**
 * The change log's archived parts, as Verify audit log reads them before the live tab: each archive
 * file's Change Log tab holds a contiguous run of the chain (features/archive/log.ts), and the
 * checkpoint (document properties, which no editor reaches) records where each part ends: its chain
 * position, its MAC and how many rows the tab holds. Each part is verified from where the one before
 * ended, so the archive files and the live tab verify as the one chain the add-on wrote; a row edited,
 * inserted or deleted in an archive file is named by file and row. What the rows vouch for (Archive
 * rows, raw answers, Time and Parts seals) is collected from them as from the live tab's rows.
 */
import type { ArchivedPart, Checkpoint, HmacKey } from '../../../core/keyed-chain';
import type { LogAnchor } from '../../../core/log-anchor';
import { LogVerifier, type LogFailure } from '../../../core/log-verify';
import { SHEET_NAMES } from '../../../core/model';
import { readChangeLogChunks } from '../../adapters/change-log-read';
import { archivedLogTab } from '../../adapters/archive-log-tab';
import { lastUsedRow } from '../../adapters/tabs';
import { openSpreadsheetOrNull } from '../../adapters/spreadsheet-files';
import { archiveFileName, cannotOpen, listArchiveFiles } from '../archive/files';
import { archivedRowsPerRun, partsToRead, readPartsVerified, recordPartsVerified } from './archived-rotation';
import type { Sheet } from '../../adapters/apps-script-types';

export type ArchivedRowsVisit = (rows: unknown[][], count: number, first: number) => void;

export type ArchivedLogVerdict =
  | {
      ok: true;
      rows: number;
      anchorAt?: string;
      /** Parts this run did not read (archived-rotation.ts), and when each last verified (null: never). */
      skipped: { year: number; verifiedAt: number | null }[];
    }
  | {
      ok: false;
      where: string;
      failure: LogFailure | { row: 0; kind: 'deleted'; detail: string };
      /** The file could not be opened: its part was not read, so nothing is said of its rows. */
      unreadable?: true;
    };

/** The anchor when its position is in this part (after `afterSeq`, up to the part's end). */
function anchorIn(anchor: LogAnchor | null, afterSeq: number, part: ArchivedPart): LogAnchor | null {
  return anchor && anchor.seq > afterSeq && anchor.seq <= part.seq ? anchor : null;
}

/**
 * The archived parts this run reads (archived-rotation.ts: all of them while they fit its share) in
 * chain order, each row handed to `visit` once it verified; the parts read are recorded as verified.
 */
export function verifyArchivedLog(
  key: HmacKey,
  checkpoint: Checkpoint,
  anchor: LogAnchor | null,
  chunk: { chunkRows: number; lookahead: number },
  visit: ArchivedRowsVisit,
): ArchivedLogVerdict {
  const parts = checkpoint.archived?.parts ?? [];
  if (parts.length === 0) return { ok: true, rows: 0, skipped: [] };
  const verifiedAt = readPartsVerified();
  const reading = partsToRead(parts, verifiedAt, archivedRowsPerRun(), anchor);
  const files = listArchiveFiles();
  let rows = 0;
  let anchorAt: string | undefined;
  const skipped: { year: number; verifiedAt: number | null }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as ArchivedPart;
    const before = parts[i - 1];
    if (!reading.has(part.year)) {
      skipped.push({ year: part.year, verifiedAt: verifiedAt[String(part.year)] ?? null });
      continue;
    }
    const where = `"${archiveFileName(part.year)}" › ${SHEET_NAMES.changeLog}`;
    const tab = partTab(files, part.year);
    if (typeof tab === 'string')
      return { ok: false, where, failure: { row: 0, kind: 'deleted', detail: tab } };
    if ('unreadable' in tab)
      return {
        ok: false,
        where,
        failure: { row: 0, kind: 'deleted', detail: tab.unreadable },
        unreadable: true,
      };
    // The first part starts at the log's beginning (with its rows from before the keyed chain).
    const own: Checkpoint = {
      legacyRows: before ? 0 : checkpoint.legacyRows,
      legacyHead: checkpoint.legacyHead,
      seq: part.seq,
      head: part.mac,
      row: part.rows + 1,
      maxRows: null,
    };
    const from = before ? { seq: before.seq, mac: before.mac } : null;
    const verifier = new LogVerifier(key, own, anchorIn(anchor, before?.seq ?? 0, part), from);
    // Rows below the part's end are not the chain's (a copy an interrupted move left): not read.
    const through = Math.min(part.rows + 1, lastUsedRow(tab));
    const last = readChangeLogChunks(tab, { ...chunk, through }, (chunkRows, count, first) => {
      if (verifier.feed(chunkRows, count, first)) return true;
      visit(chunkRows, count, first);
      return false;
    });
    const verdict = verifier.finish(Math.max(2, last + 1));
    if (!verdict.ok) return { ok: false, where, failure: verdict };
    rows += verdict.rows;
    if (verdict.anchorRow) anchorAt = `row ${verdict.anchorRow} of ${where}`;
  }
  recordPartsVerified(verifiedAt, [...reading], Date.now());
  return anchorAt ? { ok: true, rows, anchorAt, skipped } : { ok: true, rows, skipped };
}

/**
 * The Change Log tab of the year's archive file, or why it cannot be read: a string when the part is
 * gone, `unreadable` when the file could not be opened (not shared with this administrator), which
 * says nothing of the rows in it.
 */
function partTab(
  files: ReturnType<typeof listArchiveFiles>,
  year: number,
): Sheet | string | { unreadable: string } {
  const file = files.find((f) => f.year === year);
  if (!file)
    return `the add-on's list of archive spreadsheets no longer names the one for ${year}, which holds the log's rows up to this part's end`;
  const book = openSpreadsheetOrNull(file.id);
  if (!book) return { unreadable: cannotOpen(file, 'run Verify audit log again') };
  const tab = archivedLogTab(book);
  return tab ?? `its ${SHEET_NAMES.changeLog} tab, which held the log's archived rows of ${year}, is gone`;
}
