/**
 * Which orders the archive files hold, by year: what the work-record mover (records.ts) and the change
 * log's mover (log.ts) move after. Every listed file is opened (its id column read, under a hold of
 * its own) once per run; a file that cannot be opened is named, and its orders count as not archived.
 */
import { LockBusyError } from '../../adapters/document-lock';
import { UserFacingError } from '../../adapters/workbook';
import { listArchiveFiles, type ArchiveTargets } from './files';

export interface ArchivedOrders {
  /** Request id → the year of the archive file holding it. */
  yearOf: Map<string, number>;
  /** Archive files that could not be opened, by name. */
  unreadable: string[];
}

export function archivedOrders(targets: ArchiveTargets, openYear: (year: number) => void): ArchivedOrders {
  const yearOf = new Map<string, number>();
  const unreadable: string[] = [];
  for (const file of listArchiveFiles()) {
    try {
      openYear(file.year);
    } catch (error) {
      if (error instanceof LockBusyError || !(error instanceof UserFacingError)) throw error;
      unreadable.push(file.name);
      continue;
    }
    for (const id of targets.target(file.year).rows.keys()) yearOf.set(id, file.year);
  }
  return { yearOf, unreadable };
}
