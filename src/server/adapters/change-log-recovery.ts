/**
 * Rows an execution wrote to the log but did not commit (it failed between its log write and its
 * checkpoint update, see change-log-tail.ts). The next appender decides, under the document lock:
 *  - a row whose change is in the register (every register field it names holds its new value; a
 *    created order exists; an archived one is gone) landed: it is kept and committed;
 *  - otherwise the change did not land (the execution failed before its register write): the row
 *    and every uncommitted row after it are written over by the next rows.
 * - a row that logs Time or Parts Used rows (their seals, core/covered-rows.ts) landed when every
 *   seal it names is in its tab (the rows entered since the log row's time, read from the bottom up);
 * - a row whose action writes nothing else for it to be judged by but owes an email (a question put
 *   to a requestor: its only other write is the order's revision) landed when the emails' record is
 *   there (change-log-mail.ts intentKey), which that action writes right after its rows: killed before
 *   it, the question is dropped with the rest rather than kept on the record unsent (the supervisor,
 *   told it failed, sees no question on the card and asks again).
 * - a row that logs a checklist item ticked landed when the Checklist Items tab shows it ticked, sealed
 *   (its log row is written before the tab's: stopped between, the log said done of an item not done);
 * - a requestor's reply landed when the order's Progress Notes hold it (its field names no column);
 * A row that names none of these (a Staff or Settings edit, an untick, recorded in the add-on's state
 * before its row is written: checklists/unticked.ts) had no other write to wait for, and is kept.
 */
import { entriesOfRow } from '../../core/change-log-row';
import { MAX_REPLY_LENGTH } from '../../core/reply-form';
import { cellText } from '../../core/headers';
import { TIME_COLUMNS } from '../../core/labour';
import { TAB_OF_SEAL_FIELD } from '../../core/work-record-lines';
import { rowsEnteredSince } from './order-rows';
import { formatFieldValue } from '../../core/field-changes';
import { parseKeyedCell, type Checkpoint, type HmacKey } from '../../core/keyed-chain';
import {
  CHANGE_LOG_HEADERS,
  REGISTER_COLUMNS,
  type ChangeLogEntry,
  type WorkOrder,
  type WorkOrderField,
} from '../../core/model';
import { LOG_COLUMN } from '../../core/change-log-row';
import { Register } from './register';
import { intentKey } from './change-log-mail';
import { readTabValues } from './workbook';
import {
  CHECKLIST_ITEMS_SHEET,
  parseChecklistItems,
  type OrderChecklistItem,
} from '../../core/checklist-items';
import { documentPropertiesOrNull } from './service-handles';
import { canonicalOfRow } from '../../core/audit';
import { hmacSha256Hex } from '../../core/sha256';
import type { Spreadsheet, Sheet } from './apps-script-types';

const FIELD_OF_HEADER = new Map<string, WorkOrderField>(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([field, header]) => [header, field]),
);

/**
 * A requestor's reply (features/review/reply.ts) is logged under a field of its own, and lands as a
 * line of the order's Progress Notes: "<when> Requestor: <answer>", the answer cut to its limit.
 */
const REPLY_FIELD = 'Requestor Reply';
function replyNoted(order: WorkOrder, answer: string): boolean {
  const cut = answer.length > MAX_REPLY_LENGTH ? answer.slice(0, MAX_REPLY_LENGTH - 1) : answer;
  return order.notes.includes(`Requestor: ${cut}`);
}

/**
 * Whether a row's change shows in the register: true, false, or null when it names no register field.
 * A field changed twice in one action (approve and assign: Status twice) counts by its last value.
 */
function landed(row: readonly unknown[], orders: ReadonlyMap<string, WorkOrder>): boolean | null {
  const last = new Map<string, { recordId: string; field: string; newValue: string }>();
  for (const entry of entriesOfRow(row)) last.set(`${entry.recordId}\n${entry.field}`, entry);
  let decided: boolean | null = null;
  for (const entry of last.values()) {
    const order = orders.get(entry.recordId);
    let holds: boolean | null = null;
    if (entry.field === 'Created') holds = order !== undefined;
    else if (entry.field === REPLY_FIELD) holds = order !== undefined && replyNoted(order, entry.newValue);
    else if (entry.field === 'Archived') holds = order === undefined;
    else {
      const field = FIELD_OF_HEADER.get(entry.field);
      if (field) holds = order !== undefined && formatFieldValue(order[field]) === entry.newValue;
    }
    if (holds === false) return false;
    if (holds === true) decided = true;
  }
  return decided;
}

/** The log field of a checklist item ticked or unticked (labour/record.ts), with its number. */
const CHECKLIST_FIELD = /^Checklist item (\d+)$/;

/**
 * Whether the items a log row ticks are ticked on the Checklist Items tab, sealed: true, false, or null
 * when it ticks none (its new value "done: …"). `seen` keeps the tab parsed once per recovery.
 */
function ticksLanded(
  ss: Spreadsheet,
  key: HmacKey,
  entries: readonly ChangeLogEntry[],
  seen: { items: Map<string, OrderChecklistItem[]> | null },
): boolean | null {
  const ticks = entries.filter((e) => CHECKLIST_FIELD.test(e.field) && e.newValue.startsWith('done'));
  if (ticks.length === 0) return null;
  seen.items ??= parseChecklistItems(readTabValues(ss, CHECKLIST_ITEMS_SHEET) ?? [], key);
  return ticks.every((e) => {
    const number = Number(CHECKLIST_FIELD.exec(e.field)?.[1]);
    const item = seen.items?.get(e.recordId)?.find((i) => i.number === number);
    return item !== undefined && item.done && item.sealed;
  });
}

/** Fields logged by an action whose only other writes are its emails' record and a revision. */
const MAIL_ONLY_FIELDS: ReadonlySet<string> = new Set(['Clarification Requested']);

/**
 * For a row of such a field, whether its emails were recorded; true for any other row. Under the
 * document lock the properties were read whole already, so this costs no call.
 */
function mailRecorded(row: readonly unknown[], entries: readonly ChangeLogEntry[]): boolean {
  if (!entries.some((e) => MAIL_ONLY_FIELDS.has(e.field))) return true;
  const seq = parseKeyedCell(row[LOG_COLUMN.hash])?.seq;
  const props = documentPropertiesOrNull();
  if (seq === undefined || !props) return true;
  return props.getProperty(intentKey(seq)) !== null;
}

/**
 * Whether the work-record rows a log row names (by seal) are in their tabs: true, false, or null when
 * it names none. `seen` keeps each tab's seals read so far in this recovery (tab → seals).
 */
function sealsLanded(
  ss: Spreadsheet,
  entries: readonly ChangeLogEntry[],
  seen: Map<string, Set<string>>,
): boolean | null {
  const named = entries.filter((e) => TAB_OF_SEAL_FIELD.has(e.field));
  if (named.length === 0) return null;
  const at = (named[0] as ChangeLogEntry).at.getTime();
  // The rows are appended after their log row, their Entered At never before its second.
  const since = Number.isNaN(at) ? null : at - 1000;
  for (const entry of named) {
    const tab = TAB_OF_SEAL_FIELD.get(entry.field) as string;
    let seals = seen.get(tab);
    if (!seals) {
      // Both tabs end with the same Entered By, Entered At and Seal columns.
      const { values } = rowsEnteredSince(ss, tab, TIME_COLUMNS.enteredAt, since);
      const sealAt = (values[0] ?? []).findIndex((h) => cellText(h).trim() === TIME_COLUMNS.seal);
      seals = new Set(sealAt < 0 ? [] : values.slice(1).map((r) => cellText(r[sealAt])));
      seen.set(tab, seals);
    }
    if (!seals.has(entry.newValue)) return false;
  }
  return true;
}

/** The uncommitted rows that verify as the add-on's, in order (a forged one ends the run). */
function verifiedRows(key: HmacKey, rows: readonly (readonly unknown[])[], from: Checkpoint): number {
  let mac = from.head;
  let n = 0;
  for (const row of rows) {
    const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
    const canonical = canonicalOfRow(row);
    if (!cell || cell.seq !== from.seq + n + 1 || !('content' in canonical)) break;
    const expected = hmacSha256Hex(key, `${mac}\n${cell.seq}\n`, canonical.content);
    if (expected !== cell.mac) break;
    mac = expected;
    n++;
  }
  return n;
}

/**
 * The checkpoint after keeping the uncommitted rows whose change landed (two or three reads: the
 * rows, and the register when one of them names a register field). `allGenuine`: null unless every
 * row verifies under the add-on's secret (rows found with no checkpoint to go by).
 */
export function recoverUncommitted(
  ss: Spreadsheet,
  sheet: Sheet,
  key: HmacKey,
  checkpoint: Checkpoint,
  uncommitted: number,
  allGenuine = false,
): Checkpoint | null {
  const rows = sheet.getRange(checkpoint.row + 1, 1, uncommitted, CHANGE_LOG_HEADERS.length).getValues();
  const genuine = verifiedRows(key, rows, checkpoint);
  if (allGenuine && genuine < uncommitted) return null;
  let orders: Map<string, WorkOrder> | null = null;
  const seals = new Map<string, Set<string>>();
  const checklist = { items: null as Map<string, OrderChecklistItem[]> | null };
  let keep = 0;
  for (let i = 0; i < genuine; i++) {
    const row = rows[i] ?? [];
    const entries = entriesOfRow(row);
    const needsRegister = entries.some(
      (e) =>
        e.field === 'Created' ||
        e.field === 'Archived' ||
        e.field === REPLY_FIELD ||
        FIELD_OF_HEADER.has(e.field),
    );
    if (needsRegister && orders === null) {
      orders = new Map(
        Register.open(ss)
          .readAll()
          .orders.map((o) => [o.order.id, o.order]),
      );
    }
    const verdict = needsRegister ? landed(row, orders ?? new Map()) : null;
    if (verdict === false || sealsLanded(ss, entries, seals) === false) break;
    if (verdict === null && !mailRecorded(row, entries)) break;
    if (ticksLanded(ss, key, entries, checklist) === false) break;
    keep = i + 1;
  }
  let seq = checkpoint.seq;
  let head = checkpoint.head;
  for (let i = 0; i < keep; i++) {
    const cell = parseKeyedCell(rows[i]?.[LOG_COLUMN.hash]);
    if (!cell) break;
    seq = cell.seq;
    head = cell.mac;
  }
  return { ...checkpoint, seq, head, row: checkpoint.row + keep };
}
