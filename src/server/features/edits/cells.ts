/**
 * Reading a register row's cells as work-order fields, field by field: a paste can leave one cell
 * unreadable ("Done" in Status) while the rest of the row is fine, and each is judged on its own.
 * Pure: the same core converters as every other reader of the register (core/register-row).
 */
import {
  RegisterRowSchema,
  cellText,
  parseRegisterRow,
  registerLayout,
  type RegisterLayout,
} from '../../../core/columns';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../core/model';

export const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
/** A layout whose positions are FIELDS' order, for parsing a row built field by field. */
const CANONICAL_LAYOUT = registerLayout(FIELDS.map((f) => REGISTER_COLUMNS[f]));

export interface ReadFields {
  /** Every field: the cell's value where it reads, `fallback`'s where it does not or has no column. */
  order: WorkOrder;
  /** Fields whose cell does not read as a value of the field, with why ("is not a known status…"). */
  bad: Map<WorkOrderField, string>;
}

/** The fields of `cells` under `layout`; unreadable or missing cells take `fallback`'s value. */
export function readFields(
  cells: readonly unknown[],
  layout: RegisterLayout,
  fallback: WorkOrder,
): ReadFields {
  const record: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const index = layout.indexOf[field];
    record[field] = index >= 0 ? cells[index] : fallback[field];
  }
  const bad = new Map<WorkOrderField, string>();
  const first = parseRegisterRow(
    FIELDS.map((f) => record[f]),
    CANONICAL_LAYOUT,
  );
  if (first.ok) return { order: first.order, bad };
  const checked = RegisterRowSchema.safeParse(record as Record<WorkOrderField, unknown>);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] as WorkOrderField | undefined;
      if (field && !bad.has(field)) bad.set(field, issue.message);
    }
  }
  for (const field of bad.keys()) record[field] = fallback[field];
  const second = parseRegisterRow(
    FIELDS.map((f) => record[f]),
    CANONICAL_LAYOUT,
  );
  return { order: second.ok ? second.order : fallback, bad };
}

/** A cell as text, for change-log rows and notes ("what was typed"). */
export function typedText(value: unknown): string {
  return cellText(value);
}
