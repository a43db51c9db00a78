/**
 * The installation owner's copies of what the hourly job, which has no document, would otherwise read
 * from document properties: the sealed flag (row-state-seal.ts) and the register's sheet id
 * (register-tab.ts). Intake keeps both with the counter write it makes anyway; setup and Take over
 * installation write them here, since each can leave the copy stale (setup took another tab as the
 * register) or leave a new owner with none, and a job without the id goes by the tab's name, which
 * any editor can give a decoy. Two property reads (not readOwnerStates, whose whole-store read is kept
 * for intake's later use under its lock) and at most one write; then the time zone recorded at setup
 * (./spreadsheet-zone: a read of each store, a write when the copy differs).
 */
import { readOwnerState, writeOwnerStates } from './owner-state';
import { REGISTER_ID_COPY, registerIdCopyOwed } from './register-tab';
import { SEALED_COPY, sealedCopyOwed } from './row-state-seal';
import { copyZoneToOwner } from './spreadsheet-zone';

/** As the installation owner, in the document: the copies that differ from the document's, written. */
export function copyDocumentStateToOwner(spreadsheetId: string): void {
  const owed = {
    ...sealedCopyOwed(readOwnerState(spreadsheetId, SEALED_COPY)),
    ...registerIdCopyOwed(readOwnerState(spreadsheetId, REGISTER_ID_COPY)),
  };
  if (Object.keys(owed).length > 0) writeOwnerStates(spreadsheetId, owed);
  // The time zone the hourly job puts back when someone changed it (features/errors/zone-guard.ts).
  copyZoneToOwner(spreadsheetId);
}
