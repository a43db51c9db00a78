/**
 * Labour and parts on a work order: the Time tab (who worked, when, how long) and the Parts Used tab
 * (what was fitted, how many, at what unit cost), written only by the add-on. Like the checklist rows,
 * each row carries a seal keyed with the add-on's secret: the tabs are writable by whoever records from
 * My work, and the cost reports count only the rows the add-on wrote.
 *
 * cost of an order = Σ hours × the technician's rate + Σ quantity × unit cost. The rate is the Staff
 * tab's optional "Hourly Rate" column, else the Settings' defaultHourlyRate (labour-rates.ts).
 */
import { cellText, mapHeaders } from './headers';
import { actsAsSupervisor } from './field-rights';
import type { Role, WorkOrder } from './model';
import { roleMay } from './permissions';
import { asCellText } from './sanitize';
import { hmacSha256Hex, type HmacKey } from './sha256';
import { isValidDate } from './time';

export const TIME_SHEET = 'Time';
export const PARTS_SHEET = 'Parts Used';
export const HOURLY_RATE_HEADER = 'Hourly Rate';

/** How every Time and Parts Used row ends: who entered it, when, and the add-on's seal over it. */
const ENTRY_COLUMNS = { enteredBy: 'Entered By', enteredAt: 'Entered At', seal: 'Seal' } as const;

export const TIME_COLUMNS = {
  id: 'Record ID',
  technician: 'Technician',
  date: 'Date',
  hours: 'Hours',
  note: 'Note',
  ...ENTRY_COLUMNS,
} as const;
export const PARTS_COLUMNS = {
  id: 'Record ID',
  part: 'Part',
  quantity: 'Quantity',
  unitCost: 'Unit Cost',
  cost: 'Cost',
  ...ENTRY_COLUMNS,
} as const;
export const TIME_HEADER_ROW: readonly string[] = Object.values(TIME_COLUMNS);
export const PARTS_HEADER_ROW: readonly string[] = Object.values(PARTS_COLUMNS);

export interface TimeEntry {
  id: string;
  technician: string;
  /** The local day worked, "2026-03-06". */
  date: string;
  hours: number;
  note: string;
  enteredBy: string;
  enteredAt: Date;
}

export interface PartEntry {
  id: string;
  part: string;
  quantity: number;
  unitCost: number;
  enteredBy: string;
  enteredAt: Date;
}

/** Money rounded to cents. */
export const cents = (n: number): number => Math.round(n * 100) / 100;

function timeSeal(key: HmacKey, e: TimeEntry): string {
  return hmacSha256Hex(
    key,
    'time\n',
    JSON.stringify([e.id, e.technician, e.date, e.hours, e.note, e.enteredBy, e.enteredAt.toISOString()]),
  );
}

function partSeal(key: HmacKey, e: PartEntry): string {
  return hmacSha256Hex(
    key,
    'part\n',
    JSON.stringify([e.id, e.part, e.quantity, e.unitCost, e.enteredBy, e.enteredAt.toISOString()]),
  );
}

/** The Time row (the date as text with an apostrophe, so Sheets keeps exactly "2026-03-06"). */
export function timeRow(key: HmacKey, e: TimeEntry): unknown[] {
  const note = asCellText(e.note);
  const entry = { ...e, note: note.text };
  return [
    e.id,
    e.technician,
    `'${e.date}`,
    e.hours,
    note.cell,
    e.enteredBy,
    e.enteredAt,
    timeSeal(key, entry),
  ];
}

export function partRow(key: HmacKey, e: PartEntry): unknown[] {
  const part = asCellText(e.part);
  const entry = { ...e, part: part.text };
  const cost = cents(e.quantity * e.unitCost);
  return [e.id, part.cell, e.quantity, e.unitCost, cost, e.enteredBy, e.enteredAt, partSeal(key, entry)];
}

export interface Sealed<T> {
  entries: T[];
  /** Rows whose seal does not verify (typed or changed by hand), or a sealed row's copies: left out of every total. */
  unsealed: number;
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(cellText(v).trim()));

function dateText(v: unknown): string {
  if (isValidDate(v)) return v.toISOString().slice(0, 10);
  return cellText(v).trim();
}

/** What every Time and Parts Used row records besides its own columns. */
type Entered = Pick<TimeEntry, 'id' | 'enteredBy' | 'enteredAt'>;

/** One row of a work-record tab as read: its entry, its Seal cell, and whether that seal verifies. */
interface ReadRow<E> {
  entry: E;
  seal: string;
  verifies: boolean;
}

/**
 * A work-record tab's rows (row 1 the header), each its id, `own` columns, who entered it and when,
 * and whether its seal verifies; rows with no id are skipped, but keep their place (`rows[i]` is
 * values[i + 1] or null).
 */
function readSealedRows<K extends string, Own>(
  values: readonly (readonly unknown[])[],
  key: HmacKey | null,
  columns: Readonly<Record<K | 'id' | keyof typeof ENTRY_COLUMNS, string>>,
  sealOf: (key: HmacKey, entry: Entered & Own) => string,
  own: (cell: (column: K) => unknown) => Own,
): (ReadRow<Entered & Own> | null)[] {
  const header = values[0];
  if (!header) return [];
  const at = mapHeaders(header, columns).indexOf;
  return values.slice(1).map((cells) => {
    const cell = (column: K | 'id' | keyof typeof ENTRY_COLUMNS): unknown => cells[at[column]];
    const id = cellText(cell('id')).trim();
    if (id === '') return null;
    const enteredAt = cell('enteredAt');
    const entry = {
      id,
      ...own(cell),
      enteredBy: cellText(cell('enteredBy')).trim(),
      enteredAt: isValidDate(enteredAt) ? enteredAt : new Date(NaN),
    };
    const seal = cellText(cell('seal'));
    const verifies = key !== null && isValidDate(entry.enteredAt) && seal === sealOf(key, entry);
    return { entry, seal, verifies };
  });
}

/**
 * The entries of a work-record tab: a row whose seal does not verify, or that repeats a seal already
 * taken, is counted, not taken.
 */
function takeSealed<E>(rows: readonly (ReadRow<E> | null)[]): Sealed<E> {
  const out: Sealed<E> = { entries: [], unsealed: 0 };
  // A sealed row copied and pasted again verifies like the original: the add-on never writes two rows
  // with one seal (each entry of a record carries its own instant), so every copy after the first is
  // left out, or one recorded hour could be counted any number of times.
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row) continue;
    if (row.verifies && !seen.has(row.seal)) {
      seen.add(row.seal);
      out.entries.push(row.entry);
    } else out.unsealed++;
  }
  return out;
}

/** Where a logged seal stands in its tab: the sheet row of its first Seal cell, and whether that row verifies. */
export interface SealAt {
  row: number;
  intact: boolean;
}

/** The Seal cells of a work-record tab's rows (row 1 the header), each at its first sheet row. */
function sealsAt<E>(rows: readonly (ReadRow<E> | null)[]): Map<string, SealAt> {
  const out = new Map<string, SealAt>();
  rows.forEach((row, i) => {
    if (row && row.seal !== '' && !out.has(row.seal)) out.set(row.seal, { row: i + 2, intact: row.verifies });
  });
  return out;
}

const readTimeRows = (values: readonly (readonly unknown[])[], key: HmacKey | null) =>
  readSealedRows(values, key, TIME_COLUMNS, timeSeal, (cell) => ({
    technician: cellText(cell('technician')).trim().toLowerCase(),
    date: dateText(cell('date')),
    hours: num(cell('hours')),
    note: cellText(cell('note')),
  }));

const readPartRows = (values: readonly (readonly unknown[])[], key: HmacKey | null) =>
  readSealedRows(values, key, PARTS_COLUMNS, partSeal, (cell) => ({
    part: cellText(cell('part')),
    quantity: num(cell('quantity')),
    unitCost: num(cell('unitCost')),
  }));

export function parseTimeRows(
  values: readonly (readonly unknown[])[],
  key: HmacKey | null,
): Sealed<TimeEntry> {
  return takeSealed(readTimeRows(values, key));
}

export function parsePartRows(
  values: readonly (readonly unknown[])[],
  key: HmacKey | null,
): Sealed<PartEntry> {
  return takeSealed(readPartRows(values, key));
}

/** Whether a work-record tab's rows carry seals over what they record (Time, Parts Used). */
export const hasEntrySeals = (tab: string): boolean => tab === TIME_SHEET || tab === PARTS_SHEET;

/**
 * Whether each data row of a Time or Parts Used tab's values (header first) is as the add-on wrote it
 * (its seal verifies); null for another tab. The archive moves only such rows with their order.
 */
export function rowsAsWritten(
  tab: string,
  values: readonly (readonly unknown[])[],
  key: HmacKey,
): boolean[] | null {
  const read = tab === TIME_SHEET ? readTimeRows : tab === PARTS_SHEET ? readPartRows : null;
  return read ? read(values, key).map((row) => row?.verifies ?? false) : null;
}

/** The Seal cells of the Time tab's values (Verify audit log looks up each seal the log recorded). */
export function timeSealsAt(values: readonly (readonly unknown[])[], key: HmacKey): Map<string, SealAt> {
  return sealsAt(readTimeRows(values, key));
}

export function partSealsAt(values: readonly (readonly unknown[])[], key: HmacKey): Map<string, SealAt> {
  return sealsAt(readPartRows(values, key));
}

/** A Time or Parts Used row's seal (its last cell, as timeRow and partRow write it). */
export function sealOfRow(row: readonly unknown[]): string {
  return String(row[row.length - 1] ?? '');
}

/** Statuses in which a technician's checklist ticks, time and parts are still taken. */
export const RECORDING_STATUSES: readonly string[] = ['Assigned', 'In Progress', 'On Hold', 'Completed'];

/**
 * May `actor` tick or record on `order`? The permission table's recordWorkDone, on their own assigned
 * order, or on any order when they act as a supervisor; never once the order is closed or cancelled.
 */
export function checkRecordWork(
  order: WorkOrder,
  actor: { email: string; role: Role | null },
): { ok: true } | { ok: false; reason: string } {
  const ref = order.woNumber || order.id;
  if (!roleMay(actor.role, 'recordWorkDone'))
    return { ok: false, reason: `${actor.email || 'This user'} may not record work on work orders` };
  const own =
    order.assignee.trim().toLowerCase() === actor.email.trim().toLowerCase() && order.assignee !== '';
  if (!own && !actsAsSupervisor(actor.role))
    return {
      ok: false,
      reason: `${ref} is not assigned to you: only its assignee or a supervisor can record on it`,
    };
  if (!RECORDING_STATUSES.includes(order.status))
    return { ok: false, reason: `${ref} is ${order.status}: nothing more can be recorded on it` };
  return { ok: true };
}
