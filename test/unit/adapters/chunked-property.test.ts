/**
 * Values larger than one property (9 KB) in any property store, in one format: written in one call,
 * read back whole (a small one in one call), and a torn or mixed set of pieces detected (so the
 * caller rebuilds it) rather than read as a wrong value. The store is the local runtime's, which enforces Google's limits.
 */
import { PropertyStore } from '../../../runtime/host/services/properties';
import {
  CHUNK_BYTES,
  chunkedValues,
  forgetChunked,
  readChunked,
  readChunkedFrom,
  splitUtf8,
  utf8Bytes,
  writeChunked,
} from '../../../src/server/adapters/chunked-property';

/** The Properties methods the adapter uses, over a runtime store, counting round trips. */
function properties(store = new PropertyStore()) {
  const calls: string[] = [];
  return {
    store,
    calls,
    getProperty: (key: string) => (calls.push('getProperty'), store.get(key)),
    setProperties: (values: Record<string, string>) => (calls.push('setProperties'), store.setAll(values)),
    deleteProperty: (key: string) => (calls.push('deleteProperty'), store.delete(key)),
  } as const;
}

const KEY = 'wo.test.value';
/** ~40 KB of text mixing 1-, 2-, 3- and 4-byte characters. */
const LARGE = Array.from({ length: 2_000 }, (_, i) => `row ${i}: é€😀 "quoted" \\ ${'x'.repeat(i % 7)}`).join(
  '\n',
);

describe('a chunked value', () => {
  test('over the 9 KB limit: stored in pieces within it, in one call, read back whole', () => {
    const props = properties();
    expect(utf8Bytes(LARGE)).toBeGreaterThan(4 * 9 * 1024);
    writeChunked(props, KEY, LARGE, { meta: { savedAt: 42 } });
    expect(props.calls).toEqual(['setProperties']);
    const entries = props.store.entries();
    const head = JSON.parse(entries[KEY]!) as { chunks: number; length: number };
    expect(head.chunks).toBeGreaterThan(4);
    for (let i = 0; i < head.chunks; i++)
      expect(utf8Bytes(entries[`${KEY}.${i}`]!)).toBeLessThanOrEqual(CHUNK_BYTES);
    props.calls.length = 0;
    expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'ok', text: LARGE, meta: { savedAt: 42 } });
    expect(props.calls).toHaveLength(1 + head.chunks);
    // Out of a snapshot already in hand, no call at all.
    expect(readChunked((k) => entries[k], KEY)).toMatchObject({ kind: 'ok', text: LARGE });
  });

  test('a value that fits is kept in its head and read with one call, unless asked otherwise', () => {
    const props = properties();
    writeChunked(props, KEY, 'short "text" é😀', { meta: { savedAt: 7 } });
    expect(Object.keys(props.store.entries())).toEqual([KEY]);
    props.calls.length = 0;
    expect(readChunkedFrom(props, KEY)).toEqual({
      kind: 'ok',
      text: 'short "text" é😀',
      meta: { savedAt: 7 },
    });
    expect(props.calls).toEqual(['getProperty']);
    writeChunked(props, KEY, 'short', { inline: false });
    expect(JSON.parse(props.store.get(KEY)!)).toMatchObject({ chunks: 1 });
    expect(readChunkedFrom(props, KEY)).toMatchObject({ kind: 'ok', text: 'short' });
  });

  test('small and empty values, and a missing one', () => {
    const props = properties();
    expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'missing' });
    writeChunked(props, KEY, 'short');
    expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'ok', text: 'short', meta: {} });
    writeChunked(props, KEY, '', { meta: { overflow: true } });
    expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'ok', text: '', meta: { overflow: true } });
    forgetChunked(props, KEY);
    expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'missing' });
  });

  test('a shorter value empties the pieces of the longer one it replaces, in the same call', () => {
    const props = properties();
    writeChunked(props, KEY, LARGE);
    const before = Object.keys(props.store.entries()).filter((k) => k.startsWith(`${KEY}.`)).length;
    writeChunked(props, KEY, 'now short', { previous: props.store.entries() });
    const live = Object.entries(props.store.entries()).filter(
      ([k, v]) => k.startsWith(`${KEY}.`) && v !== '',
    );
    expect(before).toBeGreaterThan(1);
    expect(live).toHaveLength(0); // the short value lives in its head
    expect(readChunkedFrom(props, KEY)).toMatchObject({ kind: 'ok', text: 'now short' });
  });

  describe('a torn or corrupt set of pieces is detected, never read as a value', () => {
    const torn: Array<[string, (entries: Record<string, string>) => Record<string, string>]> = [
      ['a missing piece', (e) => ({ ...e, [`${KEY}.2`]: '' })],
      ['a piece cut short', (e) => ({ ...e, [`${KEY}.1`]: e[`${KEY}.1`]!.slice(0, -3) })],
      ['a piece of another write', (e) => ({ ...e, [`${KEY}.0`]: `zzz|${e[`${KEY}.0`]!.split('|')[1]}` })],
      ['a head that is not JSON', (e) => ({ ...e, [KEY]: `${e[KEY]}garbage` })],
      ['a head of another shape', (e) => ({ ...e, [KEY]: JSON.stringify({ n: 3, text: 'x' }) })],
      [
        'a head that names fewer pieces',
        (e) => ({ ...e, [KEY]: JSON.stringify({ ...JSON.parse(e[KEY]!), chunks: 2 }) }),
      ],
      [
        'pieces of two writes (the head of the second, a piece of the first)',
        (e) => ({ ...chunkedValues(KEY, LARGE.replace(/x/g, 'y')), [`${KEY}.3`]: e[`${KEY}.3`]! }),
      ],
    ];
    test.each(torn)('%s', (_name, damage) => {
      const entries = chunkedValues(KEY, LARGE);
      expect(readChunked((k) => entries[k], KEY)).toMatchObject({ kind: 'ok', text: LARGE });
      const damaged = damage(entries);
      expect(readChunked((k) => damaged[k], KEY)).toEqual({ kind: 'corrupt' });
    });

    test('and rewriting it makes it whole again', () => {
      const props = properties();
      writeChunked(props, KEY, LARGE);
      props.store.set(`${KEY}.1`, 'garbage');
      expect(readChunkedFrom(props, KEY)).toEqual({ kind: 'corrupt' });
      writeChunked(props, KEY, LARGE, { previous: props.store.entries() });
      expect(readChunkedFrom(props, KEY)).toMatchObject({ kind: 'ok', text: LARGE });
    });
  });
});

describe('splitUtf8', () => {
  test('pieces within the byte limit that join back, never splitting a surrogate pair', () => {
    const pieces = splitUtf8(LARGE, 1_000);
    expect(pieces.join('')).toBe(LARGE);
    for (const piece of pieces) {
      expect(utf8Bytes(piece)).toBeLessThanOrEqual(1_000);
      expect(utf8Bytes(piece)).toBe(Buffer.byteLength(piece, 'utf8'));
    }
  });

  test('as full as the limit allows: ASCII runs cut at once, other characters measured, pairs kept whole', () => {
    // Long ASCII stretches (cut without measuring each unit) around the odd wider character.
    const mixed = Array.from(
      { length: 300 },
      (_, i) => `${'a'.repeat(40 + (i % 13))}${['é', '€', '😀', ''][i % 4]}`,
    ).join('');
    for (const text of [mixed, 'x'.repeat(5_000), `${'y'.repeat(999)}😀z`, '']) {
      const pieces = splitUtf8(text, 1_000);
      expect(pieces.join('')).toBe(text);
      pieces.forEach((piece, i) => {
        expect(utf8Bytes(piece)).toBe(Buffer.byteLength(piece, 'utf8'));
        expect(utf8Bytes(piece)).toBeLessThanOrEqual(1_000);
        // Greedy: the next piece's first character would not have fitted.
        const next = pieces[i + 1];
        if (next)
          expect(
            utf8Bytes(piece) + Buffer.byteLength(String.fromCodePoint(next.codePointAt(0)!)),
          ).toBeGreaterThan(1_000);
      });
    }
    expect(splitUtf8('', 1_000)).toEqual(['']);
    expect(splitUtf8(`${'y'.repeat(999)}😀z`, 1_000)).toEqual(['y'.repeat(999), '😀z']);
  });
});
