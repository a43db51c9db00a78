/**
 * What Verify audit log checks beyond the log itself: every Archive row is the one its move recorded
 * (its MAC, computed again from its cells, equals the one in the log and in its own MAC cell), every
 * raw form answer is what intake recorded (its digest, computed again, equals the logged one), and
 * every Time and Parts Used row a record wrote is still there as written (./work-records).
 */
import { parseChanges } from '../../../core/change-lines';
import { LOG_COLUMN } from '../../../core/change-log-row';
import {
  ARCHIVE_MAC_FIELD,
  ARCHIVE_MAC_HEADER,
  RESPONSE_DIGEST_FIELD,
  RESPONSE_EDITED_FIELD,
  archiveRowMac,
  archivedTo,
  responseDigest,
  readResponseEdited,
  responseEditMark,
} from '../../../core/covered-rows';
import type { HmacKey } from '../../../core/keyed-chain';
import { REGISTER_COLUMNS, SHEET_NAMES } from '../../../core/model';
import { ARCHIVED_FIELD } from '../../../core/replay';
import { readResponseTabShown } from '../../adapters/response-tabs';
import { archivedRowSources } from '../archive/files';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { checkWorkRecords, collectSeals, type LoggedSeals, type WorkRecordRepairs } from './work-records';

export interface Recorded {
  /** Request id → the MAC its (last) move to Archive recorded. */
  archive: Map<string, string>;
  /** Request id → where its (last) move put it ("Work Orders Archive 2026"), as its "Archived" line says. */
  archiveIn: Map<string, string>;
  /** "Sheet!A7" → the digest intake recorded, and the request id. */
  responses: Map<string, { digest: string; id: string }>;
  /** "Sheet!A7" → the marks of the answers its requestor's logged edits left there (not applied). */
  edits: Map<string, Set<string>>;
  /** The seals of the Time and Parts Used rows records wrote. */
  work: LoggedSeals;
}

export interface CoveredFailure {
  sheet: string;
  row: number;
  detail: string;
  /** Work-record rows found wrong, and those the log can put back (./work-records). */
  workRecords?: WorkRecordRepairs;
  /** An archive file that could not be read at all (`detail` says why and what to do): nothing compared. */
  unreadable?: true;
}

export function emptyRecorded(): Recorded {
  return {
    archive: new Map(),
    archiveIn: new Map(),
    responses: new Map(),
    edits: new Map(),
    work: new Map(),
  };
}

/**
 * Collects what these log rows recorded (only rows that mention it are parsed). `firstRow` is the sheet
 * row of rows[0]; work records are taken from committed rows only (through `lastCommittedRow`).
 */
export function collectRecorded(
  rows: readonly (readonly unknown[])[],
  count: number,
  firstRow: number,
  lastCommittedRow: number,
  into: Recorded,
): void {
  collectSeals(rows, count, firstRow, lastCommittedRow, into.work);
  for (let i = 0; i < count; i++) {
    const changes = rows[i]?.[LOG_COLUMN.changes];
    if (typeof changes !== 'string') continue;
    const archived = changes.includes(ARCHIVE_MAC_FIELD);
    const answered = changes.includes(RESPONSE_DIGEST_FIELD) || changes.includes(RESPONSE_EDITED_FIELD);
    if (!archived && !answered) continue;
    const id = String(rows[i]?.[LOG_COLUMN.recordId] ?? '').trim();
    for (const line of parseChanges(changes)) {
      if (line.field === ARCHIVE_MAC_FIELD) into.archive.set(id, line.newValue);
      if (line.field === ARCHIVED_FIELD && archived) {
        const where = archivedTo(line.newValue);
        if (where) into.archiveIn.set(id, where);
        else into.archiveIn.delete(id);
      }
      if (line.field === RESPONSE_DIGEST_FIELD) {
        const at = line.newValue.lastIndexOf(' ');
        if (at > 0)
          into.responses.set(line.newValue.slice(0, at), { digest: line.newValue.slice(at + 1), id });
      }
      if (line.field === RESPONSE_EDITED_FIELD) {
        const edit = readResponseEdited(line.newValue);
        if (edit) into.edits.set(edit.ref, (into.edits.get(edit.ref) ?? new Set()).add(edit.mark));
      }
    }
  }
}

/**
 * The archives holding the rows recorded: only those their "Archived" lines name, so that a run reads
 * the files its verified rows speak of rather than every archive file whole; all of them when a line
 * names none (a move logged before lines named their file).
 */
function archivesToRead(recorded: Recorded): ReadonlySet<string> | null {
  const names = new Set<string>();
  for (const id of recorded.archive.keys()) {
    const where = recorded.archiveIn.get(id);
    if (!where) return null;
    names.add(where);
  }
  return names;
}

function checkArchive(ss: Spreadsheet, key: HmacKey, recorded: Recorded): CoveredFailure | null {
  if (recorded.archive.size === 0) return null;
  const seen = new Set<string>();
  // The Archive tab of older runs, then the archive spreadsheets (features/archive/files.ts).
  const sources = archivedRowSources(ss, archivesToRead(recorded));
  for (const { label, values, unreadable } of sources) {
    if (unreadable) return { sheet: label, row: 1, detail: unreadable, unreadable: true };
    const header = values[0] ?? [];
    const idAt = header.findIndex((h) => String(h).trim() === REGISTER_COLUMNS.id);
    const macAt = header.findIndex((h) => String(h).trim() === ARCHIVE_MAC_HEADER);
    for (let r = 1; r < values.length; r++) {
      const row = values[r] ?? [];
      const id = idAt >= 0 ? String(row[idAt] ?? '').trim() : '';
      const logged = recorded.archive.get(id);
      if (logged === undefined) continue;
      const mac = archiveRowMac(key, header, row);
      if (mac !== logged || String(row[macAt] ?? '') !== logged) {
        return {
          sheet: label,
          row: r + 1,
          detail: `${id} is not the row its move recorded (a cell was edited)`,
        };
      }
      seen.add(id);
    }
  }
  for (const id of recorded.archive.keys()) {
    if (!seen.has(id))
      return {
        sheet: sources.at(-1)?.label ?? SHEET_NAMES.archive,
        row: (sources.at(-1)?.values.length ?? 0) + 1,
        detail: `${id} was archived but its row is gone`,
      };
  }
  return null;
}

function checkResponses(ss: Spreadsheet, key: HmacKey, recorded: Recorded): CoveredFailure | null {
  const bySheet = new Map<string, Array<{ row: number; digest: string; id: string; edits?: Set<string> }>>();
  for (const [ref, { digest, id }] of recorded.responses) {
    const m = /^(.*)!A(\d+)$/.exec(ref);
    if (!m) continue;
    const list = bySheet.get(m[1] as string) ?? [];
    list.push({ row: Number(m[2]), digest, id, edits: recorded.edits.get(ref) });
    bySheet.set(m[1] as string, list);
  }
  for (const [name, refs] of bySheet) {
    const values = readResponseTabShown(ss, name);
    const header = values[0] ?? [];
    for (const { row, digest, id, edits } of refs.sort((a, b) => a.row - b.row)) {
      const cells = values[row - 1];
      const named: Record<string, string[]> = {};
      header.forEach((h, i) => {
        if (String(h).trim() !== '') named[String(h).trim()] = [String(cells?.[i] ?? '')];
      });
      const now = cells ? responseDigest(key, named) : '';
      // The requestor's own edit through the form, logged when its trigger came (not applied), is no tampering.
      if (!cells || (now !== digest && !edits?.has(responseEditMark(now))))
        return {
          sheet: name,
          row,
          detail: `the answers of ${id} are not the ones intake recorded (edited or removed)`,
        };
    }
  }
  return null;
}

export function verifyCovered(ss: Spreadsheet, key: HmacKey, recorded: Recorded): CoveredFailure | null {
  return (
    checkArchive(ss, key, recorded) ??
    checkResponses(ss, key, recorded) ??
    checkWorkRecords(ss, key, recorded.work)
  );
}
