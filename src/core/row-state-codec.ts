/**
 * The compact text of a register row's Last Known State (see server/adapters/row-state.ts): at most
 * ROW_STATE_BUDGET bytes a row, where the earlier JSON record took about 0.72 KB.
 *
 *   W|<revision>|<noted>|<slot>|<slot>|…      one slot per field, in REGISTER_COLUMNS order
 *
 * (a print, being of fixed width, needs no '|' on either side: "HVAC#r2zbuq7|…").
 *
 * A slot is empty for an empty field; otherwise it holds the value itself (dates as seconds in base
 * 36, after Requested At relative to it; the status as its index; the Request ID as its number) or,
 * for a text that does not fit the budget, `#` and a short keyed print of it. Only text fields are
 * ever printed, longest-lived and least edited first (Description, Response, Requester…), so the
 * fields a person may type into (Status, Assignee, Priority, Due, Reason, Results…) stay whole and a
 * refused edit of them is put back from the record alone. A printed field is still guarded: its
 * print is keyed with the add-on's secret (no editor can make a text that matches), and its earlier
 * value comes from the edit's old value or, for a paste, from the change log.
 *
 * Pure: the caller supplies the printer (keyed HMAC) and decides what a print means.
 */
import { isDateField } from './field-changes';
import { formatRequestId, parseRequestId } from './ids';
import { REGISTER_COLUMNS, STATUSES, type Status, type WorkOrder, type WorkOrderField } from './model';

export const COMPACT_PREFIX = 'W|';
/** Bytes (UTF-8) a row's state may take. */
export const ROW_STATE_BUDGET = 150;
/** Characters of a print: 18 bits of a keyed MAC, in base64url. */
export const PRINT_CHARS = 3;

const SLOTS: readonly WorkOrderField[] = (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).filter(
  (f) => f !== 'revision',
);
const ALL_FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
const TEXT_FIELDS: ReadonlySet<WorkOrderField> = new Set(
  SLOTS.filter((f) => !isDateField(f) && f !== 'status' && f !== 'heldHours' && f !== 'id'),
);
/**
 * Text fields in the order they give up their copy for a print when the row is over budget: first
 * what never changes after intake (and is in the form response), last what people edit by typing.
 */
const PRINT_FIRST: readonly WorkOrderField[] = [
  'description',
  'responseRef',
  'requesterEmail',
  'decidedBy',
  'closedBy',
  'requesterName',
  'resources',
  'location',
  'urgency',
  'asset',
  'woNumber',
  'reviewFlag',
  'notes',
  'actions',
  'results',
  'reason',
  'category',
  'priority',
  'assignee',
];

export type Printer = (field: WorkOrderField, text: string) => string;

export interface CompactInput {
  /** The order as the register reads it back (canonical). */
  order: WorkOrder;
  noted: readonly WorkOrderField[];
  /** Keyed print of a field's text; null when no key is at hand (every text is then kept whole). */
  print: Printer | null;
  /** A print to keep for a field whose earlier text is unknown (see row-state.ts: carried prints). */
  carried?: (field: WorkOrderField, text: string) => string | undefined;
}

export interface CompactState {
  revision: number;
  noted: WorkOrderField[];
  /** Fields kept whole (every field not printed), empty ones included. */
  order: WorkOrder;
  /** Printed text fields: their value in `order` is ''. */
  prints: Partial<Record<WorkOrderField, string>>;
}

const escapeText = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/#/g, '%23');
const unescapeText = (text: string): string =>
  text.replace(/%(25|7C|23)/g, (_m, code: string) => String.fromCharCode(parseInt(code, 16)));

/** UTF-8 length of a text (Apps Script has no TextEncoder). */
export function utf8Bytes(text: string): number {
  // By UTF-16 unit (no iterator: this runs for every slot of every row written). A surrogate pair is
  // one 4-byte character; a lone surrogate counts 3, as its code point would.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function dateSlot(value: Date, base: number | null): string {
  const ms = value.getTime();
  const seconds = Math.floor(ms / 1000);
  const rest = ms - seconds * 1000;
  const n = base === null ? seconds : seconds - base;
  return `${n < 0 ? '-' : ''}${Math.abs(n).toString(36)}${rest ? `.${rest}` : ''}`;
}

function readDate(slot: string, base: number | null): Date | null {
  const m = /^(-?)([0-9a-z]+)(?:\.(\d{1,3}))?$/.exec(slot);
  if (!m) return null;
  const n = parseInt(m[2] as string, 36) * (m[1] ? -1 : 1);
  const seconds = base === null ? n : base + n;
  const date = new Date(seconds * 1000 + Number(m[3] ?? 0));
  return Number.isFinite(date.getTime()) ? date : null;
}

function idSlot(id: string): string {
  const n = parseRequestId(id);
  return n !== null && formatRequestId(n) === id ? n.toString(36) : `~${escapeText(id)}`;
}

function readId(slot: string): string | null {
  if (slot.startsWith('~')) return unescapeText(slot.slice(1));
  if (!/^[0-9a-z]+$/.test(slot)) return null;
  const n = parseInt(slot, 36);
  return n >= 1 && Number.isSafeInteger(n) ? formatRequestId(n) : null;
}

function requestedBase(order: WorkOrder): number | null {
  const at = order.requestedAt;
  return at && Number.isFinite(at.getTime()) ? Math.floor(at.getTime() / 1000) : null;
}

function slotOf(order: WorkOrder, field: WorkOrderField, base: number | null): string {
  const value = order[field];
  if (field === 'id') return idSlot(String(value));
  if (field === 'status') return String(STATUSES.indexOf(value as Status));
  if (field === 'heldHours') return value ? String(value) : '';
  if (isDateField(field)) {
    if (!(value instanceof Date) || !Number.isFinite(value.getTime())) return '';
    return dateSlot(value, field === 'requestedAt' ? null : base);
  }
  return escapeText(String(value ?? ''));
}

function notedMask(noted: readonly WorkOrderField[]): string {
  let mask = 0;
  for (const field of noted) {
    const i = ALL_FIELDS.indexOf(field);
    if (i >= 0) mask += 2 ** i;
  }
  return mask ? mask.toString(36) : '';
}

/**
 * Slots joined: a literal ends at '|', or at the '#' of a print right after it when it is not empty;
 * trailing empty slots are dropped.
 */
function joinSlots(slots: readonly string[]): string {
  let end = slots.length;
  while (end > 0 && slots[end - 1] === '') end--;
  let out = '';
  for (let i = 0; i < end; i++) {
    const slot = slots[i] as string;
    out += slot;
    const next = slots[i + 1];
    if (!slot.startsWith('#') && i + 1 < end && (slot === '' || !(next ?? '').startsWith('#'))) out += '|';
  }
  return out;
}

function splitSlots(body: string): string[] | null {
  const slots: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '#') {
      const slot = body.slice(i, i + 1 + PRINT_CHARS);
      if (slot.length !== 1 + PRINT_CHARS) return null;
      slots.push(slot);
      i += slot.length;
      continue;
    }
    let j = i;
    while (j < body.length && body[j] !== '|' && body[j] !== '#') j++;
    slots.push(body.slice(i, j));
    i = body[j] === '|' ? j + 1 : j;
  }
  return slots;
}

/** The compact text of a state; over the budget only when no key is at hand. */
export function encodeCompactState(input: CompactInput): string {
  const { order, print, carried } = input;
  const base = requestedBase(order);
  // Slots by position (SLOTS order), as arrays: this runs for every row written, 50 for a paste.
  const slots = SLOTS.map((field) => slotOf(order, field, base));
  const printSlot = (field: WorkOrderField): string => {
    const text = String(order[field] ?? '');
    return `#${carried?.(field, text) ?? (print as Printer)(field, text)}`;
  };
  // A print carried over from the record stays a print, whatever the budget.
  if (carried)
    for (const field of TEXT_FIELDS) {
      if (carried(field, String(order[field] ?? '')) !== undefined)
        slots[SLOT_INDEX.get(field) as number] = printSlot(field);
    }
  const head = `${COMPACT_PREFIX}${order.revision.toString(36)}|${notedMask(input.noted)}|`;
  const text = (): string => head + joinSlots(slots);
  if (print === null) return text();
  // The budget is checked on lengths (no string built per step).
  const lengths = slots.map(utf8Bytes);
  const headBytes = utf8Bytes(head);
  let bytes = headBytes + joinedBytes(slots, lengths);
  for (const field of PRINT_FIRST) {
    if (bytes <= ROW_STATE_BUDGET) break;
    const i = SLOT_INDEX.get(field) as number;
    const slot = slots[i] as string;
    if (slot.startsWith('#') || slot.length <= PRINT_CHARS + 1) continue;
    slots[i] = printSlot(field);
    lengths[i] = PRINT_CHARS + 1;
    bytes = headBytes + joinedBytes(slots, lengths);
  }
  return text();
}

const SLOT_INDEX: ReadonlyMap<WorkOrderField, number> = new Map(SLOTS.map((field, i) => [field, i]));

/** The UTF-8 length of joinSlots(slots), from each slot's length. */
function joinedBytes(slots: readonly string[], lengths: readonly number[]): number {
  let end = slots.length;
  while (end > 0 && slots[end - 1] === '') end--;
  let total = 0;
  for (let i = 0; i < end; i++) {
    const slot = slots[i] as string;
    total += lengths[i] as number;
    const next = slots[i + 1] ?? '';
    if (!slot.startsWith('#') && i + 1 < end && (slot === '' || !next.startsWith('#'))) total++;
  }
  return total;
}

/**
 * A compact record's text with another set of noted fields, all else as it is (its values and
 * prints included); null when `text` is no compact record or the new mask would take it over the
 * budget. For a row whose edit changes nothing but the notes on its cells (a refused paste).
 */
export function withNotedMask(text: string, noted: readonly WorkOrderField[]): string | null {
  if (!text.startsWith(COMPACT_PREFIX)) return null;
  const revisionEnd = text.indexOf('|', COMPACT_PREFIX.length);
  const maskEnd = revisionEnd < 0 ? -1 : text.indexOf('|', revisionEnd + 1);
  if (maskEnd < 0) return null;
  const out = text.slice(0, revisionEnd + 1) + notedMask(noted) + text.slice(maskEnd);
  return utf8Bytes(out) <= ROW_STATE_BUDGET ? out : null;
}

const REQUESTED_SLOT = SLOTS.indexOf('requestedAt');
const PRINT_SLOT = new RegExp(`^#[A-Za-z0-9_-]{${PRINT_CHARS}}$`);

/** The state in a compact cell, or null when it is not one this version wrote. */
export function decodeCompactState(cell: string): CompactState | null {
  if (!cell.startsWith(COMPACT_PREFIX)) return null;
  const [rev, mask, ...body] = cell.slice(COMPACT_PREFIX.length).split('|');
  if (rev === undefined || mask === undefined || !/^[0-9a-z]+$/.test(rev)) return null;
  const slots = splitSlots(body.join('|'));
  if (!slots || slots.length > SLOTS.length || !/^[0-9a-z]*$/.test(mask)) return null;
  const revision = parseInt(rev, 36);
  const bits = mask === '' ? 0 : parseInt(mask, 36);
  const noted = ALL_FIELDS.filter((_f, i) => Math.floor(bits / 2 ** i) % 2 === 1);
  const order = {} as Record<WorkOrderField, unknown>;
  const prints: Partial<Record<WorkOrderField, string>> = {};
  const requested = slots[REQUESTED_SLOT] ?? '';
  const requestedAt = requested === '' ? null : readDate(requested, null);
  if (requested !== '' && requestedAt === null) return null;
  const base = requestedAt ? Math.floor(requestedAt.getTime() / 1000) : null;
  for (let i = 0; i < SLOTS.length; i++) {
    const field = SLOTS[i] as WorkOrderField;
    const slot = slots[i] ?? '';
    if (field === 'id') {
      const id = readId(slot);
      if (!id) return null;
      order.id = id;
    } else if (field === 'status') {
      const status = STATUSES[Number(slot)];
      if (!/^\d$/.test(slot) || !status) return null;
      order.status = status;
    } else if (field === 'heldHours') {
      const hours = slot === '' ? 0 : Number(slot);
      if (!Number.isFinite(hours)) return null;
      order.heldHours = hours;
    } else if (isDateField(field)) {
      const date = slot === '' ? null : readDate(slot, field === 'requestedAt' ? null : base);
      if (slot !== '' && date === null) return null;
      order[field] = date;
    } else if (slot.startsWith('#')) {
      if (!PRINT_SLOT.test(slot)) return null;
      prints[field] = slot.slice(1);
      order[field] = '';
    } else order[field] = unescapeText(slot);
  }
  order.revision = revision;
  return { revision, noted, order: order as unknown as WorkOrder, prints };
}
