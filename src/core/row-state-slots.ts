/**
 * The slots of a compact Last Known State (./row-state-codec has the record's layout): how each
 * field's value is written in its slot and read back (dates in base 36, after Requested At relative
 * to it; the status as its index; the Request ID as its number; text escaped), how slots are joined
 * and split, and their UTF-8 length, which the record's budget is counted in.
 */
import { isDateField } from './field-changes';
import { formatRequestId, parseRequestId } from './ids';
import { REGISTER_COLUMNS, STATUSES, type Status, type WorkOrder, type WorkOrderField } from './model';

/** Characters of a print: 18 bits of a keyed MAC, in base64url. */
export const PRINT_CHARS = 3;

/** Every field but the revision (kept in the record's head), in REGISTER_COLUMNS order. */
export const SLOTS: readonly WorkOrderField[] = (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).filter(
  (f) => f !== 'revision',
);
/** Every field, revision included, in REGISTER_COLUMNS order: the noted mask's bits. */
export const ALL_FIELDS = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
/**
 * The noted mask's bit after the fields' own: the Reason was typed since the order's last status
 * change (core/transition `renewed`: putting on hold needs a reason given for that hold).
 */
export const REASON_RENEWED_BIT = ALL_FIELDS.length;

export const escapeText = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/#/g, '%23');
export const unescapeText = (text: string): string =>
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

export function dateSlot(value: Date, base: number | null): string {
  const ms = value.getTime();
  const seconds = Math.floor(ms / 1000);
  const rest = ms - seconds * 1000;
  const n = base === null ? seconds : seconds - base;
  return `${n < 0 ? '-' : ''}${Math.abs(n).toString(36)}${rest ? `.${rest}` : ''}`;
}

export function readDate(slot: string, base: number | null): Date | null {
  const m = /^(-?)([0-9a-z]+)(?:\.(\d{1,3}))?$/.exec(slot);
  if (!m) return null;
  const n = parseInt(m[2] as string, 36) * (m[1] ? -1 : 1);
  const seconds = base === null ? n : base + n;
  const date = new Date(seconds * 1000 + Number(m[3] ?? 0));
  return Number.isFinite(date.getTime()) ? date : null;
}

export function idSlot(id: string): string {
  const n = parseRequestId(id);
  return n !== null && formatRequestId(n) === id ? n.toString(36) : `~${escapeText(id)}`;
}

export function readId(slot: string): string | null {
  if (slot.startsWith('~')) return unescapeText(slot.slice(1));
  if (!/^[0-9a-z]+$/.test(slot)) return null;
  const n = parseInt(slot, 36);
  return n >= 1 && Number.isSafeInteger(n) ? formatRequestId(n) : null;
}

export function requestedBase(order: WorkOrder): number | null {
  const at = order.requestedAt;
  return at && Number.isFinite(at.getTime()) ? Math.floor(at.getTime() / 1000) : null;
}

export function slotOf(order: WorkOrder, field: WorkOrderField, base: number | null): string {
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

export function notedMask(noted: readonly WorkOrderField[], reasonRenewed = false): string {
  let mask = reasonRenewed ? 2 ** REASON_RENEWED_BIT : 0;
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
export function joinSlots(slots: readonly string[]): string {
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

export function splitSlots(body: string): string[] | null {
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

export const SLOT_INDEX: ReadonlyMap<WorkOrderField, number> = new Map(SLOTS.map((field, i) => [field, i]));

/** The UTF-8 length of joinSlots(slots), from each slot's length. */
export function joinedBytes(slots: readonly string[], lengths: readonly number[]): number {
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
