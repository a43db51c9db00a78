/**
 * A work order's own checklist: the category's items copied onto it when it is approved, one row each
 * on the Checklist Items tab, which only the add-on writes. The copy is what the order is held to, so
 * a later edit of the Checklists tab changes no order already approved.
 *
 * The tab must be writable by whoever ticks from My work (a sidebar runs as its user), so each row
 * carries a seal: HMAC-SHA-256, keyed with the add-on's secret, over the row as it reads back, with
 * its number among the order's items ("2 of 4"). A tick typed by hand has no valid seal and counts as
 * not ticked; a row deleted by hand leaves a gap the completion check names.
 */
import { cellText, mapHeaders } from './headers';
import type { ChecklistDefinition } from './checklists';
import { asCellText } from './sanitize';
import { hmacSha256Hex, type HmacKey } from './sha256';
import { isValidDate } from './time';

export const CHECKLIST_ITEMS_SHEET = 'Checklist Items';
export const CHECKLIST_ITEM_COLUMNS = {
  id: 'Record ID',
  number: 'No.',
  item: 'Item',
  required: 'Required',
  done: 'Done',
  doneBy: 'Done By',
  doneAt: 'Done At',
  seal: 'Seal',
} as const;
export const CHECKLIST_ITEMS_HEADER_ROW: readonly string[] = Object.values(CHECKLIST_ITEM_COLUMNS);

export interface OrderChecklistItem {
  id: string;
  number: number;
  of: number;
  item: string;
  required: boolean;
  done: boolean;
  doneBy: string;
  doneAt: Date | null;
  /** Whether the row is as the add-on wrote it (its seal verifies). */
  sealed: boolean;
  /**
   * True when the row's own cells (its item, number or Required) are not what the add-on wrote: the
   * seal verifies in no state the add-on could have left it in, ticked or not. Such a row says nothing
   * trustworthy about the item, so it is held to as required and cannot be ticked until restored.
   * (A tick merely typed over a row the add-on wrote is not forged: it counts as the state sealed.)
   */
  forged?: boolean;
  /**
   * True when the row is ticked and sealed but the add-on has unticked the item since
   * (./checklist-unticks): a copy of the earlier ticked row, pasted back. It counts as not ticked.
   */
  replayed?: boolean;
  /** 1-based sheet row. */
  row: number;
}

type Unsealed = Omit<OrderChecklistItem, 'sealed' | 'row' | 'forged' | 'replayed'>;

function sealOf(key: HmacKey, i: Unsealed): string {
  const at = i.doneAt ? i.doneAt.toISOString() : '';
  return hmacSha256Hex(
    key,
    'checklist\n',
    JSON.stringify([i.id, i.number, i.of, i.item, i.required, i.done, i.doneBy, at]),
  );
}

/** The sheet row of an item, sealed (`item` already as the cell reads it back). */
export function itemRow(key: HmacKey, i: Unsealed): unknown[] {
  return [
    i.id,
    `${i.number} of ${i.of}`,
    asCellText(i.item).cell,
    i.required ? 'Yes' : 'No',
    i.done,
    i.doneBy,
    i.doneAt ?? '',
    sealOf(key, i),
  ];
}

/** The rows copying a category's items onto an order, all unticked. */
export function copyRows(key: HmacKey, id: string, items: readonly ChecklistDefinition[]): unknown[][] {
  return items.map((d, i) =>
    itemRow(key, {
      id,
      number: i + 1,
      of: items.length,
      item: asCellText(d.item).text,
      required: d.required,
      done: false,
      doneBy: '',
      doneAt: null,
    }),
  );
}

/**
 * Every order's items from the tab's values (the header first), by request id, in number order.
 * `rowNumbers[i]`: the sheet row of values[i + 1], when they are not the tab's rows from row 2 on.
 */
export function parseChecklistItems(
  values: readonly (readonly unknown[])[],
  key: HmacKey | null,
  rowNumbers?: readonly number[],
) {
  const byId = new Map<string, OrderChecklistItem[]>();
  const header = values[0];
  if (!header) return byId;
  const layout = mapHeaders(header, CHECKLIST_ITEM_COLUMNS);
  const at = layout.indexOf;
  if (at.id < 0 || at.item < 0) return byId;
  values.slice(1).forEach((cells, i) => {
    const id = cellText(cells[at.id]).trim();
    if (id === '') return;
    const [n, of] = /^(\d+) of (\d+)$/.exec(cellText(cells[at.number]).trim())?.slice(1) ?? ['0', '0'];
    const doneAt = cells[at.doneAt];
    const done = cells[at.done];
    const item: Unsealed = {
      id,
      number: Number(n),
      of: Number(of),
      item: cellText(cells[at.item]),
      required: cellText(cells[at.required]).trim().toLowerCase() !== 'no',
      done: done === true || cellText(done).trim().toUpperCase() === 'TRUE',
      doneBy: cellText(cells[at.doneBy]).trim(),
      doneAt: isValidDate(doneAt) ? doneAt : null,
    };
    const seal = cellText(cells[at.seal]);
    const sealed = key !== null && seal === sealOf(key, item);
    const forged = key !== null && !sealed && !sealedInAnotherState(key, item, seal);
    const list = byId.get(id) ?? [];
    list.push({ ...item, sealed, forged, row: rowNumbers?.[i] ?? i + 2 });
    byId.set(id, list);
  });
  for (const list of byId.values()) list.sort((a, b) => a.number - b.number || a.row - b.row);
  return byId;
}

/**
 * Whether `seal` is the add-on's for the row's item, number and Required with only its tick changed by
 * hand: as copied or unticked (nobody, never), or as ticked by the add-on with the Done cell cleared.
 */
function sealedInAnotherState(key: HmacKey, item: Unsealed, seal: string): boolean {
  const unticked: Unsealed = { ...item, done: false, doneBy: '', doneAt: null };
  return seal === sealOf(key, unticked) || seal === sealOf(key, { ...item, done: true });
}

/** Whether the item counts as ticked: ticked by the add-on, not typed in, and not unticked since. */
export function isTicked(item: OrderChecklistItem): boolean {
  return item.done && item.sealed && item.replayed !== true;
}

/** How the completion refusal names a required item still to tick, saying why when its row misleads. */
function stillToTick(item: OrderChecklistItem): string {
  if (item.forged) return forgedItemText(item);
  if (item.replayed)
    return `${item.item} (its row on the ${CHECKLIST_ITEMS_SHEET} tab shows a tick that was undone and copied back by hand; tick it again)`;
  return item.item;
}

/**
 * How a row changed or deleted by hand is put back. Its seal covers only its cells, so the cells as
 * they were make it the add-on's again; "restore it from the version history" read as Sheets' Restore
 * this version would take the whole spreadsheet back, losing every change made since.
 */
const PUT_ROW_BACK =
  'File › Version history shows them; put back only this row, not a whole version, which would undo every later change';

/** A forged row as the completion refusal names it, saying what to do. */
export function forgedItemText(item: OrderChecklistItem): string {
  return `${item.item} (its row on the ${CHECKLIST_ITEMS_SHEET} tab was changed by hand; type its cells back as they were: ${PUT_ROW_BACK})`;
}

/**
 * The required items still to tick, as the completion refusal names them: unticked ones, ones whose
 * tick was typed by hand, rows changed by hand (whatever their Required cell says: a "No" typed there
 * must not let the order complete), and numbers missing from the order's rows (deleted by hand).
 */
export function untickedRequired(items: readonly OrderChecklistItem[]): string[] {
  const out = items.filter((i) => (i.required || i.forged === true) && !isTicked(i)).map(stillToTick);
  const kept = items.filter((i) => i.forged !== true);
  const of = Math.max(0, ...kept.map((i) => i.of));
  const present = new Set(kept.map((i) => i.number));
  for (let n = 1; n <= of; n++) {
    if (!present.has(n) && !items.some((i) => i.number === n))
      out.push(
        `item ${n} (its row was deleted from the ${CHECKLIST_ITEMS_SHEET} tab; copy its cells back into a row of the tab: ${PUT_ROW_BACK})`,
      );
  }
  return out;
}

/** The item after a tick or untick by `by` at `at` (an untick clears who and when). */
export function ticked(item: OrderChecklistItem, done: boolean, by: string, at: Date): Unsealed {
  return {
    id: item.id,
    number: item.number,
    of: item.of,
    item: item.item,
    required: item.required,
    done,
    doneBy: done ? by : '',
    doneAt: done ? new Date(at.getTime()) : null,
  };
}
