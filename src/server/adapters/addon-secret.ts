/**
 * The add-on's secret for this spreadsheet: the key of the change log's MAC chain and of the Outbox
 * rows' MACs. Generated once (setup, or the first log append of a workbook set up before it existed)
 * and held only in document properties, which no editor of the spreadsheet can read or write except
 * through the add-on's own code; it is never written into a sheet and never returned to a browser.
 *
 * The hourly job runs with no document (no document properties, see owner-state.ts), yet must sign
 * the mail it queues and check the Outbox's MACs: the installation owner's user properties hold a
 * copy, namespaced by spreadsheet id, written by setup and by the owner's own executions in the
 * document (the form-submit and edit triggers run as the owner), so it follows the document's value.
 */
import { hmacKey, type HmacKey } from '../../core/keyed-chain';
import { PROPERTY_KEYS } from './document-properties';
import { HOURLY_TRIGGER_MAP, ownerKey, readOwnerState, writeOwnerState } from './owner-state';
import { documentPropertiesOrNull } from './service-handles';

/** Document property holding the secret (64 hex digits). */
export const ADDON_SECRET_KEY = PROPERTY_KEYS.addonSecret;
/** Owner state name (owner-state.ts) of the copy the hourly job reads. */
const OWNER_COPY = 'addonSecret';

const SECRET = /^[0-9a-f]{64}$/;

/**
 * 256 bits from Apps Script's own random source: Utilities.getUuid() gives random (version 4) UUIDs,
 * 122 random bits each, from a cryptographically strong generator; four of them are condensed by
 * HMAC-SHA-256 into one key.
 */
function newSecret(): string {
  const uuids = [Utilities.getUuid(), Utilities.getUuid(), Utilities.getUuid(), Utilities.getUuid()];
  const bytes = Utilities.computeHmacSha256Signature(uuids.slice(1).join(':'), uuids[0] as string);
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

let memo: { secret: string; key: HmacKey } | null = null;

function remember(secret: string): HmacKey {
  if (memo?.secret !== secret) memo = { secret, key: hmacKey(secret) };
  return memo.key;
}

/** The key this execution has already read (no round trip), or null. */
export function rememberedKey(): HmacKey | null {
  return memo?.key ?? null;
}

/**
 * The secret from document properties, created when missing (callers hold the document lock, so two
 * executions never create two). Null outside a document.
 */
export function documentSecret(options: { create: boolean }): string | null {
  const props = documentPropertiesOrNull();
  if (!props) return null;
  if (memo) return memo.secret;
  const stored = props.getProperty(ADDON_SECRET_KEY);
  if (stored && SECRET.test(stored)) {
    remember(stored);
    return stored;
  }
  if (!options.create) return null;
  const secret = newSecret();
  props.setProperty(ADDON_SECRET_KEY, secret);
  remember(secret);
  return secret;
}

/** The prepared key of the document's secret (created when missing), or null outside a document. */
export function documentKey(): HmacKey | null {
  if (memo) return memo.key;
  const secret = documentSecret({ create: true });
  return secret === null ? null : remember(secret);
}

/**
 * The key wherever the execution runs: the document's, else (the hourly job) the owner's copy. Null
 * when neither is there (a workbook set up before the secret existed, whose owner has not run setup).
 */
export function addonKey(spreadsheetId: string): HmacKey | null {
  if (memo) return memo.key;
  if (documentPropertiesOrNull()) return documentKey();
  const copy = readOwnerState(spreadsheetId, OWNER_COPY);
  return copy && SECRET.test(copy) ? remember(copy) : null;
}

/**
 * Setup's step: creates the secret if there is none (never replaces one: every MAC in the log depends
 * on it) and gives the owner's copy to the hourly job when the caller owns this spreadsheet's
 * triggers. Returns true when it created the secret.
 */
export function ensureAddonSecret(spreadsheetId: string, ownsTriggers: boolean): boolean {
  const existing = documentSecret({ create: false });
  const secret = existing ?? documentSecret({ create: true });
  if (secret === null) return false;
  if (ownsTriggers) copySecretToOwner(spreadsheetId, secret);
  return existing === null;
}

function copySecretToOwner(spreadsheetId: string, secret: string): void {
  if (readOwnerState(spreadsheetId, OWNER_COPY) !== secret)
    writeOwnerState(spreadsheetId, OWNER_COPY, secret);
}

/**
 * Gives the hourly job its copy when this user owns the spreadsheet's hourly trigger and has none
 * (`names`: the owner's property keys, already read; `valueOf` reads one value).
 */
export function addonKeyCopyFor(
  spreadsheetId: string,
  names: readonly string[],
  valueOf: (key: string) => string | null,
): void {
  if (names.includes(ownerKey(spreadsheetId, OWNER_COPY)) || !names.includes(HOURLY_TRIGGER_MAP)) return;
  if (!(valueOf(HOURLY_TRIGGER_MAP) ?? '').includes(`"${spreadsheetId}"`)) return;
  const secret = documentSecret({ create: true });
  if (secret !== null) writeOwnerState(spreadsheetId, OWNER_COPY, secret);
}
