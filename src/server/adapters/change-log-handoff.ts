/**
 * Change-log entries of the hourly job. It runs with no document, so without the document lock that
 * every appender holds: were it to append, a sidebar action appending at the same moment could write
 * the same row. It hands its entries off instead, in the installation owner's user properties
 * (namespaced by spreadsheet id, under the owner's lock it holds), and the next execution in the
 * document that holds the owner's lock too — a form submission or an edit, both triggers running as
 * the owner — appends them first, under the document lock, and then deletes them.
 */
import type { UnhashedEntry } from '../../core/audit';
import { SOURCES, type ChangeSource } from '../../core/model';
import { addonKeyCopyFor } from './addon-secret';
import { ownerKey, ownerProperties, takeOwnerProperties } from './owner-state';
import { PROPERTY_KEYS } from './document-properties';

const PREFIX = 'pendingLog.';
/** Emails owed by the hourly job's handed-off changes (its mail intents), one property per order. */
const MAIL_PREFIX = 'pendingMail.';

interface StoredEntry {
  at: number;
  user: string;
  source: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

function isStoredEntry(value: unknown): value is StoredEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    Number.isFinite(e.at) &&
    ['user', 'recordId', 'field', 'oldValue', 'newValue'].every((k) => typeof e[k] === 'string') &&
    (SOURCES as readonly string[]).includes(e.source as string)
  );
}

/** Stores entries for the next document execution (one property write). */
export function handOff(spreadsheetId: string, entries: readonly UnhashedEntry[]): void {
  if (entries.length === 0) return;
  const stored: StoredEntry[] = entries.map((e) => ({
    at: e.at.getTime(),
    user: e.user,
    source: e.source,
    recordId: e.recordId,
    field: e.field,
    oldValue: e.oldValue,
    newValue: e.newValue,
  }));
  const name = `${PREFIX}${String(Date.now()).padStart(15, '0')}.${Math.random().toString(36).slice(2, 8)}`;
  ownerProperties().setProperty(ownerKey(spreadsheetId, name), JSON.stringify(stored));
}

/**
 * Records the emails an order the hourly job is about to write owes (an acknowledgment), beside its
 * handed-off log rows: if the job fails after the order lands and before it sends, the next execution
 * that appends the hand-off queues them (settleMailIntents); the job deletes the record just before
 * sending, under the owner's lock, so exactly one of the two sends.
 */
export function handOffMailIntent(
  spreadsheetId: string,
  recordId: string,
  planned: readonly unknown[],
): string {
  const key = ownerKey(spreadsheetId, `${MAIL_PREFIX}${recordId}`);
  ownerProperties().setProperty(key, JSON.stringify({ recordId, planned }));
  return key;
}

/** Whether `key` names a handed-off mail intent (kept in the owner's properties, not the document's). */
export function isHandedOffMailKey(key: string): boolean {
  return key.startsWith('wo.') && key.includes(`.${MAIL_PREFIX}`);
}

/**
 * Owner state: the reply and update-form answers the hourly job found unrecorded, owed to their
 * handlers (features/intake/answers-owed.ts). Handed off like the job's log rows: an edit that finds
 * them takes the owner's lock, and applies them (features/edits/edit-locks.ts).
 */
export const ANSWERS_OWED = 'answersOwed';

/**
 * Whether the owner's property keys `names` hold entries or mail intents handed off for this
 * spreadsheet, or answers owed.
 */
export function holdsHandOff(spreadsheetId: string, names: readonly string[]): boolean {
  const prefixes = [
    ownerKey(spreadsheetId, PREFIX),
    ownerKey(spreadsheetId, MAIL_PREFIX),
    ownerKey(spreadsheetId, ANSWERS_OWED),
  ];
  return names.some((k) => prefixes.some((p) => k.startsWith(p)));
}

/**
 * Entries handed off for this spreadsheet, oldest first, and `done` to delete them once committed.
 * Costs one getKeys call (none after intake's read of the owner's store); each hand-off found is one
 * more read. Also gives the hourly job its copy of the secret when it is missing.
 */
export function flushHandOff(
  spreadsheetId: string,
): { entries: UnhashedEntry[]; mailKeys: string[]; done: () => void } | null {
  const props = ownerProperties();
  const all = takeOwnerProperties();
  const names = all ? Object.keys(all) : props.getKeys();
  const valueOf = (key: string): string | null => (all ? (all[key] ?? null) : props.getProperty(key));
  addonKeyCopyFor(spreadsheetId, names, valueOf);
  const prefix = ownerKey(spreadsheetId, PREFIX);
  const keys = names.filter((k) => k.startsWith(prefix)).sort();
  const mailPrefix = ownerKey(spreadsheetId, MAIL_PREFIX);
  const mailKeys = names.filter((k) => k.startsWith(mailPrefix));
  if (keys.length === 0 && mailKeys.length === 0) return null;
  const entries: UnhashedEntry[] = [];
  for (const key of keys) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(valueOf(key) ?? '');
    } catch {
      parsed = null;
    }
    if (!Array.isArray(parsed)) continue;
    for (const e of parsed) {
      if (!isStoredEntry(e)) continue;
      entries.push({ ...e, at: new Date(e.at), source: e.source as ChangeSource });
    }
  }
  return {
    entries,
    mailKeys,
    done: () => {
      for (const key of keys) props.deleteProperty(key);
    },
  };
}

/**
 * The orders the entries handed off for this spreadsheet name: made or changed by the hourly job, with
 * their log rows not in the Change Log yet. One getKeys call, and one read per hand-off found (none
 * once the next execution in the document has appended them).
 */
export function handedOffRecordIds(spreadsheetId: string): Set<string> {
  const props = ownerProperties();
  const prefix = ownerKey(spreadsheetId, PREFIX);
  const ids = new Set<string>();
  for (const key of props.getKeys()) {
    if (!key.startsWith(prefix)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(props.getProperty(key) ?? '');
    } catch {
      parsed = null;
    }
    if (!Array.isArray(parsed)) continue;
    for (const e of parsed) if (isStoredEntry(e)) ids.add(e.recordId.trim());
  }
  return ids;
}

/**
 * The document property saying an execution of the owner's looked for the hand-off at `now` and
 * appended what it found: edits skip their own look for a while after it (features/edits/edit-locks.ts).
 * Written with the log's checkpoint, in the same call.
 */
export function handOffLookRecord(now: Date): Record<string, string> {
  // In whole seconds, as edits count time: a look never seems later than it was.
  return { [PROPERTY_KEYS.handOffLookedAt]: String(Math.floor(now.getTime() / 1000) * 1000) };
}
