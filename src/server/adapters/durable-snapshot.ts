import { documentPropertiesOrNull } from './service-handles';

/**
 * A small JSON snapshot kept in document properties: durable, unlike the document cache (whose
 * entries expire within six hours, so the first execution after a quiet night would pay the full
 * reads again). Values are split into pieces under the 9 KB per-value limit; the head piece says how
 * many there are, so a warm read is one getProperty call. Null outside a document (the hourly job).
 */
const PIECE_CHARS = 2_800; // ≤ 9 KB even when every character takes three UTF-8 bytes

interface Head {
  n: number;
  savedAt: number;
  text: string;
}

export function readSnapshot(key: string, maxAgeMs: number, now: number): string | null {
  const props = documentPropertiesOrNull();
  if (!props) return null;
  const raw = props.getProperty(key);
  if (!raw) return null;
  let head: Head;
  try {
    head = JSON.parse(raw) as Head;
  } catch {
    return null;
  }
  if (!Number.isInteger(head.n) || head.n < 1 || typeof head.text !== 'string') return null;
  if (!(now - head.savedAt <= maxAgeMs)) return null;
  let text = head.text;
  for (let i = 1; i < head.n; i++) {
    const piece = props.getProperty(`${key}.${i}`);
    if (piece === null) return null;
    text += piece;
  }
  return text;
}

/** One setProperties call, whatever the number of pieces. */
export function writeSnapshot(key: string, text: string, now: number): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  const pieces: string[] = [];
  for (let i = 0; i < text.length || i === 0; i += PIECE_CHARS) pieces.push(text.slice(i, i + PIECE_CHARS));
  const values: Record<string, string> = {
    [key]: JSON.stringify({ n: pieces.length, savedAt: now, text: pieces[0] ?? '' } satisfies Head),
  };
  for (let i = 1; i < pieces.length; i++) values[`${key}.${i}`] = pieces[i] ?? '';
  props.setProperties(values);
}

/** Forgets the snapshot: removing its head is enough (pieces are overwritten by the next write). */
export function forgetSnapshot(key: string): void {
  documentPropertiesOrNull()?.deleteProperty(key);
}
