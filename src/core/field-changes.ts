/**
 * Field-level differences between two versions of a work order: what the change log records.
 */
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from './model';
import { formatLocal, isDate } from './time';
import { DATE_TIME_FIELDS } from './columns';

export type FieldValue = string | number | Date | null;
export interface FieldChange {
  field: WorkOrderField;
  oldValue: FieldValue;
  newValue: FieldValue;
}

const DATE_FIELDS: ReadonlySet<WorkOrderField> = new Set(DATE_TIME_FIELDS);

/** True for the work-order fields holding a Date (or null). */
export function isDateField(field: WorkOrderField): boolean {
  return DATE_FIELDS.has(field);
}

export function emptyValue(field: WorkOrderField): FieldValue {
  if (DATE_FIELDS.has(field)) return null;
  return field === 'revision' || field === 'heldHours' ? 0 : '';
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
}

/** Field-by-field differences in register column order; `revision` is bookkeeping and left out. */
export function diffOrders(before: WorkOrder, after: WorkOrder): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(REGISTER_COLUMNS) as WorkOrderField[]) {
    if (field === 'revision') continue;
    const oldValue = before[field];
    const newValue = after[field];
    if (!sameValue(oldValue, newValue)) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

/** How a field value is written in the change log: ISO-8601 for dates, '' for none. */
export function formatFieldValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value.toISOString() : '';
  return String(value);
}

/**
 * A field's value as a finding or a refusal shows it to people: "(empty)" for none (a Held For of 0
 * reads as an empty cell), a date as local time in the zone, a text quoted and cut to `maxChars`.
 */
export function shownFieldValue(
  field: WorkOrderField,
  value: unknown,
  timeZone: string,
  maxChars = 80,
): string {
  if (value === null || value === undefined || value === '' || (field === 'heldHours' && value === 0))
    return '(empty)';
  if (isDate(value)) return Number.isFinite(value.getTime()) ? formatLocal(value, timeZone) : '(empty)';
  const text = String(value);
  return `"${text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text}"`;
}
