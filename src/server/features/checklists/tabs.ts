/**
 * The tabs of checklists and work records: created by setup (Checklists for administrators; Checklist
 * Items, Time and Parts Used written by the add-on), read whole in one call, appended to in one write.
 * The Checklists tab as last accepted is kept in document properties: a hand edit is judged against
 * that copy (./tab-edit), never against the edited sheet.
 */
import {
  CHECKLISTS_SHEET,
  CHECKLIST_HEADER_ROW,
  parseChecklists,
  type ChecklistDefinition,
} from '../../../core/checklists';
import {
  CHECKLIST_ITEMS_HEADER_ROW,
  CHECKLIST_ITEMS_SHEET,
  parseChecklistItems,
  type OrderChecklistItem,
} from '../../../core/checklist-items';
import type { HmacKey } from '../../../core/keyed-chain';
import { cellText } from '../../../core/headers';
import {
  HOURLY_RATE_HEADER,
  PARTS_HEADER_ROW,
  PARTS_SHEET,
  TIME_HEADER_ROW,
  TIME_SHEET,
} from '../../../core/labour';
import { SHEET_NAMES } from '../../../core/model';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import { forgetSnapshot, writeSnapshot } from '../../adapters/durable-snapshot';
import { readTabValues } from '../../adapters/workbook';
import { rideWithQueueSave } from '../../adapters/review-queue';
import { appendHeaderIfMissing } from '../../adapters/tab-setup';
import { readAcceptedGrid } from '../edits/accepted-tabs';
import { checklistRowsOf } from '../../adapters/order-rows';
import { markReplays } from './unticked';
import { ensureSheet } from '../setup/sheets';
import type { SetupReport } from '../setup/report';
import type { Spreadsheet } from '../../adapters/apps-script-types';

type Grid = readonly (readonly unknown[])[];

/** Document property of the Checklists tab as last accepted. */
const ACCEPTED_CHECKLISTS = PROPERTY_KEYS.acceptedChecklists;
/**
 * A larger tab is not copied (document properties hold 500 KB in all, shared with the review queue):
 * a refused paste on it then stands as typed, its note saying so (./tab-edit).
 */
const MAX_COPY_CHARS = 120_000;

/** The tabs the add-on writes rows to, with their headers. */
export const RECORD_TABS: ReadonlyArray<[string, readonly string[]]> = [
  [CHECKLIST_ITEMS_SHEET, CHECKLIST_ITEMS_HEADER_ROW],
  [TIME_SHEET, TIME_HEADER_ROW],
  [PARTS_SHEET, PARTS_HEADER_ROW],
];

/** Setup's step: the four tabs, the Staff tab's Hourly Rate column, the accepted Checklists copy. */
export function ensureWorkRecordTabs(
  ss: Spreadsheet,
  report: SetupReport,
  /** Setup makes each tab under a hold of the document lock of its own (My work appends to them). */
  locked: <T>(step: () => T) => T = (step) => step(),
): void {
  locked(() => ensureSheet(ss, CHECKLISTS_SHEET, CHECKLIST_HEADER_ROW, report));
  for (const [name, headers] of RECORD_TABS) {
    locked(() => ensureSheet(ss, name, headers, report));
  }
  locked(() => ensureRateColumnAndAcceptChecklists(ss, report));
}

function ensureRateColumnAndAcceptChecklists(ss: Spreadsheet, report: SetupReport): void {
  if (appendHeaderIfMissing(ss, SHEET_NAMES.staff, HOURLY_RATE_HEADER))
    report.repaired.push(
      `${SHEET_NAMES.staff}: added the "${HOURLY_RATE_HEADER}" column (labour cost per hour)`,
    );
  recordAcceptedChecklists(readTabValues(ss, CHECKLISTS_SHEET) ?? []);
}

export function readAcceptedChecklists(): Grid | null {
  return readAcceptedGrid(ACCEPTED_CHECKLISTS);
}

export function recordAcceptedChecklists(grid: Grid): void {
  const plain = grid.map((row) =>
    row.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : cellText(v))),
  );
  const text = JSON.stringify(plain);
  // An older copy kept would put back cells from a tab that has changed since: it is dropped.
  if (text.length <= MAX_COPY_CHARS) writeSnapshot(ACCEPTED_CHECKLISTS, text, Date.now());
  else forgetSnapshot(ACCEPTED_CHECKLISTS);
}

/**
 * The category checklists in force: the accepted copy (a hand edit that was refused never counts),
 * else the tab as it stands.
 */
export function checklistDefinitions(ss: Spreadsheet, categories: readonly string[]): ChecklistDefinition[] {
  const grid = readAcceptedChecklists() ?? readTabValues(ss, CHECKLISTS_SHEET) ?? [];
  return parseChecklists(grid, categories).items;
}

/**
 * Whether any order has been given a checklist copy: until one has, a completion or a card reads no
 * Checklist Items tab (a workbook without checklists pays nothing for them).
 */
export function checklistsInUse(): boolean {
  return getProperty(PROPERTY_KEYS.checklistsInUse) === '1';
}

/**
 * Call as a copy is appended, naming its orders: they leave the orders known to have none, at once
 * (a rare write: only an order approved with none gets a copy later, with its first tick).
 */
export function markChecklistsInUse(ids: readonly string[] = []): void {
  if (!checklistsInUse()) setProperty(PROPERTY_KEYS.checklistsInUse, '1');
  const none = ordersWithoutCopy();
  if (ids.some((id) => none.has(id))) {
    for (const id of ids) none.delete(id);
    setProperty(PROPERTY_KEYS.checklistsNone, JSON.stringify([...none]));
  }
}

/**
 * Orders approved with no checklist copy (their category had none then), the latest NONE_KEPT of
 * them, in document properties: an order whose checklist is looked up and is among them has none, and
 * nothing is read. Only what the add-on recorded counts (a sheet cell could be typed to claim it), and
 * an order not among them (approved earlier, forgotten, or recorded before this list existed) is looked
 * up in the tab as before. Never wrong: every copy, at approval or with a later first tick, takes its
 * order out (markChecklistsInUse) before its rows are appended, and an order is put in only while its
 * approval is planned with no copy, under the same lock.
 */
const NONE_KEPT = 500;

function ordersWithoutCopy(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(getProperty(PROPERTY_KEYS.checklistsNone) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Records that `id` was approved with no checklist copy, written with the review queue's save of the
 * same approval (no call of its own; left unrecorded if no save comes, which only costs a read later).
 * Only worth it once a copy was ever made: before, no lookup reads the tab.
 */
export function noteNoChecklistCopy(id: string): void {
  if (!checklistsInUse()) return;
  rideWithQueueSave(() => {
    const none = [...ordersWithoutCopy()].filter((other) => other !== id);
    none.push(id);
    return { [PROPERTY_KEYS.checklistsNone]: JSON.stringify(none.slice(-NONE_KEPT)) };
  });
}

/** Every order's checklist copy, or none without reading when no copy was ever made. */
export function checklistCopyGrid(ss: Spreadsheet): unknown[][] {
  return checklistsInUse() ? (readTabValues(ss, CHECKLIST_ITEMS_SHEET) ?? []) : [];
}

/**
 * The checklist copies of `ids` only, by request id, read from the tab's end (adapters/order-rows.ts), or
 * none without reading when no copy was ever made or the orders are known to have none.
 */
export function checklistCopiesOf(
  ss: Spreadsheet,
  ids: Iterable<string>,
  key: HmacKey | null,
): Map<string, OrderChecklistItem[]> {
  if (!checklistsInUse()) return new Map();
  const none = ordersWithoutCopy();
  const sought = new Set([...ids].filter((id) => !none.has(id)));
  if (sought.size === 0) return new Map();
  const { values, rows } = checklistRowsOf(ss, CHECKLIST_ITEMS_SHEET, sought);
  return markReplays(parseChecklistItems(values, key, rows));
}

/** Every order's checklist copy, by request id (the tab read whole, once). */
export function allChecklistCopies(ss: Spreadsheet, key: HmacKey | null): Map<string, OrderChecklistItem[]> {
  return markReplays(parseChecklistItems(checklistCopyGrid(ss), key));
}
