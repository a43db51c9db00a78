/**
 * Finishing a move of work records that a run left unfinished (records.ts): the rows its progress
 * marker names are read back from the archive tab, the live rows equal to them are deleted (each copy
 * used once) instead of being copied again, then the marker is removed.
 */
import { cellsUnderHeader } from '../../../core/headers';
import { readPlannedRows, readRecordIds, readRowsOf } from '../../adapters/archive-record-tabs';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { deleteRowRunsOf } from '../../adapters/tabs';
import { findTab, readHeaderRow } from '../../adapters/workbook';
import { listArchiveFiles, type ArchiveTargets } from './files';
import { descendingBlocks } from './plan';
import { recordMarker, type RecordProgress } from './progress';
import {
  RECORD_ID,
  planRecordChunks,
  recordIdAt,
  recordKey,
  recordsToMove,
  type RunBudget,
} from './record-plan';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Finishes a move a run left unfinished: the live rows equal to the copies the marker names are
 * deleted (each copy used once), then the marker is removed. False when it could not be done now
 * (rows moved by hand meanwhile, or no time left): nothing new is moved until it is.
 */
export function finishInterrupted(
  ss: Spreadsheet,
  targets: ArchiveTargets,
  marker: RecordProgress,
  yearOf: ReadonlyMap<string, number>,
  budget: RunBudget,
): boolean {
  // Another run may have finished it (and started its own) meanwhile.
  const stillOurs = (): boolean => JSON.stringify(recordMarker.load()) === JSON.stringify(marker);
  const clear = (): true => {
    withOwnerAndDocumentLocks(() => {
      if (stillOurs()) recordMarker.forget();
    });
    return true;
  };
  const archived = listArchiveFiles().some((f) => f.year === marker.year)
    ? findTab(targets.target(marker.year).book, marker.tab)
    : null;
  const sheet = findTab(ss, marker.tab);
  if (!archived || !sheet) return clear();
  const archiveHeader = readHeaderRow(archived);
  const copies = readRowsOf(archived, marker.start, marker.count, archiveHeader.length);
  const left = new Map<string, number>();
  const copiedIds = new Set<string>();
  const idAt = recordIdAt(archiveHeader);
  for (const row of copies) {
    const key = recordKey(row);
    left.set(key, (left.get(key) ?? 0) + 1);
    copiedIds.add(String(row[idAt] ?? '').trim());
  }
  const { header, ids } = readRecordIds(sheet, RECORD_ID);
  const candidates = recordsToMove(
    ids,
    new Map([...copiedIds].filter((id) => yearOf.has(id)).map((id) => [id, marker.year])),
    new Set(),
  );
  for (const chunk of planRecordChunks(candidates, header.length)) {
    if (!budget.allows(chunk.estimatedMs)) return false;
    const done = withOwnerAndDocumentLocks(() => {
      if (!stillOurs()) return false;
      const cells = readPlannedRows(sheet, header, RECORD_ID, chunk.moves);
      if (!cells) return false;
      const copied = chunk.moves.filter((_, k) => {
        const key = recordKey(cellsUnderHeader(archiveHeader, header, cells[k] ?? []));
        const n = left.get(key) ?? 0;
        if (n > 0) left.set(key, n - 1);
        return n > 0;
      });
      deleteRowRunsOf(sheet, descendingBlocks(copied.map((m) => m.row)));
      return true;
    });
    if (!done) return false;
    budget.spend(chunk.estimatedMs);
  }
  return clear();
}
