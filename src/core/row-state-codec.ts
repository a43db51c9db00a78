/**
 * The compact text of a register row's Last Known State (see server/adapters/row-state.ts): at most
 * ROW_STATE_BUDGET bytes a row, where the earlier JSON record took about 0.72 KB.
 *
 *   S|<seal><revision>|<noted>|<slot>|<slot>|…   sealed: written where the add-on's secret is at hand
 *   W|<revision>|<noted>|<slot>|<slot>|…         unsealed: written before seals, or with no secret yet
 *
 * one slot per field, in REGISTER_COLUMNS order (a print, being of fixed width, needs no '|' on
 * either side: "HVAC#r2zbuq7|…"). The seal is SEAL_CHARS characters of a keyed MAC of everything
 * after it (the record's body), made by the caller's Sealer: an editor can write any text into the
 * hidden cell, but not one whose seal the add-on accepts, so a record rewritten to agree with a
 * forged cell is no record at all. A sealed record starts with another prefix than an unsealed one,
 * so a reader of either kind never takes one for the other (an earlier version reads a sealed record
 * as no record of its own).
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
 * Pure: the caller supplies the printer and the sealer (keyed HMACs), and decides what a print and a
 * seal mean (server/adapters/row-state-seal.ts checks seals).
 */
import { isDateField } from './field-changes';
import { STATUSES, type WorkOrder, type WorkOrderField } from './model';
import {
  ALL_FIELDS,
  joinSlots,
  joinedBytes,
  notedMask,
  PRINT_CHARS,
  readDate,
  readId,
  REASON_RENEWED_BIT,
  requestedBase,
  SLOT_INDEX,
  SLOTS,
  slotOf,
  splitSlots,
  unescapeText,
  utf8Bytes,
} from './row-state-slots';

export { PRINT_CHARS, utf8Bytes } from './row-state-slots';

export const COMPACT_PREFIX = 'W|';
/** A sealed record's prefix; the seal follows it, then the body as in an unsealed record. */
export const SEALED_PREFIX = 'S|';
/**
 * Characters of a seal: 48 bits (base64url, 6 bits each) of HMAC-SHA-256. A forger cannot compute a
 * seal without the secret, only guess one, and each guess costs an action that the add-on refuses
 * (the row is then refused as changed outside Work Orders, and Verify audit log names it): at one
 * guess a second, finding a seal takes 2^47 seconds, over four million years on average. Twelve more
 * bits would buy nothing but two bytes the row's texts need more.
 */
export const SEAL_CHARS = 8;
const SEALED_HEAD = SEALED_PREFIX.length + SEAL_CHARS;
/** Bytes (UTF-8) a row's state may take. */
export const ROW_STATE_BUDGET = 150;
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
/** SEAL_CHARS base64url characters of a keyed MAC of a record's body (bound to its order by the caller). */
export type Sealer = (body: string) => string;

export interface CompactInput {
  /** The order as the register reads it back (canonical). */
  order: WorkOrder;
  noted: readonly WorkOrderField[];
  /** The Reason was typed since the order's last status change (row-state-slots REASON_RENEWED_BIT). */
  reasonRenewed?: boolean;
  /** Keyed print of a field's text; null when no key is at hand (every text is then kept whole). */
  print: Printer | null;
  /** A print to keep for a field whose earlier text is unknown (see row-state.ts: carried prints). */
  carried?: (field: WorkOrderField, text: string) => string | undefined;
  /** Seals the record (from the same key as `print`); null or absent: an unsealed record. */
  seal?: Sealer | null;
}

export interface CompactState {
  revision: number;
  noted: WorkOrderField[];
  reasonRenewed: boolean;
  /** Fields kept whole (every field not printed), empty ones included. */
  order: WorkOrder;
  /** Printed text fields: their value in `order` is ''. */
  prints: Partial<Record<WorkOrderField, string>>;
  /** A sealed record's seal and the body it seals (for the caller to check); null when unsealed. */
  seal: { mac: string; body: string } | null;
}

/** The compact text of a state; over the budget only when no key is at hand. */
export function encodeCompactState(input: CompactInput): string {
  const { order, print, carried } = input;
  const seal = input.seal ?? null;
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
  const head = `${order.revision.toString(36)}|${notedMask(input.noted, input.reasonRenewed)}|`;
  const text = (): string => {
    const body = head + joinSlots(slots);
    return seal ? SEALED_PREFIX + seal(body) + body : COMPACT_PREFIX + body;
  };
  if (print === null) return text();
  // The budget is checked on lengths (no string built per step); a seal's bytes come out of it.
  const lengths = slots.map(utf8Bytes);
  const headBytes = (seal ? SEALED_HEAD : COMPACT_PREFIX.length) + utf8Bytes(head);
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

/**
 * A compact record's text with another set of noted fields, all else as it is (its values, its
 * prints and whether its Reason was renewed included), sealed again with `seal`; null when `text` is
 * no compact record, when it is sealed and no sealer is given, when it is unsealed and a sealer is
 * given (the caller encodes it again, sealed), or when the new mask would take it over the budget.
 * For a row whose edit changes nothing but the notes on its cells (a refused paste).
 */
export function withNotedMask(
  text: string,
  noted: readonly WorkOrderField[],
  seal: Sealer | null = null,
): string | null {
  const sealed = text.startsWith(SEALED_PREFIX);
  if (sealed ? seal === null : seal !== null || !text.startsWith(COMPACT_PREFIX)) return null;
  const body = text.slice(sealed ? SEALED_HEAD : COMPACT_PREFIX.length);
  const revisionEnd = body.indexOf('|');
  const maskEnd = revisionEnd < 0 ? -1 : body.indexOf('|', revisionEnd + 1);
  if (maskEnd < 0) return null;
  const renewed = hasRenewedBit(body.slice(revisionEnd + 1, maskEnd));
  const next = body.slice(0, revisionEnd + 1) + notedMask(noted, renewed) + body.slice(maskEnd);
  const out = seal ? SEALED_PREFIX + seal(next) + next : COMPACT_PREFIX + next;
  return utf8Bytes(out) <= ROW_STATE_BUDGET ? out : null;
}

function hasRenewedBit(mask: string): boolean {
  const bits = mask === '' ? 0 : parseInt(mask, 36);
  return Math.floor(bits / 2 ** REASON_RENEWED_BIT) % 2 === 1;
}

const REQUESTED_SLOT = SLOTS.indexOf('requestedAt');
const PRINT_SLOT = new RegExp(`^#[A-Za-z0-9_-]{${PRINT_CHARS}}$`);
const SEAL = new RegExp(`^[A-Za-z0-9_-]{${SEAL_CHARS}}$`);

/**
 * The state in a compact cell, or null when it is not one this version wrote. A sealed record's seal
 * is returned, not checked: that needs the key (server/adapters/row-state-seal.ts). With `only`, the
 * other fields' slots are left undecoded (absent from `order`; Request ID and Status always read):
 * for a pass comparing a few fields over every open row, where decoding all of them was most of the
 * time.
 */
export function decodeCompactState(cell: string, only?: ReadonlySet<WorkOrderField>): CompactState | null {
  let text: string;
  let seal: CompactState['seal'] = null;
  if (cell.startsWith(SEALED_PREFIX)) {
    const mac = cell.slice(SEALED_PREFIX.length, SEALED_HEAD);
    if (!SEAL.test(mac)) return null;
    text = cell.slice(SEALED_HEAD);
    seal = { mac, body: text };
  } else if (cell.startsWith(COMPACT_PREFIX)) text = cell.slice(COMPACT_PREFIX.length);
  else return null;
  // Revision | mask | slots…: the first two bars found, not the text split at every bar and joined again.
  const revEnd = text.indexOf('|');
  const maskEnd = revEnd < 0 ? -1 : text.indexOf('|', revEnd + 1);
  if (maskEnd < 0) return null;
  const rev = text.slice(0, revEnd);
  const mask = text.slice(revEnd + 1, maskEnd);
  if (!/^[0-9a-z]+$/.test(rev)) return null;
  const slots = splitSlots(text.slice(maskEnd + 1));
  if (!slots || slots.length > SLOTS.length || !/^[0-9a-z]*$/.test(mask)) return null;
  const revision = parseInt(rev, 36);
  const bits = mask === '' ? 0 : parseInt(mask, 36);
  const noted = bits === 0 ? [] : ALL_FIELDS.filter((_f, i) => Math.floor(bits / 2 ** i) % 2 === 1);
  const order = {} as Record<WorkOrderField, unknown>;
  const prints: Partial<Record<WorkOrderField, string>> = {};
  const requested = slots[REQUESTED_SLOT] ?? '';
  const requestedAt = requested === '' ? null : readDate(requested, null);
  if (requested !== '' && requestedAt === null) return null;
  const base = requestedAt ? Math.floor(requestedAt.getTime() / 1000) : null;
  for (let i = 0; i < SLOTS.length; i++) {
    const field = SLOTS[i] as WorkOrderField;
    if (only && !only.has(field) && field !== 'id' && field !== 'status') continue;
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
  return {
    revision,
    noted,
    reasonRenewed: hasRenewedBit(mask),
    order: order as unknown as WorkOrder,
    prints,
    seal,
  };
}
