/**
 * The Outbox's layout and its two tabs. Every execution in the document appends to the Outbox under
 * the document lock, so two of them never write the same row. The hourly job runs without a document,
 * so it cannot take that lock. If it appended to the same tab, it and a sidebar action could both read
 * where the tab ends and both write the row below: the later write would replace the earlier email,
 * which would never be sent. No Sheets call appends a block of rows at a place it chooses itself
 * (appendRow is one row a call, far too slow for a run that queues hundreds). So the hourly job appends
 * to a tab of its own, the Hourly Outbox, where it is the only writer (its lease and the owner's lock
 * make it one execution at a time). The drain and the digest read both tabs as one queue.
 */
import { SHEET_NAMES } from '../../core/model';
import type { Series } from '../../core/outbox-ledger';
import type { Sheet, Spreadsheet } from './apps-script-types';
import { tabForAppend } from './tab-made';

export const OUTBOX_HEADERS = [
  'Queued At',
  'To',
  'Subject',
  'Body',
  'HTML Body',
  'Record ID',
  'Status',
  'Sent At',
  'Attempts',
  'Last Error',
  'MAC',
  /** What the email is (an EmailKind): the drain sends emergencies, then what needs action, first. */
  'Kind',
  /** The row's sequence number (core/outbox-ledger.ts): "17" issued in the document, "H3" by the hourly job. */
  'Seq',
] as const;

/** The Outbox's columns by what they hold (a tab's own order is read from its header). */
export const COLUMNS = {
  queuedAt: OUTBOX_HEADERS[0],
  to: OUTBOX_HEADERS[1],
  subject: OUTBOX_HEADERS[2],
  body: OUTBOX_HEADERS[3],
  htmlBody: OUTBOX_HEADERS[4],
  recordId: OUTBOX_HEADERS[5],
  status: OUTBOX_HEADERS[6],
  sentAt: OUTBOX_HEADERS[7],
  attempts: OUTBOX_HEADERS[8],
  lastError: OUTBOX_HEADERS[9],
  mac: OUTBOX_HEADERS[10],
  kind: OUTBOX_HEADERS[11],
  seq: OUTBOX_HEADERS[12],
} as const;
export type OutboxColumn = keyof typeof COLUMNS;

/** Both tabs, in the order the drain reads them. */
export const OUTBOX_TAB_NAMES = [SHEET_NAMES.outbox, SHEET_NAMES.hourlyOutbox] as const;

/**
 * The tab a row of this number series is appended to: the document's numbers ("17") are issued under
 * the document lock, and only the hourly job, which has no document, issues the owner's ("H3").
 */
export function outboxTabName(series: Series): (typeof OUTBOX_TAB_NAMES)[number] {
  return series === 'h' ? SHEET_NAMES.hourlyOutbox : SHEET_NAMES.outbox;
}

/**
 * The tab rows of this series are appended to, made with its header when missing (setup makes the
 * Outbox; the Hourly Outbox appears the first time the hourly job queues mail; either is made again
 * after a deletion) and protected then (./tab-made), and widened when it was made before a
 * column was added (Kind, Seq): a write past its last column would be refused.
 */
export function outboxTabForAppend(ss: Spreadsheet, series: Series): Sheet {
  const name = outboxTabName(series);
  const sheet = tabForAppend(ss, name, OUTBOX_HEADERS);
  const columns = sheet.getMaxColumns();
  if (columns < OUTBOX_HEADERS.length) {
    sheet.insertColumnsAfter(columns, OUTBOX_HEADERS.length - columns);
    sheet
      .getRange(1, columns + 1, 1, OUTBOX_HEADERS.length - columns)
      .setValues([OUTBOX_HEADERS.slice(columns)]);
  }
  return sheet;
}

/** The Outbox tabs that exist, in OUTBOX_TAB_NAMES order (one getSheetByName each). */
export function outboxTabs(ss: Spreadsheet): Sheet[] {
  return OUTBOX_TAB_NAMES.map((name) => ss.getSheetByName(name)).filter((s): s is Sheet => s !== null);
}
