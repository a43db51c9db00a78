/**
 * My work without reading a technician's rows again on every opening. The orders a technician was
 * last shown are remembered in the document cache (per technician, six hours), each with its row and
 * Revision; an opening reads only the Request ID and Revision columns over the rows they span (two
 * calls, two cells a row) and uses a remembered order only where its row still holds its id at the
 * same revision. Every change the add-on accepts to an order raises its Revision, so a remembered
 * order at an unchanged revision is the register as it is; the rest are read from their rows (./rows).
 *
 * Why: a technician's open orders are scattered among the newest rows (79 orders over ~4,000 rows in
 * the benchmark's busiest case), and reading their rows took 13 calls and ~118,000 cells (~3 s at the
 * cost model's rates) on every opening. The cache only saves reads: what a card shows is checked
 * against the register's Revision each time, and every step in My work re-checks the revision under
 * the lock before writing.
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
/** Rows the validation may span (two cells each): past it, reading the rows themselves is as cheap. */
const LONGEST_SPAN = 25_000;

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
 * Revision (two reads of one column each over the rows they span). Others are left to the caller.
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
  if (wanted.length === 0) return found;
  const lo = Math.min(...wanted.map((r) => r.row));
  const hi = Math.max(...wanted.map((r) => r.row));
  if (hi - lo + 1 > LONGEST_SPAN) return found;
  // Worth it only when two column reads cost less than reading the rows themselves would (a call is
  // worth CELLS_PER_CALL cells at the cost model's rates): orders on a few close rows are just read.
  const spans = spansOf(
    wanted.map((r) => r.row),
    register.width,
  );
  const rowsCost = spans.reduce((sum, [a, b]) => sum + CELLS_PER_CALL + (b - a + 1) * register.width, 0);
  if (2 * CELLS_PER_CALL + 2 * (hi - lo + 1) >= rowsCost) return found;
  const column = (field: 'id' | 'revision'): unknown[] => {
    try {
      return register.readColumnSpan(field, lo, hi - lo + 1);
    } catch {
      return []; // past the sheet's end: rows were deleted since
    }
  };
  const idCells = column('id');
  const revisions = column('revision');
  for (const r of wanted) {
    const id = String(idCells[r.row - lo] ?? '').trim();
    const revision = Number(revisions[r.row - lo]);
    if (id === r.order.id && revision === r.revision)
      found.set(r.order.id, { row: r.row, order: r.order, cells: [] });
  }
  return found;
}
