/**
 * Verification of the keyed part of the change log (keyed-chain.ts), chunk by chunk, naming the first
 * bad row and the kind of tampering:
 *  - edited: the row holds the position expected there, but its content (or its MAC) is not what the
 *    add-on wrote; the row after it still chains to its MAC;
 *  - inserted: a row that is not the add-on's sits where the next keyed row was expected, and that
 *    row follows it (or a copy of an earlier row);
 *  - deleted: the row holds a later position than expected, and the missing ones appear nowhere;
 *  - reordered: the row holds a later position, and the expected one comes further down;
 *  - fabricated: a row past the last one the add-on recorded (its checkpoint), or whose MAC verifies
 *    against nothing;
 *  - truncated: every row verifies but the log ends before the checkpoint's last row.
 */
import { canonicalOfRow, isBlankRow } from './audit';
import { LOG_COLUMN } from './change-log-row';
import { parseKeyedCell, type Checkpoint } from './keyed-chain';
import { hmacSha256Hex, type HmacKey } from './sha256';

export type TamperKind = 'edited' | 'inserted' | 'deleted' | 'reordered' | 'truncated' | 'fabricated';

export interface KeyedState {
  /** Last verified position (0 before the first keyed row). */
  seq: number;
  /** Its MAC (the legacy head before the first keyed row). */
  mac: string;
}

export type KeyedVerification =
  | { ok: true; state: KeyedState; rows: number }
  | { ok: false; row: number; kind: TamperKind; detail: string };

/** The MAC a row should carry at `seq` after `prev`, or null when it cannot be an add-on row. */
function expectedMac(key: HmacKey, row: readonly unknown[], prev: string, seq: number): string | null {
  const canonical = canonicalOfRow(row);
  if (!('content' in canonical)) return null;
  return hmacSha256Hex(key, `${prev}\n${seq}\n`, canonical.content);
}

function verifies(key: HmacKey, row: readonly unknown[] | undefined, prev: string, seq: number): boolean {
  if (!row) return false;
  const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
  return cell !== null && cell.seq === seq && cell.mac === expectedMac(key, row, prev, seq);
}

/**
 * Whether `row` is the add-on's keyed row right after `prev`: for a reader that trusts one row (who
 * made a request) without verifying the whole log.
 */
export function rowFollows(key: HmacKey, row: readonly unknown[], prev: KeyedState): boolean {
  return verifies(key, row, prev.mac, prev.seq + 1);
}

/**
 * Why row `i` (which does not verify at `state.seq + 1`) is bad. `rows` may hold a few rows beyond
 * the chunk (lookahead) to tell an edit from an insertion.
 */
function classify(
  key: HmacKey,
  rows: readonly (readonly unknown[])[],
  i: number,
  state: KeyedState,
  checkpoint: Checkpoint,
): { kind: TamperKind; detail: string } {
  const want = state.seq + 1;
  const row = rows[i] ?? [];
  const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
  const next = rows[i + 1];
  if (want > checkpoint.seq) {
    return {
      kind: 'fabricated',
      detail: `the add-on's last recorded row is number ${checkpoint.seq} of the keyed chain; this row claims to follow it but its MAC is not the add-on's`,
    };
  }
  if (cell && cell.seq > want) {
    for (let j = i + 1; j < rows.length; j++) {
      if (parseKeyedCell(rows[j]?.[LOG_COLUMN.hash])?.seq === want) {
        return {
          kind: 'reordered',
          detail: `the add-on's row ${want} of the chain comes later in the sheet`,
        };
      }
    }
    const missing = cell.seq - want;
    return {
      kind: 'deleted',
      detail: `${missing} row${missing === 1 ? '' : 's'} of the chain (number ${want}${missing > 1 ? ` to ${cell.seq - 1}` : ''}) are missing before it`,
    };
  }
  if (verifies(key, next, state.mac, want)) {
    return { kind: 'inserted', detail: 'this row is not one the add-on wrote; the row after it is' };
  }
  if (cell && cell.seq < want) {
    return { kind: 'inserted', detail: `it repeats row ${cell.seq} of the chain, which came earlier` };
  }
  if (cell && verifies(key, next, cell.mac, want + 1)) {
    return { kind: 'edited', detail: 'its content is not what the add-on recorded' };
  }
  return {
    kind: 'edited',
    detail: 'its content or its MAC is not what the add-on recorded (rows after it may be affected too)',
  };
}

/**
 * Verifies `count` rows of `rows` (the rest is lookahead) as the keyed chain continuing `state`.
 * `firstRowNumber` is the sheet row of rows[0]. Blank rows at the end of the log are the caller's to
 * drop; a blank row here is a row that is not the add-on's.
 */
export function verifyKeyedRows(
  key: HmacKey,
  rows: readonly (readonly unknown[])[],
  count: number,
  state: KeyedState,
  checkpoint: Checkpoint,
  firstRowNumber: number,
): KeyedVerification {
  let seq = state.seq;
  let mac = state.mac;
  for (let i = 0; i < count; i++) {
    const row = rows[i] ?? [];
    const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
    const expected =
      cell && cell.seq === seq + 1 && !isBlankRow(row) ? expectedMac(key, row, mac, seq + 1) : null;
    if (cell === null || expected === null || cell.mac !== expected) {
      const why = classify(key, rows, i, { seq, mac }, checkpoint);
      return { ok: false, row: firstRowNumber + i, ...why };
    }
    seq++;
    mac = expected;
  }
  return { ok: true, state: { seq, mac }, rows: count };
}

/** What the end of the log says against the checkpoint, once every row verified. */
export function checkEnd(
  state: KeyedState,
  checkpoint: Checkpoint,
  nextRowNumber: number,
): { ok: true; extra: number } | { ok: false; row: number; kind: TamperKind; detail: string } {
  if (state.seq < checkpoint.seq) {
    const missing = checkpoint.seq - state.seq;
    return {
      ok: false,
      row: nextRowNumber,
      kind: 'truncated',
      detail: `the log ends ${missing} row${missing === 1 ? '' : 's'} short of the last one the add-on recorded (number ${checkpoint.seq} of the chain)`,
    };
  }
  if (state.seq === checkpoint.seq && state.mac !== checkpoint.head) {
    return {
      ok: false,
      row: nextRowNumber - 1,
      kind: 'fabricated',
      detail: 'the last row is not the one the add-on recorded last (the log was replaced)',
    };
  }
  // Rows past the checkpoint that verify were written by the add-on in an execution that stopped
  // before it could record them: the next append records them.
  return { ok: true, extra: state.seq - checkpoint.seq };
}

/**
 * The last row of `rows` (the end of the log) whose MAC verifies against the row above it: the head
 * the daily anchor reports, found without reading the whole log. Null when no such pair is there.
 */
export function verifiedTail(
  key: HmacKey,
  rows: readonly (readonly unknown[])[],
  firstRowNumber: number,
): { row: number; seq: number; mac: string } | null {
  for (let i = rows.length - 1; i >= 1; i--) {
    const above = parseKeyedCell(rows[i - 1]?.[LOG_COLUMN.hash]);
    const cell = parseKeyedCell(rows[i]?.[LOG_COLUMN.hash]);
    if (!above || !cell || cell.seq !== above.seq + 1) continue;
    if (verifies(key, rows[i], above.mac, cell.seq))
      return { row: firstRowNumber + i, seq: cell.seq, mac: cell.mac };
  }
  return null;
}
