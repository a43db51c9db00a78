/**
 * The Procedure tab's revision history: an administrator's change to the Settings or Procedure tab is
 * a new version of the organization's procedure, so it gets a row `Version | Date | Description |
 * Author` (core/procedure.ts finds the table and numbers the version).
 *
 * Called by the edit trigger (features/edits) after it has accepted an edit of those tabs. Setup is
 * not a revision and does not call it.
 */
import { SHEET_NAMES } from '../../../core/model';
import {
  findRevisionTable,
  nextRevision,
  REVISION_HEADERS,
  revisionRow,
  type Revision,
} from '../../../core/procedure';
import { administratorEmails } from '../../../core/staff';
import { formatLocalDate } from '../../../core/time';
import { withDocumentLockIfAny } from '../../adapters/document-lock';
import {
  appendProcedureBlock,
  insertProcedureRowAfter,
  procedureSheet,
  readProcedureValues,
} from '../../adapters/procedure-tab';
import { loadReferenceData } from '../../adapters/reference-data';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** The tabs whose changes are revisions of the procedure. */
export const REVISED_SHEETS: readonly string[] = [SHEET_NAMES.settings, SHEET_NAMES.procedure];

export interface RevisionOptions {
  /** The edited rows (first, last) when `sheetName` is the Procedure tab: an edit of the revision table itself is not a revision. */
  editedRows?: readonly [number, number];
  now?: Date;
}

/**
 * Adds a revision row for an administrator's edit of Settings or Procedure, and returns it; null when
 * the edit is not a revision (another tab, a non-administrator, an edit inside the revision table).
 * One read of the tab and two writes (a row inserted below the table, so whatever follows it stays
 * where it is). Takes the document lock unless the caller already holds it.
 */
export function recordProcedureRevision(
  ss: Spreadsheet,
  editor: string,
  sheetName: string,
  description: string,
  options: RevisionOptions = {},
): Revision | null {
  if (!REVISED_SHEETS.includes(sheetName)) return null;
  const reference = loadReferenceData(ss);
  const author = editor.trim().toLowerCase();
  if (!administratorEmails(reference.staff).includes(author)) return null;
  const sheet = procedureSheet(ss);
  if (!sheet) return null;
  const now = options.now ?? new Date();
  return withDocumentLockIfAny(() => {
    const values = readProcedureValues(sheet);
    const table = findRevisionTable(values);
    if (table && sheetName === SHEET_NAMES.procedure && options.editedRows) {
      const [first, last] = options.editedRows;
      const tableFirst = table.headerIndex + 1;
      const tableLast = tableFirst + table.rows.length;
      if (first >= tableFirst && last <= tableLast + 1) return null;
    }
    const revision: Revision = {
      version: nextRevision(table?.rows ?? []),
      date: formatLocalDate(now, reference.timeZone),
      description,
      author,
    };
    if (table) {
      // Right below the table's last row: insert, then write, so a section after the table moves down.
      const after = table.headerIndex + 1 + table.rows.length;
      insertProcedureRowAfter(sheet, after, revisionRow(revision));
    } else {
      // The table was deleted: it is started again at the end of the tab.
      appendProcedureBlock(sheet, [[...REVISION_HEADERS], revisionRow(revision)]);
    }
    return revision;
  });
}
