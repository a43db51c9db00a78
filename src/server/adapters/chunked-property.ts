/**
 * A value too large for one property (Google: 9 KB per value, 500 KB per store), kept in any property
 * store (document, user or script) in one format:
 *
 *   `key`    the head: JSON `{ gen, chunks, length, ...meta }`, holding the value itself as `text`
 *            (and `chunks: 0`) when it is small enough
 *   `key.i`  piece i of `chunks`, as `<gen>|<text>`, each within CHUNK_BYTES of UTF-8
 *
 * Every piece carries the generation of its head, and the head the total length, so a torn write (a
 * piece missing, cut short or left from another write) reads as corrupt, never as a wrong value: the
 * caller rebuilds it from its source. A small value is read with one getProperty call, a large one
 * with one more per piece (or none, out of a getProperties snapshot); one setProperties call writes
 * it. Pieces left over from a longer earlier value are emptied in that same call when the caller has
 * the store's snapshot (setProperties cannot delete), else overwritten by later writes.
 */

/** What this needs of a Properties store (document, user or script). */
interface Store {
  getProperty(key: string): string | null;
  setProperties(values: Record<string, string>): unknown;
  deleteProperty(key: string): unknown;
}

/** Google allows 9 KB per value; pieces leave room for the generation prefix and a safety margin. */
export const CHUNK_BYTES = 8 * 1024;

/** Small facts kept in the head beside the value (when it was saved, why it is empty…). */
export type ChunkMeta = Record<string, number | boolean>;

export type ChunkedRead =
  | { kind: 'ok'; text: string; meta: ChunkMeta }
  | { kind: 'missing' }
  /** A head or piece that is unreadable, or pieces that do not belong together. */
  | { kind: 'corrupt' };

interface Head {
  gen: string;
  chunks: number;
  length: number;
  /** The whole value, when it fits in the head (then there are no pieces). */
  text?: string;
}

const pieceKey = (key: string, i: number): string => `${key}.${i}`;

function parseHead(stored: string): { head: Head; meta: ChunkMeta } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { gen, chunks, length, text, ...rest } = raw as Record<string, unknown>;
  if (typeof gen !== 'string' || !Number.isInteger(chunks) || !Number.isInteger(length)) return null;
  if ((chunks as number) < 0 || (length as number) < 0) return null;
  if (text !== undefined && (typeof text !== 'string' || chunks !== 0)) return null;
  const meta: ChunkMeta = {};
  for (const [name, value] of Object.entries(rest)) {
    if (typeof value !== 'number' && typeof value !== 'boolean') return null;
    meta[name] = value;
  }
  return { head: { gen, chunks: chunks as number, length: length as number, text }, meta };
}

/** Reads the value at `key` out of a getProperties() snapshot (or any getter over one). */
export function readChunked(get: (key: string) => string | null | undefined, key: string): ChunkedRead {
  const headText = get(key);
  if (headText === null || headText === undefined || headText === '') return { kind: 'missing' };
  const parsed = parseHead(headText);
  if (!parsed) return { kind: 'corrupt' };
  const { head, meta } = parsed;
  const prefix = `${head.gen}|`;
  let text = head.text ?? '';
  for (let i = 0; i < head.chunks; i++) {
    const piece = get(pieceKey(key, i));
    if (typeof piece !== 'string' || !piece.startsWith(prefix)) return { kind: 'corrupt' };
    text += piece.slice(prefix.length);
  }
  return text.length === head.length ? { kind: 'ok', text, meta } : { kind: 'corrupt' };
}

/** Reads the value at `key` from `store`: one call when it fits in its head, one more per piece. */
export function readChunkedFrom(store: Store, key: string): ChunkedRead {
  return readChunked((k) => store.getProperty(k), key);
}

function newGeneration(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`;
}

export interface ChunkOptions {
  /** Small facts to keep in the head. */
  meta?: ChunkMeta;
  /** The store's getProperties() snapshot: its pieces of `key` beyond the new count are emptied. */
  previous?: Readonly<Record<string, string>>;
  /**
   * False to keep the value in pieces even when it would fit in the head: for values read out of a
   * getProperties snapshot anyway, where the head saves no call.
   */
  inline?: boolean;
}

/** The properties that store `text` at `key`, for one setProperties call. */
export function chunkedValues(key: string, text: string, options: ChunkOptions = {}): Record<string, string> {
  const { meta = {}, previous, inline = true } = options;
  const gen = newGeneration();
  const values: Record<string, string> = {};
  const whole = JSON.stringify({ ...meta, gen, chunks: 0, length: text.length, text });
  let pieces: string[] = [];
  if (text === '' || (inline && utf8Bytes(whole) <= CHUNK_BYTES)) values[key] = whole;
  else {
    pieces = splitUtf8(text, CHUNK_BYTES - gen.length - 1);
    pieces.forEach((piece, i) => (values[pieceKey(key, i)] = `${gen}|${piece}`));
    values[key] = JSON.stringify({ ...meta, gen, chunks: pieces.length, length: text.length });
  }
  // Every leftover piece, including those a torn head no longer names.
  for (let i = pieces.length; previous?.[pieceKey(key, i)]; i++) values[pieceKey(key, i)] = '';
  return values;
}

/** Writes `text` at `key` in one setProperties call. */
export function writeChunked(store: Store, key: string, text: string, options: ChunkOptions = {}): void {
  store.setProperties(chunkedValues(key, text, options));
}

/** Forgets the value: without its head, its pieces are never read (the next write reuses them). */
export function forgetChunked(store: Store, key: string): void {
  store.deleteProperty(key);
}

function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

/** Any UTF-16 unit outside ASCII: where a text's UTF-8 length stops being its length. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Splits `text` into pieces of at most `maxBytes` UTF-8 bytes, never inside a surrogate pair. A piece
 * of ASCII is cut at once (one byte per unit, found by one regular-expression scan); only a piece
 * holding other characters is measured unit by unit. The values split here are mostly ASCII JSON of
 * hundreds of KB (the review queue's index, written with every change to the queue), where a loop over
 * every unit was most of an edit's own time.
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  const allAscii = !NON_ASCII.test(text);
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxBytes);
    if (!allAscii && NON_ASCII.test(text.slice(start, end))) end = fittingEnd(text, start, maxBytes);
    chunks.push(text.slice(start, end));
    start = end;
  }
  if (chunks.length === 0) chunks.push('');
  return chunks;
}

/** Where the longest piece from `start` within `maxBytes` UTF-8 bytes ends (at least one character). */
function fittingEnd(text: string, start: number, maxBytes: number): number {
  let bytes = 0;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = pair ? 4 : utf8Length(code);
    if (bytes + size > maxBytes && i > start) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return i;
}

export function utf8Bytes(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += utf8Length(code);
  }
  return bytes;
}
