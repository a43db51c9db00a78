/**
 * What the change log says each register order's fields hold now, read in one pass over the log.
 *
 * A write made outside the add-on's triggers (Apps Script in another project, the Sheets API, another
 * add-on) fires no edit trigger: it is never judged nor logged. The log is the add-on's trusted record
 * (every row keyed with a secret no editor holds), so a register cell that differs from what the log
 * says it holds was written that way. This module folds the log's lines into, per order, the value
 * each field was last given: the "new value" of its last line, or, for a field no line changed since
 * the order was created, the value creation gives it (empty; the status the Created line names).
 *
 * A field the log cannot tell is left out rather than guessed: the answers of a form request that no
 * line changed (they are in the form-responses tab, vouched for by their digest), what a schedule
 * fills in at creation, the Progress Notes once a requestor's reply was added to them (the reply is
 * stamped in the spreadsheet's time zone), the Needs Review of an order put back after a deletion.
 * An order with no Created line (older than its log) is checked only on the fields its lines changed.
 *
 * Lines past the checkpoint (a change that had not confirmed them) are accepted alongside the confirmed.
 *
 * As it folds, it keeps what the history says of writes nobody logged: a line whose old value is not
 * what the log last gave its field, a technician's step by someone not then its assignee (./register-history).
 *
 * Pure: the caller reads the log and the register.
 */
import { parseChanges } from './change-lines';
import { timestampOf } from './change-log-row';
import { TAB_OF_SEAL_FIELD } from './work-record-lines';
import { scheduledCreationRef } from './schedule-order';
import { LOG_COLUMN } from './change-log-row';
import { cellText } from './headers';
import { parseRequestId } from './ids';
import { REGISTER_COLUMNS, type WorkOrderField } from './model';
import { createdStatus, lastLogged, newRecord, type OrderRecord } from './logged-order';
import { ARCHIVED_FIELD, CREATED_FIELD, REPLY_FIELD, RESTORED_FIELD, createdRef } from './replay';
import {
  KEPT_PER_ORDER,
  isAssigneeStep,
  notTheAssignee,
  oldValueKnown,
  sameOldValue,
  stampsOwnSupervisorStep,
  type ForeignStep,
  type HistoryBreak,
} from './register-history';

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
const FIELD_OF_HEADER = new Map<string, WorkOrderField>(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([field, header]) => [header, field]),
);

/** One field's trusted value: as logged, and the other values accepted (unconfirmed lines). */
export interface TrustedValue {
  field: WorkOrderField;
  /** As the log writes it: ISO-8601 for dates, '' for empty. */
  logged: string;
  alternatives: readonly string[];
  /** The Change Log's sheet row that set it (or created the order). */
  logRow: number;
}

/**
 * The log folded order by order, for the orders `wanted` only (those the register holds: an order
 * that left it needs nothing kept). Holds a few values per order, whatever the log's length.
 */
export class RegisterRecords {
  private readonly records = new Map<string, OrderRecord>();

  /** The wanted ids any line of the log names (committed or not). */
  private readonly mentioned = new Set<string>();

  constructor(private readonly wanted: ReadonlySet<string>) {}

  /** Accounts a committed row shows taking a supervisor's step (./register-history stampsOwnSupervisorStep). */
  private readonly supervisors = new Set<string>();

  /** Whether the log shows `email` supervising: a Staff tab changed since does not unmake their steps. */
  supervisedInLog(email: string): boolean {
    return this.supervisors.has(email.trim().toLowerCase());
  }

  private noteSupervisor(row: readonly unknown[], text: string): void {
    const user = cellText(row[LOG_COLUMN.user]).trim().toLowerCase();
    if (user !== '' && !this.supervisors.has(user) && stampsOwnSupervisorStep(user, text))
      this.supervisors.add(user);
  }

  /** The lowest and highest request numbers committed Created lines of the log read gave (null: none). */
  lowestCreated: number | null = null;
  highestCreated: number | null = null;

  private created(id: string): void {
    const n = parseRequestId(id);
    if (n === null) return;
    if (this.lowestCreated === null || n < this.lowestCreated) this.lowestCreated = n;
    if (this.highestCreated === null || n > this.highestCreated) this.highestCreated = n;
  }

  /** Whether any line of the log read names order `id` (one of those wanted). */
  mentions(id: string): boolean {
    return this.mentioned.has(id);
  }

  /** The breaks in order `id`'s logged history and its steps by someone not its assignee (./register-history). */
  history(id: string): { breaks: readonly HistoryBreak[]; foreign: readonly ForeignStep[] } {
    const record = this.records.get(id);
    return { breaks: record?.breaks ?? [], foreign: record?.foreign ?? [] };
  }

  /**
   * A committed line of `field` against what the log last gave it, before it is taken in. Only a
   * line that differs as text is kept (rare, so the per-row cost is one comparison); an unconfirmed
   * value the line follows is no break (its row was confirmed later).
   */
  private judge(
    record: OrderRecord,
    row: readonly unknown[],
    field: WorkOrderField,
    line: { oldValue: string; newValue: string; field: string },
    logRow: number,
  ): void {
    const last = lastLogged(record, field);
    if (
      last &&
      !sameOldValue(last.value, line.oldValue) &&
      oldValueKnown(line) &&
      !(record.pending.get(field) ?? []).includes(line.oldValue) &&
      record.breaks.length < KEPT_PER_ORDER
    )
      record.breaks.push({ field, last: last.value, lastRow: last.logRow, old: line.oldValue, logRow });
    if (field === 'status' && isAssigneeStep(line))
      this.judgeActor(record, row, logRow, { from: line.oldValue, to: line.newValue, recorded: '' });
  }

  /** A step or a work record logged in `row`, against the log's assignee then (./register-history). */
  private judgeActor(
    record: OrderRecord,
    row: readonly unknown[],
    logRow: number,
    what: Pick<ForeignStep, 'from' | 'to' | 'recorded'>,
  ): void {
    if (record.foreign.length >= KEPT_PER_ORDER) return;
    const user = cellText(row[LOG_COLUMN.user]).trim();
    const assignee = lastLogged(record, 'assignee');
    if (!assignee || !notTheAssignee(user, assignee.value, record.pending.get('assignee') ?? [])) return;
    record.foreign.push({ logRow, user, ...what, assignee: assignee.value, assigneeRow: assignee.logRow });
  }

  /** Takes in the log's next row (sheet row `logRow`), genuine (its MAC verified), `committed` or not. */
  fold(row: readonly unknown[], logRow: number, committed: boolean): void {
    const id = cellText(row[LOG_COLUMN.recordId]).trim();
    const text = row[LOG_COLUMN.changes];
    // Every order's creation, wanted or not, for the lowest id the log made (neverCreated).
    if (committed && typeof text === 'string' && text.includes(CREATED_FIELD))
      if (parseChanges(text).some((line) => line.field === CREATED_FIELD)) this.created(id);
    if (committed && typeof text === 'string') this.noteSupervisor(row, text);
    if (!this.wanted.has(id)) return;
    // The lines alone (not entriesOfRow's entries, each a copy of the row's cells): a million rows
    // folded here, and only the field, the new value and the row's source are read.
    const fromForm = cellText(row[LOG_COLUMN.source]) === 'form';
    this.mentioned.add(id);
    const changes = row[LOG_COLUMN.changes];
    const lines = parseChanges(changes === null || changes === undefined ? '' : String(changes));
    // The rows the hourly job made (a schedule's order, a response it took in) wait in its hand-off
    // for the owner's next execution in the document, so a supervisor can approve the order and be
    // logged above them: a creation no later than rows of the order already folded arrived late, and
    // gives only what those rows did not (an order created again after an archive is later).
    const at = timestampOf(row[LOG_COLUMN.at])?.getTime() ?? NaN;
    const before = this.records.get(id);
    const late =
      committed &&
      before !== undefined &&
      at <= before.lastAt &&
      lines.some((l) => l.field === CREATED_FIELD);
    for (const line of lines) {
      let record = this.records.get(id);
      if (line.field === CREATED_FIELD) {
        // An unconfirmed creation may not have reached the register: nothing is assumed of it.
        if (!committed) continue;
        const created = {
          status: createdStatus(line.newValue),
          // A schedule's Response Row too: the Created line names it whole.
          ref: (fromForm ? null : scheduledCreationRef(line.newValue)) ?? createdRef(line.newValue),
          fromForm,
          logRow,
        };
        if (late && record) {
          record.created ??= created;
          continue;
        }
        // An order created again (its id reused after an archive) starts over.
        record = newRecord();
        record.created = created;
        record.lastAt = Number.isNaN(at) ? -Infinity : at;
        this.records.set(id, record);
        continue;
      }
      if (!record) {
        record = newRecord();
        this.records.set(id, record);
      }
      if (line.field === ARCHIVED_FIELD) continue;
      if (line.field === REPLY_FIELD) {
        if (committed) record.unknown.add('notes');
        continue;
      }
      if (line.field === RESTORED_FIELD) {
        // Put back from the log with a Needs Review the log does not hold.
        if (committed) record.unknown.add('reviewFlag');
        continue;
      }
      const recorded = TAB_OF_SEAL_FIELD.get(line.field);
      if (recorded !== undefined && committed && !late)
        this.judgeActor(record, row, logRow, { from: '', to: '', recorded });
      const field = FIELD_OF_HEADER.get(line.field);
      if (!field || field === 'id' || field === 'revision') continue;
      if (late) {
        if (!record.values.has(field)) record.values.set(field, { value: line.newValue, logRow });
      } else if (committed) {
        this.judge(record, row, field, line, logRow);
        record.values.set(field, { value: line.newValue, logRow });
        record.unknown.delete(field);
        record.pending.delete(field);
        if (at > record.lastAt) record.lastAt = at;
      } else record.pending.set(field, [...(record.pending.get(field) ?? []), line.newValue]);
    }
  }

  /** The fields of order `id` the log vouches for, with their values (empty: the log knows none). */
  trusted(id: string): TrustedValue[] {
    const record = this.records.get(id);
    if (!record) return [];
    const out: TrustedValue[] = [];
    // In the register's column order, as findings are listed.
    for (const field of FIELDS) {
      const trusted = lastLogged(record, field);
      if (trusted)
        out.push({
          field,
          logged: trusted.value,
          logRow: trusted.logRow,
          alternatives: record.pending.get(field) ?? [],
        });
    }
    // A field only unconfirmed lines changed is not told: it holds their value or the one before.
    return out;
  }
}
