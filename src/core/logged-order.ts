/**
 * One order's record as ./register-audit folds the change log: the values its lines gave each field,
 * what its Created line says, and what the log can no longer tell. Apart from the fold itself because
 * this is the answer to one question, "what does the log say this field holds now?" (lastLogged),
 * which both the fold's checks and its final answer ask.
 */
import { LIFECYCLE_RECORD_FIELDS, type WorkOrderField } from './model';
import type { ForeignStep, HistoryBreak } from './register-history';

/** Fields every new order starts empty, whoever made it (a form request, a schedule, a restore). */
const EMPTY_WHEN_CREATED: readonly WorkOrderField[] = [
  'woNumber',
  'assignee',
  ...LIFECYCLE_RECORD_FIELDS,
  'results',
  'actions',
  'reason',
  'reviewFlag',
];
/** Also empty when the order came from a form request (a schedule fills them in). */
const EMPTY_FROM_FORM: readonly WorkOrderField[] = ['priority', 'category', 'due', 'notes'];

/** What the log says of one order, as its lines are folded in. */
export interface OrderRecord {
  /**
   * From a committed Created line: the status it names, the response it came from, whether a form
   * made it. (Not when: a request taken in late keeps its form's timestamp as Requested At.)
   */
  created: {
    status: string;
    ref: string;
    fromForm: boolean;
    logRow: number;
  } | null;
  /** Field → the last confirmed new value, as logged (ISO-8601 for dates), and the log row saying so. */
  values: Map<WorkOrderField, { value: string; logRow: number }>;
  /** Fields the log can no longer tell (see above). */
  unknown: Set<WorkOrderField>;
  /** Field → values logged past the checkpoint, accepted too. */
  pending: Map<WorkOrderField, string[]>;
  /** Lines whose old value the log did not give their field (./register-history), the first few. */
  breaks: HistoryBreak[];
  /** Assignee steps by someone else than the log's assignee then, the first few. */
  foreign: ForeignStep[];
  /** The latest timestamp of the order's committed rows folded so far (ms; -Infinity: none). */
  lastAt: number;
}

export const newRecord = (): OrderRecord => ({
  created: null,
  values: new Map(),
  unknown: new Set(),
  pending: new Map(),
  breaks: [],
  foreign: [],
  lastAt: -Infinity,
});

/** The value creation gives `field`, when the Created line tells it. */
function createdValue(created: NonNullable<OrderRecord['created']>, field: WorkOrderField): string | null {
  if (field === 'status') return created.status;
  if (field === 'responseRef') return created.ref === '' ? null : created.ref;
  if (EMPTY_WHEN_CREATED.includes(field)) return '';
  if (created.fromForm && EMPTY_FROM_FORM.includes(field)) return '';
  return null;
}

/** What the log last gave `field` of `record` (committed), or null when it cannot tell. */
export function lastLogged(
  record: OrderRecord,
  field: WorkOrderField,
): { value: string; logRow: number } | null {
  // A reply added to the notes, a Needs Review set by a put-back: until a line gives the field again.
  if (record.unknown.has(field)) return null;
  const value = record.values.get(field);
  if (value) return value;
  const { created } = record;
  const made = created ? createdValue(created, field) : null;
  return created && made !== null ? { value: made, logRow: created.logRow } : null;
}

/** The status a Created line names: "Submitted (Form Responses 1!A7)" → Submitted. */
export function createdStatus(newValue: string): string {
  const at = newValue.indexOf(' (');
  return (at < 0 ? newValue : newValue.slice(0, at)).trim();
}
