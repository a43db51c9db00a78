/**
 * The register's "Last Known State" column: one hidden cell per row holding the values of the
 * add-on's columns as the add-on last wrote or accepted them, plus the row's revision, in at most
 * 150 bytes (core/row-state-codec.ts): the fields people type into are kept whole, the others (long
 * or never edited) as prints keyed with the add-on's secret. Cells written before (JSON, version 1)
 * are still read, and become compact on the row's next write or setup's backfill.
 *
 * Why it exists: an edit event carries the old value only for a single cell. For a paste or a fill
 * over many rows the edit trigger still has to know what each guarded cell held before, to restore
 * what may not change. The record lives *in the row* so that it travels with the row when people
 * sort, filter or insert rows, and it is read by the same getValues as the edited cells (no extra
 * call). Every writer keeps it current: Register.append/write (intake, sidebar) and the edit trigger.
 *
 * Pure functions, except that prints need the add-on's secret (document properties, read once per
 * execution and already read by every writer for the change log's MACs); tests and the benchmark
 * hand it over with useRowStateKey.
 */
import * as z from '../../core/validator';
import {
  REGISTER_HEADER_ROW,
  normalizeHeader,
  parseRegisterRow,
  registerLayout,
  workOrderToRow,
} from '../../core/columns';
import { isDateField } from '../../core/field-changes';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../core/model';
import { asCellText } from '../../core/sanitize';
import {
  COMPACT_PREFIX,
  decodeCompactState,
  encodeCompactState,
  PRINT_CHARS,
  withNotedMask,
} from '../../core/row-state-codec';
import { hmacSha256Hex, sha256Hex, type HmacKey } from '../../core/sha256';
import { isDate } from '../../core/time';
import { documentKey, documentSecret, rememberedKey } from './addon-secret';
import { documentPropertiesOrNull } from './service-handles';

export const ROW_STATE_HEADER = 'Last Known State';

/** Shown on the column's protection (warning-only: the add-on writes it as whoever acts). */
export const ROW_STATE_PROTECTION =
  'Work Orders: the last values the add-on knows for each row. Written by the add-on; edits here are undone.';

/** The earlier JSON record's version (read, no longer written). */
const VERSION = 1;
/** Above this many characters, the JSON record kept its longest texts as fingerprints. */
export const KEEP_LIMIT = 40_000;

const FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
/** The register's own layout (columns in declaration order), to simulate what a row reads back as. */
const CANONICAL_LAYOUT = registerLayout(REGISTER_HEADER_ROW);

export interface RowState {
  /** The row's values as last known. A printed field holds '' here: see `fingerprints`. */
  order: WorkOrder;
  /**
   * Text fields kept only as prints (keyed, or a JSON record's fingerprints): whether a text is the
   * one kept is told by fingerprintMatches; the text itself comes from the cell, the edit's old value
   * or the change log.
   */
  fingerprints: Partial<Record<WorkOrderField, string>>;
  /** Fields whose cell carries a Work Orders note (a refused edit), cleared on the next accepted edit. */
  noted: WorkOrderField[];
}

/** Index of the state column in a header row, or -1. */
export function findRowStateColumn(headerRow: readonly unknown[]): number {
  const wanted = normalizeHeader(ROW_STATE_HEADER);
  return headerRow.findIndex((h) => normalizeHeader(h) === wanted);
}

/** The JSON record's fingerprint of a text: its length and 64 bits of its SHA-256. */
export function fingerprint(text: string): string {
  return `${text.length}:${sha256Hex(text).slice(0, 16)}`;
}

/** What a cell written with setValues reads back as: Sheets drops the leading apostrophe. */
function readBack(cell: unknown): unknown {
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * `order` as the register will read it back once written (text neutralized and cut, emails
 * lower-cased, ids trimmed…): the same core converters decide, so a record never differs from its
 * row only by the way a value was written.
 */
export function canonicalOrder(order: WorkOrder): WorkOrder {
  const row = workOrderToRow(order, CANONICAL_LAYOUT).map(readBack);
  const parsed = parseRegisterRow(row, CANONICAL_LAYOUT);
  return parsed.ok ? parsed.order : order;
}

/** Field equality as the register sees it: dates to the second (a cell may drop milliseconds). */
export function sameFieldValue(field: WorkOrderField, a: unknown, b: unknown): boolean {
  if (isDateField(field) || isDate(a) || isDate(b)) {
    const ms = (v: unknown): number | null =>
      isDate(v) && Number.isFinite(v.getTime()) ? v.getTime() : null;
    const x = ms(a);
    const y = ms(b);
    if (x === null || y === null) return x === y;
    return Math.floor(x / 1000) === Math.floor(y / 1000);
  }
  return a === b;
}

type Kept = string | number;

function keptValue(field: WorkOrderField, value: WorkOrder[WorkOrderField]): Kept | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (field === 'revision') return undefined;
  return value;
}

/** The state cell's text for `order` (canonicalized first), remembering which cells carry our notes. */
export function serializeRowState(order: WorkOrder, noted: readonly WorkOrderField[] = []): string {
  const canonical = canonicalOrder(order);
  const key = printKey();
  const text = encodeCompactState({
    order: canonical,
    noted: [...new Set(noted)],
    print: key
      ? (field, value) =>
          verifiedPrints.get(carryKey(canonical.id, field, value)) ??
          keyedPrint(key, canonical.id, field, value)
      : null,
    carried: (field, value) => carriedPrints.get(carryKey(canonical.id, field, value)),
  });
  return asCellText(text).cell;
}

/**
 * The state cell for `next` when the row's record (`cell`, as read) already holds exactly `next`: its
 * values, its revision, and a print of each text it prints, checked or carried in this execution
 * (fingerprintMatches, carryPrint), as serializeRowState would print it. That record is kept with
 * only its noted fields changed: the row is not encoded again (no round trip through the register's
 * converters, no print computed). Null when anything differs, or the record is an earlier version's:
 * serializeRowState then. For a row whose edit changes nothing but notes (every cell refused).
 */
export function restampedRowState(
  cell: unknown,
  next: WorkOrder,
  noted: readonly WorkOrderField[],
): string | null {
  if (typeof cell !== 'string' || !cell.startsWith(COMPACT_PREFIX)) return null;
  const state = parseRowState(cell);
  if (!state || state.order.id !== next.id || state.order.revision !== next.revision) return null;
  for (const field of FIELDS) {
    const print = state.fingerprints[field];
    const value = next[field];
    if (print === undefined) {
      if (!sameExactly(value, state.order[field])) return null;
      continue;
    }
    if (typeof value !== 'string' || value === '') return null;
    const key = carryKey(next.id, field, value);
    if ((carriedPrints.get(key) ?? verifiedPrints.get(key)) !== print) return null;
  }
  const text = withNotedMask(cell, [...new Set(noted)]);
  return text === null ? null : asCellText(text).cell;
}

/** Equal values, dates to the millisecond (the record keeps them so). */
function sameExactly(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
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

/**
 * Records already parsed in this execution, by cell text: an edit's checks read a row's record more
 * than once (judging, then looking for refused texts kept only as prints). Bounded, so that a pass
 * over a whole register (setup's refill) keeps no more than this many.
 */
const parsedStates = new Map<string, RowState | null>();
const PARSED_STATES_KEPT = 1_000;

/** The record in a state cell, or null when the cell is empty or not a record this add-on wrote. */
export function parseRowState(cell: unknown): RowState | null {
  if (typeof cell !== 'string') return null;
  let parsed = parsedStates.get(cell);
  if (parsed === undefined) {
    parsed = parseStateText(cell);
    if (parsedStates.size >= PARSED_STATES_KEPT) parsedStates.clear();
    parsedStates.set(cell, parsed);
  }
  // A copy each time: callers may change what they are given.
  return (
    parsed && {
      order: { ...parsed.order },
      fingerprints: { ...parsed.fingerprints },
      noted: [...parsed.noted],
    }
  );
}

function parseStateText(cell: string): RowState | null {
  if (cell.startsWith('{')) return parseVersion1(cell);
  const compact = decodeCompactState(cell);
  if (!compact || compact.order.id === '') return null;
  // A status no longer in the model makes the record unusable rather than silently wrong.
  const checked = parseRegisterRow(
    workOrderToRow(compact.order, CANONICAL_LAYOUT).map(readBack),
    CANONICAL_LAYOUT,
  );
  if (!checked.ok) return null;
  const order = { ...checked.order };
  // Printed fields read as '' in the order (the caller compares the cell with the print instead).
  for (const field of Object.keys(compact.prints) as WorkOrderField[])
    (order as unknown as Record<string, unknown>)[field] = '';
  return { order, fingerprints: compact.prints, noted: compact.noted };
}

function parseVersion1(cell: string): RowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(cell);
  } catch {
    return null;
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { r, f, h = {}, n = [] } = parsed.data;
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

/** Whether a state cell is an earlier version's (JSON) record, rewritten compact on the next write. */
export function isVersion1State(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith('{') && parseVersion1(cell) !== null;
}

// --- Prints -------------------------------------------------------------------------------------

/** Keys handed over by a host (benchmark, tests); undefined: the document's secret. */
let hostKey: { key: HmacKey | null } | undefined;

/** For the benchmark and tests, which fill registers outside Apps Script: the key prints use. */
export function useRowStateKey(key: HmacKey | null | undefined): void {
  hostKey = key === undefined ? undefined : { key };
}

/**
 * The add-on's secret, never created here (setup and the first log append do that); read once per
 * execution, like the change log's (addon-secret.ts remembers it). Outside a document (the hourly
 * job) the key only when this execution already read the owner's copy. Null before the secret
 * exists: every text is then kept whole, over the budget, until the row's next write with the key
 * (or setup's backfill).
 */
function printKey(): HmacKey | null {
  if (hostKey) return hostKey.key;
  try {
    const remembered = rememberedKey();
    if (remembered || !documentPropertiesOrNull()) return remembered;
    return documentSecret({ create: false }) === null ? null : documentKey();
  } catch {
    return null; // no Apps Script services here (a host's own code)
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** PRINT_CHARS base64url characters of HMAC(secret, id, field, text): no editor can make a match. */
function keyedPrint(key: HmacKey, id: string, field: WorkOrderField, text: string): string {
  const hex = hmacSha256Hex(key, `row-state\n${id}\n${field}\n`, text);
  let out = '';
  for (let i = 0; i < PRINT_CHARS; i++) out += BASE64URL[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 64];
  return out;
}

const V1_PRINT = /^\d+:[0-9a-f]{16}$/;

/**
 * Whether `text` is the value `state` keeps as a print for `field`: a version-1 fingerprint, or a
 * keyed print (false when the key is not at hand: the value then counts as unknown).
 */
export function fingerprintMatches(state: RowState, field: WorkOrderField, text: string): boolean {
  const print = state.fingerprints[field];
  if (print === undefined) return false;
  if (V1_PRINT.test(print)) return fingerprint(text) === print;
  const key = printKey();
  if (key === null || keyedPrint(key, state.order.id, field, text) !== print) return false;
  // The next record of the row most often keeps this text: its print is not computed twice.
  verifiedPrints.set(carryKey(state.order.id, field, text), print);
  return true;
}

/**
 * Prints carried from a record to the next one: a printed field changed outside the edit being
 * judged (another person's edit whose own trigger comes next) keeps its earlier print, so that
 * trigger still sees the change. Keyed by order, field and the text the field holds meanwhile.
 */
const carriedPrints = new Map<string, string>();
/** Prints this execution checked against the texts they print (see fingerprintMatches). */
const verifiedPrints = new Map<string, string>();
const carryKey = (id: string, field: WorkOrderField, text: string): string =>
  `${id}\u0000${field}\u0000${text}`;

/** Keeps `state`'s print of `field` in the next record written for the order while it holds `text`. */
export function carryPrint(state: RowState, field: WorkOrderField, text: string): void {
  const print = state.fingerprints[field];
  if (print !== undefined && !V1_PRINT.test(print))
    carriedPrints.set(carryKey(state.order.id, field, text), print);
}
