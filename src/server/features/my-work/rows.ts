/**
 * Reading a technician's open orders without scanning the register. The review queue (Document
 * Properties, kept by every writer) already knows which orders are in whose open load; where their rows
 * are is remembered here, per technician, in the document cache, and checked by id on every read
 * (users sort, filter and insert rows). Rows close together are read in one call: reading a few
 * hundred rows between two wanted ones costs less than another call (bench/cost-model.ts: ~100 ms a
 * call, ~10 µs a cell). When a row is not where it was remembered, one read of the id column finds
 * every wanted row at once.
 */
import { parseRegisterRow } from '../../../core/columns';
import { parseRequestId } from '../../../core/ids';
import type { LocatedOrder, Register } from '../../adapters/register';
import { documentCache } from '../../adapters/service-handles';

const HINTS_PREFIX = 'wo.mywork.rows.v1:';
const HINTS_SECONDS = 21_600;
/** Cells one extra call is worth reading (one call ≈ 10,000 cells at the cost model's rates). */
export const CELLS_PER_CALL = 10_000;

type Hints = Record<string, number>;

function hintsKey(email: string): string | null {
  const key = HINTS_PREFIX + email;
  // Cache keys are at most 250 characters; an odd address longer than that just goes unremembered.
  return key.length <= 250 ? key : null;
}

export function readHints(email: string): Hints {
  const key = hintsKey(email);
  const text = key ? documentCache()?.get(key) : null;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const hints: Hints = {};
    for (const [id, row] of Object.entries(parsed as Record<string, unknown>))
      if (typeof row === 'number' && Number.isInteger(row) && row >= 2) hints[id] = row;
    return hints;
  } catch {
    return {};
  }
}

export function rememberHints(email: string, hints: Hints): void {
  const key = hintsKey(email);
  if (!key) return;
  try {
    documentCache()?.put(key, JSON.stringify(hints), HINTS_SECONDS);
  } catch (error) {
    // Only a speed-up: the next opening finds the rows again.
    console.warn(`My work row hints not remembered: ${String(error)}`);
  }
}

/** Groups sorted row numbers into spans worth reading in one call each. */
export function spansOf(rows: readonly number[], width: number): Array<[number, number]> {
  const gap = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, width)));
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const spans: Array<[number, number]> = [];
  for (const row of sorted) {
    const last = spans[spans.length - 1];
    if (last && row - last[1] <= gap) last[1] = row;
    else spans.push([row, row]);
  }
  return spans;
}

/** The orders among `ids` found at their rows, read span by span. A row that does not parse is skipped. */
function readAtRows(register: Register, rowsById: ReadonlyMap<string, number>): Map<string, LocatedOrder> {
  const found = new Map<string, LocatedOrder>();
  const idIndex = register.layout.indexOf.id;
  const wanted = new Map<number, string>();
  for (const [id, row] of rowsById) wanted.set(row, id);
  for (const [first, last] of spansOf([...wanted.keys()], register.width)) {
    let block: unknown[][];
    try {
      block = register.readRows(first, last - first + 1);
    } catch {
      continue; // Past the sheet's end: rows were deleted since the hint was taken.
    }
    block.forEach((cells, i) => {
      const row = first + i;
      const id = wanted.get(row);
      if (id === undefined || String(cells[idIndex] ?? '').trim() !== id) return;
      const parsed = parseRegisterRow(cells, register.layout, row);
      if (parsed.ok) found.set(id, { row, order: parsed.order, cells });
    });
  }
  return found;
}

/**
 * The orders `ids` as they are in the register, found by their remembered rows, else by one read of
 * the id column. Ids no longer in the register are left out. Remembers where each was found (and
 * forgets those not found).
 */
export function readOrdersById(
  register: Register,
  email: string,
  ids: readonly string[],
  /** Rows known from elsewhere (the review queue's), used when none is remembered here. */
  known: ReadonlyMap<string, number> = new Map(),
): LocatedOrder[] {
  if (ids.length === 0) return [];
  const hints = readHints(email);
  const hinted = new Map<string, number>();
  for (const id of ids) {
    const row = hints[id] ?? known.get(id);
    if (row !== undefined) hinted.set(id, row);
  }
  const found = readAtRows(register, hinted);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const sought = new Set(missing);
    const rows = new Map<string, number>();
    register.readIds().forEach((id, i) => {
      if (sought.has(id) && !rows.has(id)) rows.set(id, i + 2);
    });
    for (const [id, located] of readAtRows(register, rows)) found.set(id, located);
  }
  // Hints of orders not sought this time are kept: the caller may have checked them another way
  // (./card-cache), and dropping them would rewrite the hints (a cache write) on every such check.
  const fresh: Hints = { ...hints };
  for (const id of ids) {
    const located = found.get(id);
    if (located) fresh[id] = located.row;
    else delete fresh[id];
  }
  const changed =
    Object.keys(fresh).length !== Object.keys(hints).length ||
    Object.entries(fresh).some(([id, row]) => hints[id] !== row);
  if (changed) rememberHints(email, fresh);
  return ids.flatMap((id) => {
    const located = found.get(id);
    return located ? [located] : [];
  });
}

/**
 * Where rows probably are when none is remembered: request ids are given in order and rows appended in
 * order, so an id sits about as far from a known (id, row) pair as their sequence numbers are apart,
 * until someone sorts the sheet. Known pairs: the review queue's entries and its last row. A guess is
 * only ever read and checked by id, like any hint.
 */
export function predictRows(
  ids: readonly string[],
  anchors: ReadonlyArray<{ seq: number; row: number }>,
): Map<string, number> {
  const sorted = anchors.filter((a) => a.seq > 0 && a.row >= 2).sort((a, b) => a.seq - b.seq);
  const out = new Map<string, number>();
  if (sorted.length === 0) return out;
  for (const id of ids) {
    const seq = parseRequestId(id);
    if (seq === null) continue;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as { seq: number }).seq < seq) lo = mid + 1;
      else hi = mid;
    }
    const candidates = [sorted[lo], sorted[lo - 1]].filter((a) => a !== undefined);
    const nearest = candidates.reduce((a, b) => (Math.abs(b.seq - seq) < Math.abs(a.seq - seq) ? b : a));
    const row = nearest.row + (seq - nearest.seq);
    if (row >= 2) out.set(id, row);
  }
  return out;
}
