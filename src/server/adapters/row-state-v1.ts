/**
 * The earlier record of a row (version 1, JSON, about 0.72 KB): still read, no longer written (the
 * row's next write or setup's backfill makes it compact; row-state.ts). Its texts were kept whole up
 * to KEEP_LIMIT characters, the longest ones past that as unkeyed fingerprints.
 */
import * as z from '../../core/validator';
import { parseRegisterRow, workOrderToRow } from '../../core/columns';
import { isDateField } from '../../core/field-changes';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../core/model';
import { asCellText } from '../../core/sanitize';
import { sha256Hex } from '../../core/sha256';
import { isDate } from '../../core/time';
import { CANONICAL_LAYOUT, canonicalOrder, readBack, type RowState } from './row-state-values';

/** The earlier JSON record's version (read, no longer written). */
const VERSION = 1;
/** Above this many characters, the JSON record kept its longest texts as fingerprints. */
export const KEEP_LIMIT = 40_000;

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

/** The JSON record's fingerprint of a text: its length and 64 bits of its SHA-256. */
export function fingerprint(text: string): string {
  return `${text.length}:${sha256Hex(text).slice(0, 16)}`;
}

type Kept = string | number;

function keptValue(field: WorkOrderField, value: WorkOrder[WorkOrderField]): Kept | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (field === 'revision') return undefined;
  return value;
}

/** The version-1 JSON record (kept for tests of the migration: nothing writes it any more). */
export function serializeRowStateV1(order: WorkOrder, noted: readonly WorkOrderField[] = []): string {
  const canonical = canonicalOrder(order);
  const kept: Record<string, Kept> = {};
  for (const field of FIELDS) {
    const value = keptValue(field, canonical[field]);
    if (value !== undefined) kept[field] = value;
  }
  const hashed: Record<string, string> = {};
  const doc = (): string =>
    JSON.stringify({
      v: VERSION,
      r: canonical.revision,
      f: kept,
      ...(Object.keys(hashed).length ? { h: hashed } : {}),
      ...(noted.length ? { n: [...new Set(noted)] } : {}),
    });
  let json = doc();
  if (json.length > KEEP_LIMIT) {
    // Longest texts first, until the record fits.
    const texts = FIELDS.filter((f) => typeof kept[f] === 'string').sort(
      (a, b) => String(kept[b]).length - String(kept[a]).length,
    );
    for (const field of texts) {
      hashed[field] = fingerprint(String(kept[field]));
      delete kept[field];
      json = doc();
      if (json.length <= KEEP_LIMIT) break;
    }
  }
  return asCellText(json).cell;
}

const StateSchema = z.lazySchema(() =>
  z.object({
    v: z.literal(VERSION),
    r: z.int().check(z.nonnegative()),
    f: z.record(z.string(), z.union([z.string(), z.number()])),
    h: z.optional(z.record(z.string(), z.string())),
    n: z.optional(z.array(z.string())),
  }),
);

/** The record in a version-1 cell, or null when it is not one. */
export function parseVersion1(cell: string): RowState | null {
  const parsed = z.parseStoredJson(StateSchema, cell);
  if (!parsed) return null;
  const { r, f, h = {}, n = [] } = parsed;
  const order = {} as Record<WorkOrderField, unknown>;
  for (const field of FIELDS) {
    const value = f[field];
    if (isDateField(field)) order[field] = typeof value === 'number' ? new Date(value) : null;
    else order[field] = value === undefined ? '' : String(value);
  }
  order.revision = r;
  if (typeof order.id !== 'string' || order.id === '') return null;
  const fingerprints: Partial<Record<WorkOrderField, string>> = {};
  for (const [field, print] of Object.entries(h)) {
    if (FIELD_SET.has(field)) fingerprints[field as WorkOrderField] = print;
  }
  // A status no longer in the model makes the record unusable rather than silently wrong.
  const status = parseRegisterRow(
    workOrderToRow(order as unknown as WorkOrder, CANONICAL_LAYOUT).map(readBack),
    CANONICAL_LAYOUT,
  );
  if (!status.ok) return null;
  return {
    order: status.order,
    fingerprints,
    noted: n.filter((x): x is WorkOrderField => FIELD_SET.has(x)),
  };
}

/** Whether a record's print is a version-1 fingerprint (unkeyed: length and SHA-256). */
export function isVersion1Print(print: string): boolean {
  return /^\d+:[0-9a-f]{16}$/.test(print);
}

/** Whether a state cell is an earlier version's (JSON) record, rewritten compact on the next write. */
export function isVersion1State(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith('{') && parseVersion1(cell) !== null;
}
