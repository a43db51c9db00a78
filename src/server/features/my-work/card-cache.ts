/**
 * My work without reading a technician's rows again on every check. The orders a technician was last
 * shown are remembered in the document cache (per technician, six hours), each with its row and
 * Revision; a check reads only the Request ID, Revision, Status and Assignee columns over the rows
 * they span (four calls, four cells a row) and uses a remembered order only where its row still holds
 * its id at the same revision, status and assignee. Every change the add-on accepts to an order raises
 * its Revision, so a remembered order at an unchanged revision is the register as it is; the rest are
 * read from their rows (./rows).
 *
 * Why: a technician's orders are scattered among the newest rows (116 orders over ~18,000 rows in the
 * benchmark's busiest case), and reading their rows takes a dozen calls and ~119,000 cells (~2.8 s at
 * the cost model's rates). The cache only saves reads: what a card shows is checked against the
 * register each time, and every step in My work re-checks the revision under the lock before writing.
 */
import type { WorkOrder } from '../../../core/model';
import type { LocatedOrder, Register } from '../../adapters/register';
import { documentCache } from '../../adapters/service-handles';
import { CELLS_PER_CALL, spansOf } from './rows';

const PREFIX = 'wo.mywork.cards.v1:';
const SECONDS = 21_600;
/** Google: 100 KB per cached value; pieces stay under it with room to spare. */
const PIECE_CHARS = 90_000;
const MAX_PIECES = 10;
/** Rows the validation may span (a cell of each CHECKED column): past it, reading the rows is as cheap. */
const LONGEST_SPAN = 25_000;
/**
 * What a remembered order is checked against in its row: the id and the Revision (every change the
 * add-on accepts raises it), and the Assignee and Status themselves, so that a value typed over them
 * without the add-on (the edit trigger missing or not yet run) is never taken for the order as known.
 */
const CHECKED = ['id', 'revision', 'status', 'assignee'] as const;

export interface Remembered {
  row: number;
  revision: number;
  order: WorkOrder;
}

function keyOf(email: string, piece: number | 'head'): string | null {
  const key = `${PREFIX}${email.trim().toLowerCase()}:${piece}`;
  return key.length <= 250 ? key : null;
}

/** Dates survive JSON as { $d: epoch ms }. */
function replacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? { $d: raw.getTime() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const d = (value as { $d?: unknown }).$d;
    if (typeof d === 'number' && Object.keys(value).length === 1) return new Date(d);
  }
  return value;
}

function isRemembered(value: unknown): value is Remembered {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Remembered>;
  return (
    Number.isInteger(r.row) &&
    (r.row as number) >= 2 &&
    Number.isInteger(r.revision) &&
    typeof r.order === 'object' &&
    r.order !== null &&
    typeof (r.order as WorkOrder).id === 'string'
  );
}

/** What is remembered for `email` (empty when nothing is, or it cannot be read). */
export function readRemembered(email: string): Map<string, Remembered> {
  const out = new Map<string, Remembered>();
  const cache = documentCache();
  const head = keyOf(email, 'head');
  if (!cache || !head) return out;
  const keys = [head, ...Array.from({ length: MAX_PIECES }, (_, i) => keyOf(email, i) as string)];
  let values: Record<string, string>;
  try {
    values = cache.getAll(keys);
  } catch {
    return out;
  }
  const pieces = Number(values[head]);
  if (!Number.isInteger(pieces) || pieces < 1 || pieces > MAX_PIECES) return out;
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const piece = values[keyOf(email, i) as string];
    if (typeof piece !== 'string') return out;
    text += piece;
  }
  try {
    const parsed: unknown = JSON.parse(text, reviver);
    if (!Array.isArray(parsed)) return out;
    for (const item of parsed) if (isRemembered(item)) out.set(item.order.id, item);
  } catch {
    return new Map();
  }
  return out;
}

/** Remembers `located` for `email` (what does not fit is left out: read from its row next time). */
export function remember(email: string, located: readonly LocatedOrder[]): void {
  const cache = documentCache();
  const head = keyOf(email, 'head');
  if (!cache || !head) return;
  const items: Remembered[] = located.map(({ row, order }) => ({ row, revision: order.revision, order }));
  let text = JSON.stringify(items, replacer);
  while (text.length > PIECE_CHARS * MAX_PIECES && items.length > 0) {
    items.pop();
    text = JSON.stringify(items, replacer);
  }
  const values: Record<string, string> = {};
  let pieces = 0;
  for (let at = 0; at < text.length || pieces === 0; at += PIECE_CHARS)
    values[keyOf(email, pieces++) as string] = text.slice(at, at + PIECE_CHARS);
  values[head] = String(pieces);
  try {
    cache.putAll(values, SECONDS);
  } catch (error) {
    // Only a speed-up: the next opening reads the rows.
    console.warn(`My work cards not remembered: ${String(error)}`);
  }
}

/**
 * The remembered orders among `ids` that are still current: their row holds their id at the same
 * Revision, Status and Assignee (one read of each column over the rows they span). Others are left to
 * the caller, which reads their rows.
 */
export function currentRemembered(
  register: Register,
  remembered: ReadonlyMap<string, Remembered>,
  ids: readonly string[],
): Map<string, LocatedOrder> {
  const found = new Map<string, LocatedOrder>();
  const wanted = ids.flatMap((id) => {
    const r = remembered.get(id);
    return r ? [r] : [];
  });
  for (const cluster of clustersOf(wanted)) {
    const lo = (cluster[0] as Remembered).row;
    const hi = (cluster[cluster.length - 1] as Remembered).row;
    if (hi - lo + 1 > LONGEST_SPAN) continue;
    // Worth it only when the column reads cost less than reading the rows themselves would (a call
    // is worth CELLS_PER_CALL cells at the cost model's rates): orders on a few close rows, or a
    // straggler far from the rest, are just read.
    const spans = spansOf(
      cluster.map((r) => r.row),
      register.width,
    );
    const rowsCost = spans.reduce((sum, [a, b]) => sum + CELLS_PER_CALL + (b - a + 1) * register.width, 0);
    if (CHECKED.length * (CELLS_PER_CALL + (hi - lo + 1)) >= rowsCost) continue;
    const columns = CHECKED.map((field): unknown[] => {
      try {
        return register.readColumnSpan(field, lo, hi - lo + 1);
      } catch {
        return []; // past the sheet's end: rows were deleted since
      }
    });
    const text = (column: number, row: number): string => String(columns[column]?.[row - lo] ?? '').trim();
    for (const r of cluster) {
      const current =
        text(0, r.row) === r.order.id &&
        Number(text(1, r.row)) === r.revision &&
        text(2, r.row) === r.order.status &&
        text(3, r.row).toLowerCase() === r.order.assignee.trim().toLowerCase();
      if (current) found.set(r.order.id, { row: r.row, order: r.order, cells: [] });
    }
  }
  return found;
}

/**
 * Remembered orders by row, cut where two are further apart than a call's worth of checked cells:
 * the column reads need not run over the empty stretch between them.
 */
function clustersOf(wanted: readonly Remembered[]): Remembered[][] {
  const gap = Math.floor(CELLS_PER_CALL / CHECKED.length);
  const clusters: Remembered[][] = [];
  for (const r of [...wanted].sort((a, b) => a.row - b.row)) {
    const last = clusters[clusters.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && r.row - previous.row <= gap) last.push(r);
    else clusters.push([r]);
  }
  return clusters;
}
