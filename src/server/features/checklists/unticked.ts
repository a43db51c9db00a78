/**
 * The checklist items the add-on unticked and has not ticked since (core/checklist-unticks.ts), in
 * document properties: what tells a ticked row pasted back from an old copy from a tick still standing.
 * Read only when some row read is ticked and sealed (under the document lock the read is free: the
 * store is read whole once); written only when a record unticks an item, or ticks again one unticked.
 */
import {
  anySealedTick,
  markReplayedTicks,
  parseUnticked,
  untickedText,
  type UntickChange,
  type UntickedItems,
} from '../../../core/checklist-unticks';
import type { OrderChecklistItem } from '../../../core/checklist-items';
import { readChunkedFrom, writeChunked } from '../../adapters/chunked-property';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';

const KEY = PROPERTY_KEYS.checklistUnticks;

/** The list as stored (empty when none was ever written, or when it cannot be read). */
export function readUntickedItems(): UntickedItems {
  const read = readChunkedFrom(documentProperties(), KEY);
  return parseUnticked(read.kind === 'ok' ? read.text : null);
}

/** Marks the rows that are copies of undone ticks (reading the list only if any row could be one). */
export function markReplays(byId: Map<string, OrderChecklistItem[]>): Map<string, OrderChecklistItem[]> {
  if (anySealedTick(byId)) markReplayedTicks(byId, readUntickedItems());
  return byId;
}

/**
 * Records items unticked (at a time) or ticked again (`at` null), in one write; none when every change
 * is a tick of an item the list does not hold (the usual tick).
 */
export function saveUntickChanges(changes: readonly UntickChange[]): void {
  if (changes.length === 0) return;
  const current = readUntickedItems();
  const needed = changes.filter((c) => c.at !== null || current.get(c.id)?.has(c.number) === true);
  if (needed.length === 0) return;
  writeChunked(documentProperties(), KEY, untickedText(current, needed));
}
