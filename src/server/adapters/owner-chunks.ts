import { readChunked, writeChunked } from './chunked-property';
import { ownerKey, ownerProperties } from './owner-state';

/** How the previous version stored a value in pieces: `name` = "#chunks:N", pieces `name.0` … */
const LEGACY_CHUNKED = /^#chunks:(\d+)$/;

/**
 * Owner state that may outgrow one property (the reminder state of a large register), stored as a
 * chunked value (../../adapters/chunked-property). Null when there is none, or when it is torn: the
 * caller starts afresh (for reminders: a reminder may be repeated, never lost).
 */
export function readChunkedState(spreadsheetId: string, name: string): string | null {
  const key = ownerKey(spreadsheetId, name);
  const all = ownerProperties().getProperties();
  const stored = readChunked((k) => all[k], key);
  if (stored.kind === 'ok') return stored.text;
  if (stored.kind === 'missing') return null;
  return readLegacy(all, key);
}

/** State written by the previous version (plainly, or as "#chunks:N"), so an upgrade loses none. */
function readLegacy(all: Record<string, string>, key: string): string | null {
  const head = all[key] ?? '';
  if (head.startsWith('{')) return null; // a torn value of the current format
  const m = LEGACY_CHUNKED.exec(head);
  if (!m) return head;
  let text = '';
  for (let i = 0; i < Number(m[1]); i++) text += all[`${key}.${i}`] ?? '';
  return text;
}

export function writeChunkedState(spreadsheetId: string, name: string, value: string): void {
  const props = ownerProperties();
  const key = ownerKey(spreadsheetId, name);
  // Empty state is an empty head (nothing to read), as the previous version stored it.
  if (value === '') props.setProperty(key, '');
  else writeChunked(props, key, value);
}
