/**
 * The register's "Last Known State" column: one hidden cell per row holding the values of the
 * add-on's columns as the add-on last wrote or accepted them, plus the row's revision, in at most
 * 150 bytes (core/row-state-codec.ts): the fields people type into are kept whole, the others (long
 * or never edited) as prints keyed with the add-on's secret (./row-state-prints), the whole record
 * sealed with it (./row-state-seal): a record the add-on did not write is no record. Records written
 * before seals (unsealed compact, or JSON, version 1: ./row-state-v1) are still read until setup has
 * sealed every row, and become sealed on the row's next write or setup's backfill.
 *
 * Why it exists: an edit event carries the old value only for a single cell. For a paste or a fill
 * over many rows the edit trigger still has to know what each guarded cell held before, to restore
 * what may not change. The record lives *in the row* so that it travels with the row when people
 * sort, filter or insert rows, and it is read by the same getValues as the edited cells (no extra
 * call). Every writer keeps it current: Register.append/write (intake, sidebar) and the edit trigger.
 *
 * Pure functions, except that prints need the add-on's secret (see ./row-state-prints).
 */
import { normalizeHeader, parseRegisterRow, workOrderToRow } from '../../core/columns';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../core/model';
import { asCellText } from '../../core/sanitize';
import {
  COMPACT_PREFIX,
  SEALED_PREFIX,
  decodeCompactState,
  encodeCompactState,
  withNotedMask,
} from '../../core/row-state-codec';
import { carriedPrint, knownPrint, printerFor } from './row-state-prints';
import { sealerFor, sealHolds, unsealedAccepted } from './row-state-seal';
import { isVersion1Print, parseVersion1 } from './row-state-v1';
import { CANONICAL_LAYOUT, canonicalOrder, readBack, sameExactly, type RowState } from './row-state-values';

export { canonicalOrder, sameFieldValue, type RowState } from './row-state-values';
export { fingerprint, isVersion1State, KEEP_LIMIT, serializeRowStateV1 } from './row-state-v1';
export { carryPrint, fingerprintMatches, useRowStateKey } from './row-state-prints';

export const ROW_STATE_HEADER = 'Last Known State';

/** Shown on the column's protection (warning-only: the add-on writes it as whoever acts). */
export const ROW_STATE_PROTECTION =
  'Work Orders: the last values the add-on knows for each row. Written by the add-on; edits here are undone.';

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];

/** Index of the state column in a header row, or -1. */
export function findRowStateColumn(headerRow: readonly unknown[]): number {
  const wanted = normalizeHeader(ROW_STATE_HEADER);
  return headerRow.findIndex((h) => normalizeHeader(h) === wanted);
}

/**
 * The state cell's text for `order` (canonicalized first), remembering which cells carry our notes
 * and whether its Reason was typed since its last status change; sealed when the key is at hand.
 * `kept`: prints to keep as they are whatever the field holds (a record sealed from itself, whose
 * printed fields read '').
 */
export function serializeRowState(
  order: WorkOrder,
  noted: readonly WorkOrderField[] = [],
  reasonRenewed = false,
  kept: Partial<Record<WorkOrderField, string>> = {},
): string {
  const canonical = canonicalOrder(order);
  const text = encodeCompactState({
    order: canonical,
    noted: [...new Set(noted)],
    reasonRenewed,
    print: printerFor(canonical.id),
    carried: (field, value) => kept[field] ?? carriedPrint(canonical.id, field, value),
    seal: sealerFor(canonical.id),
  });
  return asCellText(text).cell;
}

/**
 * A readable record that is not sealed (`cell` as read, `state` its parseRowState) written again
 * from itself, sealed when the key is at hand: the same values, prints and noted cells. Null when it
 * keeps a version-1 fingerprint, which no compact record can carry (the row's cell tells the text).
 */
export function resealedRowState(state: RowState): string | null {
  const kept: Partial<Record<WorkOrderField, string>> = {};
  for (const [field, print] of Object.entries(state.fingerprints) as [WorkOrderField, string][]) {
    if (isVersion1Print(print)) return null;
    kept[field] = print;
  }
  return serializeRowState(state.order, state.noted, state.reasonRenewed === true, kept);
}

/** Whether `cell` holds a sealed record whose seal holds (parseRowState reads it). */
export function isSealedRowState(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith(SEALED_PREFIX) && parseRowState(cell) !== null;
}

/**
 * The state cell for `next` when the row's record (`cell`, as read) already holds exactly `next`: its
 * values, its revision, and a print of each text it prints, checked or carried in this execution
 * (fingerprintMatches, carryPrint), as serializeRowState would print it. That record is kept with
 * only its noted fields changed: the row is not encoded again (no round trip through the register's
 * converters, no print computed). Null when anything differs, or the record is an earlier version's:
 * serializeRowState then. For a row whose edit changes nothing but notes (every cell refused).
 */
export function restampedRowState(
  cell: unknown,
  next: WorkOrder,
  noted: readonly WorkOrderField[],
): string | null {
  if (typeof cell !== 'string' || !(cell.startsWith(SEALED_PREFIX) || cell.startsWith(COMPACT_PREFIX)))
    return null;
  const state = parseRowState(cell);
  if (!state || state.order.id !== next.id || state.order.revision !== next.revision) return null;
  for (const field of FIELDS) {
    const print = state.fingerprints[field];
    const value = next[field];
    if (print === undefined) {
      if (!sameExactly(value, state.order[field])) return null;
      continue;
    }
    if (typeof value !== 'string' || value === '') return null;
    if (knownPrint(next.id, field, value) !== print) return null;
  }
  const text = withNotedMask(cell, [...new Set(noted)], sealerFor(next.id));
  return text === null ? null : asCellText(text).cell;
}

interface ParsedState {
  state: RowState;
  /** A sealed record's seal, checked on every read (once per execution: ./row-state-seal). */
  seal: { mac: string; body: string } | null;
}

/**
 * Records already parsed in this execution, by cell text: an edit's checks read a row's record more
 * than once (judging, then looking for refused texts kept only as prints). Bounded, so that a pass
 * over a whole register (setup's refill) keeps no more than this many.
 */
const parsedStates = new Map<string, ParsedState | null>();
const PARSED_STATES_KEPT = 1_000;

/**
 * The record in a state cell, or null when the cell is empty or not a record this add-on wrote: one
 * that does not parse, one whose seal does not hold, or one with no seal once every row was sealed.
 */
export function parseRowState(cell: unknown): RowState | null {
  if (typeof cell !== 'string') return null;
  let entry = parsedStates.get(cell);
  if (entry === undefined) {
    entry = parseStateText(cell);
    if (parsedStates.size >= PARSED_STATES_KEPT) parsedStates.clear();
    parsedStates.set(cell, entry);
  }
  if (!entry) return null;
  const trusted = entry.seal ? sealHolds(cell, entry.state.order.id, entry.seal) : unsealedAccepted();
  const parsed = trusted ? entry.state : null;
  // A copy each time: callers may change what they are given.
  return (
    parsed && {
      order: { ...parsed.order },
      fingerprints: { ...parsed.fingerprints },
      noted: [...parsed.noted],
      reasonRenewed: parsed.reasonRenewed === true,
    }
  );
}

function parseStateText(cell: string): ParsedState | null {
  if (cell.startsWith('{')) {
    const v1 = parseVersion1(cell);
    return v1 && { state: v1, seal: null };
  }
  const compact = decodeCompactState(cell);
  if (!compact || compact.order.id === '') return null;
  // A status no longer in the model makes the record unusable rather than silently wrong.
  const checked = parseRegisterRow(
    workOrderToRow(compact.order, CANONICAL_LAYOUT).map(readBack),
    CANONICAL_LAYOUT,
  );
  if (!checked.ok) return null;
  const order = { ...checked.order };
  // Printed fields read as '' in the order (the caller compares the cell with the print instead).
  for (const field of Object.keys(compact.prints) as WorkOrderField[])
    (order as unknown as Record<string, unknown>)[field] = '';
  return {
    state: {
      order,
      fingerprints: compact.prints,
      noted: compact.noted,
      reasonRenewed: compact.reasonRenewed,
    },
    seal: compact.seal,
  };
}
