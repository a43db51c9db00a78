/**
 * The prints a row's record keeps of the texts it does not keep whole (core/row-state-codec.ts): a
 * few characters of an HMAC keyed with the add-on's secret, so no editor can make a text that
 * matches. The secret is read from document properties once per execution, and already read by every
 * writer for the change log's MACs; tests and the benchmark hand it over with useRowStateKey.
 *
 * Within one execution, prints already checked against their texts (fingerprintMatches) and prints
 * carried over from a record (carryPrint) are remembered, so the next record of the row keeps them
 * without computing them again.
 */
import { PRINT_CHARS, type Printer } from '../../core/row-state-codec';
import { hmacSha256Hex, type HmacKey } from '../../core/sha256';
import type { WorkOrderField } from '../../core/model';
import { documentKey, documentSecret, rememberedKey } from './addon-secret';
import { fingerprint, isVersion1Print } from './row-state-v1';
import type { RowState } from './row-state-values';
import { documentPropertiesOrNull } from './service-handles';

/** Keys handed over by a host (benchmark, tests); undefined: the document's secret. */
let hostKey: { key: HmacKey | null } | undefined;

/** For the benchmark and tests, which fill registers outside Apps Script: the key prints and seals use. */
export function useRowStateKey(key: HmacKey | null | undefined): void {
  hostKey = key === undefined ? undefined : { key };
}

/**
 * The add-on's secret, never created here (setup and the first log append do that); read once per
 * execution, like the change log's (addon-secret.ts remembers it). Outside a document the key only
 * when this execution already read the owner's copy, which the hourly job, the one execution without a
 * document, does at its start (features/hourly/job.ts). Null before the secret
 * exists: every text is then kept whole, over the budget, until the row's next write with the key
 * (or setup's backfill).
 */
export function rowStateKey(): HmacKey | null {
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

/** `chars` base64url characters (6 bits of a byte each) of HMAC(key, domain + text). */
export function keyedChars(key: HmacKey, domain: string, text: string, chars: number): string {
  const hex = hmacSha256Hex(key, domain, text);
  let out = '';
  for (let i = 0; i < chars; i++) out += BASE64URL[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 64];
  return out;
}

/** PRINT_CHARS base64url characters of HMAC(secret, id, field, text): no editor can make a match. */
function keyedPrint(key: HmacKey, id: string, field: WorkOrderField, text: string): string {
  return keyedChars(key, `row-state\n${id}\n${field}\n`, text, PRINT_CHARS);
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

/**
 * Whether `text` is the value `state` keeps as a print for `field`: a version-1 fingerprint, or a
 * keyed print (false when the key is not at hand: the value then counts as unknown).
 */
export function fingerprintMatches(state: RowState, field: WorkOrderField, text: string): boolean {
  const print = state.fingerprints[field];
  if (print === undefined) return false;
  if (isVersion1Print(print)) return fingerprint(text) === print;
  const key = rowStateKey();
  if (key === null || keyedPrint(key, state.order.id, field, text) !== print) return false;
  // The next record of the row most often keeps this text: its print is not computed twice.
  verifiedPrints.set(carryKey(state.order.id, field, text), print);
  return true;
}

/**
 * Whether `text` is the text `state` keeps as a print for `field` (fingerprintMatches), or null when
 * that cannot be told: the field is kept whole, or its print is keyed and no key is at hand.
 */
export function printAgrees(state: RowState, field: WorkOrderField, text: string): boolean | null {
  const print = state.fingerprints[field];
  if (print === undefined) return null;
  if (!isVersion1Print(print) && rowStateKey() === null) return null;
  return fingerprintMatches(state, field, text);
}

/** Keeps `state`'s print of `field` in the next record written for the order while it holds `text`. */
export function carryPrint(state: RowState, field: WorkOrderField, text: string): void {
  const print = state.fingerprints[field];
  if (print !== undefined && !isVersion1Print(print))
    carriedPrints.set(carryKey(state.order.id, field, text), print);
}

/** The print carried over for the order's field while it holds `text` (carryPrint), if any. */
export function carriedPrint(id: string, field: WorkOrderField, text: string): string | undefined {
  return carriedPrints.get(carryKey(id, field, text));
}

/** The print this execution carried or checked for the order's field holding `text`, if any. */
export function knownPrint(id: string, field: WorkOrderField, text: string): string | undefined {
  const key = carryKey(id, field, text);
  return carriedPrints.get(key) ?? verifiedPrints.get(key);
}

/**
 * The printer for the order's texts (one checked in this execution is not computed again), or null
 * when no key is at hand.
 */
export function printerFor(id: string): Printer | null {
  const key = rowStateKey();
  return key
    ? (field, value) => verifiedPrints.get(carryKey(id, field, value)) ?? keyedPrint(key, id, field, value)
    : null;
}
