/**
 * Register rows ⇄ WorkOrder through a header layout. Values read back are validated (a zod schema built
 * from the same per-field converters as the fast path); values written are neutralized text, Dates and
 * numbers, ready for Range.setValues.
 */
import * as z from './validator';
import { cellText, mapHeaders, normalizeHeader, type HeaderMap } from './headers';
import { REGISTER_COLUMNS, STATUSES, type Status, type WorkOrder, type WorkOrderField } from './model';
import { REGISTER_FIELD_ORDER } from './register-order';
import { asCellText } from './sanitize';
import { isDate, isValidDate, parseIso } from './time';

export type RegisterLayout = HeaderMap<WorkOrderField>;

/** The register's header row as setup writes it. */
export const REGISTER_HEADER_ROW: readonly string[] = REGISTER_FIELD_ORDER.map((f) => REGISTER_COLUMNS[f]);

export function registerLayout(headerRow: readonly unknown[]): RegisterLayout {
  return mapHeaders(headerRow, REGISTER_COLUMNS);
}

const STATUS_BY_NAME = new Map<string, Status>(STATUSES.map((s) => [normalizeHeader(s), s]));

/** Returned by a cell converter for a value it cannot accept. */
const BAD: unique symbol = Symbol('bad cell');
type Converter<T> = { convert: (value: unknown) => T | typeof BAD; problem: (value: unknown) => string };

const shown = (value: unknown): string => cellText(value).slice(0, 60);

const TEXT: Converter<string> = { convert: cellText, problem: () => '' };
const TRIMMED: Converter<string> = { convert: (v) => cellText(v).trim(), problem: () => '' };
const EMAIL: Converter<string> = { convert: (v) => cellText(v).trim().toLowerCase(), problem: () => '' };
const ID: Converter<string> = {
  convert: (v) => cellText(v).trim() || BAD,
  problem: () => 'is empty',
};
const DATE: Converter<Date | null> = {
  convert: (value) => {
    if (value === null || value === undefined || value === '') return null;
    if (isValidDate(value)) return value;
    return (typeof value === 'string' ? parseIso(value.trim()) : null) ?? BAD;
  },
  problem: (value) => `is not a date: "${shown(value)}"`,
};
const STATUS: Converter<Status> = {
  convert: (value) => STATUS_BY_NAME.get(normalizeHeader(value)) ?? BAD,
  problem: (value) =>
    shown(value) === ''
      ? 'is empty'
      : `"${shown(value)}" is not a known status (expected one of ${STATUSES.join(', ')})`,
};
const REVISION: Converter<number> = {
  convert: (value) => {
    if (value === null || value === undefined || value === '') return 0;
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : BAD;
  },
  problem: (value) => `is not a whole number: "${shown(value)}"`,
};

const HOURS: Converter<number> = {
  convert: (value) => {
    if (value === null || value === undefined || value === '') return 0;
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    return Number.isFinite(n) && n >= 0 ? n : BAD;
  },
  problem: (value) => `is not a number of hours: "${shown(value)}"`,
};

/** How each register field is read back from its cell. */
const CONVERTERS: { [F in WorkOrderField]: Converter<WorkOrder[F]> } = {
  id: ID,
  woNumber: TRIMMED,
  status: STATUS,
  priority: TRIMMED,
  category: TRIMMED,
  assignee: EMAIL,
  due: DATE,
  requestedAt: DATE,
  requesterEmail: EMAIL,
  requesterName: TEXT,
  location: TEXT,
  asset: TRIMMED,
  description: TEXT,
  urgency: TEXT,
  resources: TEXT,
  decidedBy: EMAIL,
  decidedAt: DATE,
  assignedAt: DATE,
  startedAt: DATE,
  completedAt: DATE,
  closedBy: EMAIL,
  closedAt: DATE,
  heldSince: DATE,
  heldHours: HOURS,
  notes: TEXT,
  results: TEXT,
  actions: TEXT,
  reason: TEXT,
  reviewFlag: TEXT,
  responseRef: TRIMMED,
  revision: REVISION,
};

function cellSchema<T>(converter: Converter<T>): z.ZodMiniType<T, unknown> {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx): T => {
      const out = converter.convert(value);
      if (out !== BAD) return out;
      ctx.issues.push({ code: 'custom', message: converter.problem(value), input: value });
      return z.NEVER;
    }),
  );
}

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];

/** A register row (field → raw cell value, as getValues returns it) read back from the sheet. */
export const RegisterRowSchema: z.ZodMiniType<WorkOrder, Record<WorkOrderField, unknown>> = z.lazySchema(
  () =>
    z.object(
      Object.fromEntries(FIELDS.map((f) => [f, cellSchema(CONVERTERS[f] as Converter<unknown>)])) as {
        [F in WorkOrderField]: z.ZodMiniType<WorkOrder[F], unknown>;
      },
    ) as unknown as z.ZodMiniType<WorkOrder, Record<WorkOrderField, unknown>>,
);

export type ParsedRow = { ok: true; order: WorkOrder } | { ok: false; id: string; error: string };

/** True when every cell is empty (blank rows inside the data range are skipped, not errors). */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** Raw values of the owned columns (missing columns read as empty). */
function recordOf(row: readonly unknown[], layout: RegisterLayout): Record<WorkOrderField, unknown> {
  const record = {} as Record<WorkOrderField, unknown>;
  for (const field of FIELDS) {
    const index = layout.indexOf[field];
    record[field] = index >= 0 ? row[index] : undefined;
  }
  return record;
}

/** Every field read: the parser parseRegisterRow uses for each layout it is given. */
const wholeRowParsers = new WeakMap<RegisterLayout, RowParser>();

/**
 * Validates one register row. Never throws: an invalid row yields an error naming the row by its id
 * (and sheet row number when given), e.g. `Row 7 (REQ-000123): Status "Done" is not a known status …`.
 */
export function parseRegisterRow(
  row: readonly unknown[],
  layout: RegisterLayout,
  rowNumber?: number,
): ParsedRow {
  let parse = wholeRowParsers.get(layout);
  if (!parse) {
    parse = registerRowParser(layout, FIELDS);
    wholeRowParsers.set(layout, parse);
  }
  return parse(row, rowNumber);
}

/** A row some converter refused, through the schema, which names every problem (rare: not fast). */
function refusedRow(row: readonly unknown[], layout: RegisterLayout, rowNumber?: number): ParsedRow {
  const record = recordOf(row, layout);
  const result = RegisterRowSchema.safeParse(record);
  if (result.success) return { ok: true, order: result.data };
  const id = cellText(record.id).trim();
  const where = [rowNumber === undefined ? '' : `Row ${rowNumber}`, id === '' ? '' : `(${id})`]
    .filter(Boolean)
    .join(' ');
  const details = result.error.issues
    .map((issue) => {
      const field = issue.path[0] as WorkOrderField | undefined;
      return `${field ? REGISTER_COLUMNS[field] : 'Row'} ${issue.message}`;
    })
    .join('; ');
  return { ok: false, id, error: `${where || 'Row'}: ${details}` };
}

type RowParser = (row: readonly unknown[], rowNumber?: number) => ParsedRow;

/**
 * A parser for rows of which only the columns of `fields` were read (no value in any other owned
 * column), with the converters the schema uses but without building issues (registers reach 100k
 * rows): each row gets what the whole-row parse gives it, the fields not read taking what an empty
 * cell parses to instead of being looked up and converted row by row. The hourly job reads 100,000
 * rows a few columns at a time and parses them after each column, where converting 30 empty cells a
 * row was most of its JavaScript.
 */
export function registerRowParser(layout: RegisterLayout, fields: readonly WorkOrderField[]): RowParser {
  const read = new Set(fields);
  // Per field, in FIELDS order: the column to convert (-1: missing, read as empty), or NOT_READ.
  const NOT_READ = -2;
  const columns = FIELDS.map((f) => (read.has(f) ? layout.indexOf[f] : NOT_READ));
  const converters = FIELDS.map((f) => (CONVERTERS[f] as Converter<unknown>).convert);
  const empty = converters.map((convert) => convert(undefined));
  // A required field not read refuses every row, as the whole-row parse of an empty cell does.
  if (columns.some((c, k) => c === NOT_READ && empty[k] === BAD))
    return (row, rowNumber) => refusedRow(row, layout, rowNumber);
  // Every field in FIELDS order, the ones not read already empty: each row starts as a copy of it
  // (one copy of a fixed shape, where storing 32 keys one by one was most of the parse) and only the
  // fields read are converted into it.
  const template = Object.fromEntries(FIELDS.map((f, k) => [f, columns[k] === NOT_READ ? empty[k] : null]));
  const converted = FIELDS.flatMap((field, k) =>
    columns[k] === NOT_READ ? [] : [{ field, column: columns[k]!, convert: converters[k]! }],
  );
  return (row, rowNumber) => {
    const order = { ...template } as Record<WorkOrderField, unknown>;
    for (const { field, column, convert } of converted) {
      const value = convert(column >= 0 ? row[column] : undefined);
      // A refused cell: the schema names every problem.
      if (value === BAD) return refusedRow(row, layout, rowNumber);
      order[field] = value;
    }
    return { ok: true, order: order as unknown as WorkOrder };
  };
}

/** Thrown by `rowToWorkOrder` for an invalid row; the message names the row's id. */
export class RowError extends Error {
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
    this.name = 'RowError';
  }
}

/** A register row as a WorkOrder; throws RowError with a readable message when it is not valid. */
export function rowToWorkOrder(
  row: readonly unknown[],
  layout: RegisterLayout,
  rowNumber?: number,
): WorkOrder {
  const parsed = parseRegisterRow(row, layout, rowNumber);
  if (!parsed.ok) throw new RowError(parsed.error, parsed.id);
  return parsed.order;
}

/** The value to write for one field: text neutralized, dates as Date, empty as ''. */
export function fieldToCell(field: WorkOrderField, order: WorkOrder): string | number | Date {
  const value = order[field];
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isValidDate(value) ? value : '';
  // No time held shows as an empty cell, not a column of zeros.
  if (field === 'heldHours' && value === 0) return '';
  if (typeof value === 'number') return value;
  return asCellText(value).cell;
}

/**
 * The row to write for `order`. Columns the add-on does not own keep `existingRow`'s values (text among
 * them re-neutralized, since setValues would parse it again). Note that getValues returns a formula's
 * result, so callers that must keep formulas in their own columns write only `ownedSpans(layout)`.
 */
export function workOrderToRow(
  order: WorkOrder,
  layout: RegisterLayout,
  existingRow?: readonly unknown[],
): unknown[] {
  const width = Math.max(layout.width, existingRow?.length ?? 0);
  const row: unknown[] = new Array<unknown>(width);
  for (let i = 0; i < width; i++) {
    const value = existingRow?.[i] ?? '';
    row[i] = typeof value === 'string' ? asCellText(value).cell : value;
  }
  for (const field of FIELDS) {
    const index = layout.indexOf[field];
    if (index >= 0) row[index] = fieldToCell(field, order);
  }
  return row;
}

/** Contiguous runs of owned columns, as [firstIndex, lastIndex] (0-based, inclusive), left to right. */
export function ownedSpans(layout: RegisterLayout): Array<[number, number]> {
  const indexes = Object.values<number>(layout.indexOf)
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const spans: Array<[number, number]> = [];
  for (const i of indexes) {
    const last = spans[spans.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else spans.push([i, i]);
  }
  return spans;
}
