/**
 * Setup's records for the register's rows (see ./row-state-column for the column itself): which rows
 * of a stretch lack a record of their own or a seal (rowsLackingRecord, no lock), and a record written
 * for them (backfillRows, under the lock). In a sealed workbook a row without a record is recorded only
 * when its request's cells are vouched for (Vouch): a script may have blanked the record to have its
 * own text sealed. Idempotent: a second pass rewrites nothing. How much of the register one execution
 * takes on, and where the next one goes on, is ./row-state-backfill-runs.
 */
import { parseRegisterRow, registerLayout, type RegisterLayout } from '../../core/columns';
import { cellText } from '../../core/headers';
import type { WorkOrderField } from '../../core/model';
import { COMPACT_PREFIX, ROW_STATE_BUDGET, utf8Bytes } from '../../core/row-state-codec';
import {
  isSealedRowState,
  parseRowState,
  resealedRowState,
  serializeRowState,
  type RowState,
} from './row-state';
import { fingerprintMatches } from './row-state-prints';
import type { UnrecordedRow, Vouch } from './row-state-vouch';
import type { Sheet } from './apps-script-types';

/** A compact record within the budget (one over it was written where the secret was not at hand). */
function isCompact(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith(COMPACT_PREFIX) && utf8Bytes(cell) <= ROW_STATE_BUDGET;
}

/**
 * Rows looked at in one go, without the lock: two column reads, and each record parsed to check it
 * belongs to its row (about 1 to 2 s of JavaScript for 10,000 rows here, ×4 in Apps Script).
 */
export const BACKFILL_ROWS = 5_000;

/**
 * Whether a readable record of the row's own order is written again from itself: with the key at hand,
 * every record not sealed; without it, an older JSON record or an over-budget compact one that a
 * rewrite makes compact.
 */
function rewrites(current: unknown, state: RowState, sealing: boolean): boolean {
  if (sealing) return !isSealedRowState(current);
  return Object.keys(state.fingerprints).length === 0 && !isCompact(current);
}

/**
 * What a row's record cell needs: nothing, a record (none, or not its row's `id`), or its own record
 * written again (sealed, or made compact).
 */
function recordNeed(current: unknown, id: string, sealing: boolean): 'none' | 'record' | 'rewrite' {
  const state = parseRowState(current);
  if (!state || state.order.id !== id) return 'record';
  return rewrites(current, state, sealing) ? 'rewrite' : 'none';
}

/**
 * A record keeping version-1 fingerprints (its texts too long for a copy), sealed with the texts its
 * row's cells hold, when each matches its fingerprint; null when one does not (the cell was changed
 * outside Work Orders since: Verify audit log tells, and the row keeps its unsealed record).
 */
function sealedFromCells(state: RowState, cells: readonly unknown[], layout: RegisterLayout): string | null {
  const order = { ...state.order } as unknown as Record<string, unknown>;
  for (const field of Object.keys(state.fingerprints) as WorkOrderField[]) {
    const index = layout.indexOf[field];
    const text = index >= 0 ? cellText(cells[index]) : '';
    if (!fingerprintMatches(state, field, text)) return null;
    order[field] = text;
  }
  return serializeRowState(order as unknown as RowState['order'], state.noted, state.reasonRenewed === true);
}

/**
 * Register rows [first, first + count) one pass looks at, with the 1-based record column and whether
 * the key is at hand to seal.
 */
export interface Chunk {
  sheet: Sheet;
  header: readonly string[];
  column: number;
  first: number;
  count: number;
  sealing: boolean;
  /** In a sealed workbook: which rows without a record of their own may be sealed from their cells. */
  vouch: Vouch | null;
  /** Only rewrite the records rows have (sealing them); a row without one is left as it is. */
  recordsOnly?: boolean;
}

/**
 * Offsets (0-based, within the rows read) of the rows with an id whose record needs writing: `own`,
 * a record of the row's own order to write again; `missing`, no record of its own.
 */
export function rowsLackingRecord(chunk: Chunk): { own: number[]; missing: number[] } {
  const { header, count, sealing } = chunk;
  const lacking = { own: [] as number[], missing: [] as number[] };
  const idIndex = registerLayout(header).indexOf.id;
  if (idIndex < 0 || count <= 0) return lacking;
  readIdsAndRecords(chunk, idIndex).forEach(({ id, current }, i) => {
    const need = id === '' ? 'none' : recordNeed(current, id, sealing);
    if (need !== 'none') lacking[need === 'rewrite' ? 'own' : 'missing'].push(i);
  });
  return lacking;
}

/** The Request ID (trimmed) and the record cell of each row in [first, first + count): two column reads. */
function readIdsAndRecords(
  { sheet, column, first, count }: Chunk,
  idIndex: number,
): { id: string; current: unknown }[] {
  const ids = sheet.getRange(first, idIndex + 1, count, 1).getValues();
  const records = sheet.getRange(first, column, count, 1).getValues();
  return records.map(([current], i) => ({ id: String(ids[i]?.[0] ?? '').trim(), current }));
}

/** What one chunk, or the whole backfill, did. */
export interface Backfilled {
  /** Rows that had no record of their own, recorded from their cells. */
  filled: number;
  /** Records written before seals, sealed from themselves. */
  sealed: number;
  /** Rows left with an unsealed record (a version-1 fingerprint its cell no longer matches). */
  unsealed: number;
  /** Ids of rows left without a record: request cells not as the request gave them (see Vouch). */
  differing: string[];
  /** Ids of rows left without a record: no request to compare their cells with. */
  unchecked: string[];
}

/**
 * Records the current values of every row in [first, first + count) that has no valid record (or one
 * for another id): the register as it stands becomes the baseline the edit trigger compares pastes
 * against. A record of the row's own order written before seals (compact, or JSON) is sealed from
 * itself when the key is at hand (`sealing`), so the baseline stays what it was; one keeping
 * fingerprints of very long texts takes them from its row's cells when they match. Without the key,
 * a JSON record, or a compact one over the budget, is rewritten compact from itself. Two column reads
 * (ids, records); only when some rows need their cells, one read of the rows from the first to the
 * last of them; one write of the records between the first and last row changed.
 */
export function backfillRows(chunk: Chunk): Backfilled {
  const { sheet, header, column, first, count, sealing, vouch } = chunk;
  const done: Backfilled = { filled: 0, sealed: 0, unsealed: 0, differing: [], unchecked: [] };
  const layout = registerLayout(header);
  const idIndex = layout.indexOf.id;
  if (idIndex < 0 || count <= 0) return done;
  const records = readIdsAndRecords(chunk, idIndex);
  const lacking: number[] = [];
  const rewritten = new Map<number, string>();
  records.forEach(({ id, current }, i) => {
    if (id === '') return;
    const state = parseRowState(current);
    if (!state || state.order.id !== id) {
      if (!chunk.recordsOnly) lacking.push(i);
    } else if (rewrites(current, state, sealing)) {
      const again = resealedRowState(state);
      // A version-1 fingerprint: the row's cells tell its text.
      if (again === null) lacking.push(i);
      else if (again !== current) {
        rewritten.set(i, again);
        if (sealing) done.sealed++;
      }
    }
  });
  if (lacking.length > 0) {
    const lo = lacking[0] as number;
    const hi = lacking[lacking.length - 1] as number;
    const wanted = new Set(lacking);
    const width = Math.max(header.length, column);
    const rows = sheet.getRange(first + lo, 1, hi - lo + 1, width).getValues();
    const unrecorded: (UnrecordedRow & { at: number; record: string })[] = [];
    rows.forEach((cells, i) => {
      if (!wanted.has(lo + i)) return;
      const current = cells[column - 1];
      const state = parseRowState(current);
      if (state && state.order.id === String(cells[idIndex]).trim()) {
        if (!rewrites(current, state, sealing)) return;
        const again = sealing ? sealedFromCells(state, cells, layout) : null;
        if (again === null) done.unsealed += sealing ? 1 : 0;
        else {
          rewritten.set(lo + i, again);
          done.sealed++;
        }
        return;
      }
      if (chunk.recordsOnly) return; // its record went meanwhile: left for a run that fills rows
      const parsed = parseRegisterRow(cells, layout, first + lo + i);
      if (!parsed.ok) return;
      const id = parsed.order.id;
      unrecorded.push({
        at: lo + i,
        row: first + lo + i,
        id,
        cells,
        record: serializeRowState(parsed.order),
      });
    });
    const readColumn = (index: number): unknown[] =>
      sheet.getLastRow() < 2
        ? []
        : sheet
            .getRange(2, index + 1, sheet.getLastRow() - 1, 1)
            .getValues()
            .map(([v]) => v);
    const vouched = vouch && unrecorded.length > 0 ? vouch(unrecorded, layout, readColumn) : null;
    for (const { at, row, id, record } of unrecorded) {
      const verdict = vouched ? (vouched.get(row) ?? 'unchecked') : 'agrees';
      if (verdict !== 'agrees') done[verdict === 'differs' ? 'differing' : 'unchecked'].push(id);
      else {
        done.filled++;
        rewritten.set(at, record);
      }
    }
  }
  if (rewritten.size === 0) return done;
  const changed = [...rewritten.keys()].sort((a, b) => a - b);
  const lo = changed[0] as number;
  const hi = changed[changed.length - 1] as number;
  const cells = records.slice(lo, hi + 1).map(({ current }, i) => [rewritten.get(lo + i) ?? current]);
  sheet.getRange(first + lo, column, cells.length, 1).setValues(cells);
  return done;
}
