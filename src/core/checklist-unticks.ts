/**
 * The checklist items whose last change by the add-on was an untick, kept in the add-on's own state
 * (document properties), never in a sheet.
 *
 * Why: a seal says a Checklist Items row is one the add-on wrote, not that it is the latest one. A
 * technician who copied their ticked row before a supervisor unticked it could paste it back, and the
 * pasted row would verify. While an item is recorded here, a ticked row of it is such a copy: it
 * counts as not ticked, and the completion refusal says so. Ticking the item again from My work or the
 * update form takes it out, so the list holds only items unticked and not ticked since.
 *
 * Stored as JSON `{ "<request id>": { "<item number>": <untick time, epoch seconds> } }`.
 */
import type { OrderChecklistItem } from './checklist-items';

/** Request id → item number → when the add-on unticked it (epoch seconds). */
export type UntickedItems = ReadonlyMap<string, ReadonlyMap<number, number>>;

/**
 * How many items the list keeps (the oldest untick goes first beyond it): about 24 bytes an item, so
 * at most ~100 KB of the 500 KB a document's properties may hold. An item leaves the list when it is
 * ticked again, so only unticks still standing count towards it.
 */
export const UNTICKS_KEPT = 4000;

/** The list as stored; anything unreadable in it is left out (only the add-on writes it). */
export function parseUnticked(text: string | null): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  if (!text) return out;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, items] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof items !== 'object' || items === null || Array.isArray(items)) continue;
    const byNumber = new Map<number, number>();
    for (const [number, at] of Object.entries(items as Record<string, unknown>)) {
      if (/^[1-9]\d*$/.test(number) && typeof at === 'number' && Number.isFinite(at))
        byNumber.set(Number(number), at);
    }
    if (byNumber.size > 0) out.set(id, byNumber);
  }
  return out;
}

/** One item unticked (`at`, epoch seconds) or ticked again (`at` null: it leaves the list). */
export interface UntickChange {
  id: string;
  number: number;
  at: number | null;
}

/** The list after `changes`, as stored, keeping the UNTICKS_KEPT latest unticks. */
export function untickedText(current: UntickedItems, changes: readonly UntickChange[]): string {
  const all: Array<[string, number, number]> = [];
  for (const [id, items] of current) for (const [number, at] of items) all.push([id, number, at]);
  const changed = new Set(changes.map((c) => `${c.id}\n${c.number}`));
  const kept = all.filter(([id, number]) => !changed.has(`${id}\n${number}`));
  for (const c of changes) if (c.at !== null) kept.push([c.id, c.number, c.at]);
  kept.sort((a, b) => b[2] - a[2]);
  const out: Record<string, Record<string, number>> = {};
  for (const [id, number, at] of kept.slice(0, UNTICKS_KEPT)) (out[id] ??= {})[String(number)] = at;
  return JSON.stringify(out);
}

/**
 * Marks every ticked, sealed row of an item the list holds as `replayed`: a copy of a tick the add-on
 * later undid. Returns how many were marked.
 */
export function markReplayedTicks(
  byId: ReadonlyMap<string, OrderChecklistItem[]>,
  unticked: UntickedItems,
): number {
  let marked = 0;
  for (const [id, items] of byId) {
    const undone = unticked.get(id);
    if (!undone) continue;
    for (const item of items) {
      if (item.done && item.sealed && undone.has(item.number)) {
        item.replayed = true;
        marked++;
      }
    }
  }
  return marked;
}

/** Whether any row of `byId` is ticked and sealed (only then can the list change what it says). */
export function anySealedTick(byId: ReadonlyMap<string, readonly OrderChecklistItem[]>): boolean {
  for (const items of byId.values()) if (items.some((i) => i.done && i.sealed)) return true;
  return false;
}
