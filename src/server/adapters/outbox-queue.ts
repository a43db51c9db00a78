/**
 * The two Outbox tabs (./outbox-tabs.ts) read as one queue, for the drain and the digest: each tab read
 * once, its rows put in the Outbox's own column order whatever order its header has, and the rows a
 * drain or a digest changed written back to the tab they came from. The ledger judges all the rows
 * together, so a row copied from one tab into the other is still one number.
 */
import { mapHeaders } from '../../core/headers';
import { addMissingHeaders } from './outbox-auth';
import { COLUMNS, OUTBOX_HEADERS, outboxTabs, type OutboxColumn } from './outbox-tabs';
import { writeResults } from './outbox-results';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** One tab as read: its values (header first) in its own column order. */
export interface OutboxTab {
  sheet: Sheet;
  values: unknown[][];
  indexOf: Record<OutboxColumn, number>;
}

/** Where a row of the queue is: its tab and its 0-based index in that tab's values (the header is 0). */
export interface RowOrigin {
  tab: OutboxTab;
  index: number;
}

export interface OutboxQueue {
  /** The Outbox's header, then every tab's rows, in the Outbox's own column order (COLUMN_INDEX). */
  values: unknown[][];
  /** By index into `values` (0, the header, has none). */
  origin: (RowOrigin | null)[];
  tabs: OutboxTab[];
}

/** The Outbox's own column order: what the queue's rows use. */
export const COLUMN_INDEX = Object.fromEntries(
  (Object.keys(COLUMNS) as OutboxColumn[]).map((c) => [c, OUTBOX_HEADERS.indexOf(COLUMNS[c])]),
) as Record<OutboxColumn, number>;

/**
 * Each tab that exists, read whole (`mend`: columns added since the tab was made are added to it, as
 * the drain does; the digest only reads). A tab without a column the queue needs stops the caller with
 * what to do, before anything is sent.
 */
export function readOutboxTabs(ss: Spreadsheet, mend: boolean): OutboxTab[] {
  return outboxTabs(ss).map((sheet) => {
    const values = sheet.getDataRange().getValues();
    if (mend) addMissingHeaders(sheet, values, [COLUMNS.mac, COLUMNS.kind, COLUMNS.seq]);
    const layout = mapHeaders(values[0] ?? [], COLUMNS);
    if (layout.missing.length > 0) {
      throw new Error(
        `The ${sheet.getName()} sheet has no ${layout.missing.map((k) => `"${COLUMNS[k]}"`).join(', ')} column: queued emails cannot be sent. ` +
          'Run Set up work orders to restore the header.',
      );
    }
    return { sheet, values, indexOf: layout.indexOf };
  });
}

/** The tabs' rows as one queue (copies in the Outbox's column order; writeBack puts changes back). */
export function queueOf(tabs: readonly OutboxTab[]): OutboxQueue {
  const columns = Object.keys(COLUMNS) as OutboxColumn[];
  const values: unknown[][] = [[...OUTBOX_HEADERS]];
  const origin: (RowOrigin | null)[] = [null];
  for (const tab of tabs) {
    for (let index = 1; index < tab.values.length; index++) {
      const row = tab.values[index] ?? [];
      const copy: unknown[] = new Array(OUTBOX_HEADERS.length).fill('');
      for (const c of columns) copy[COLUMN_INDEX[c]] = row[tab.indexOf[c]] ?? '';
      values.push(copy);
      origin.push({ tab, index });
    }
  }
  return { values, origin, tabs: [...tabs] };
}

/**
 * Writes the rows `touched` (indexes into the queue) back to their tabs: their values copied into the
 * tab's read, then each tab's result columns written (./outbox-results.ts), one tab at a time.
 */
export function writeBack(queue: OutboxQueue, touched: readonly number[], numbered: boolean): void {
  const byTab = new Map<OutboxTab, number[]>();
  for (const i of touched) {
    const at = queue.origin[i];
    if (!at) continue;
    const row = at.tab.values[at.index] as unknown[];
    const copy = queue.values[i] as unknown[];
    for (const c of Object.keys(COLUMNS) as OutboxColumn[]) row[at.tab.indexOf[c]] = copy[COLUMN_INDEX[c]];
    byTab.set(at.tab, [...(byTab.get(at.tab) ?? []), at.index]);
  }
  for (const [tab, indexes] of byTab) writeResults(tab.sheet, tab.values, indexes, tab.indexOf, numbered);
}
