import { createHash } from 'node:crypto';
import {
  GENESIS_HASH,
  canonicalContent,
  canonicalTimestamp,
  chainHash,
  changeLogRows,
  sha256Hex,
  verifyChain,
  type UnhashedEntry,
} from '../../../src/core/audit';
import { CHANGE_LOG_HEADERS } from '../../../src/core/model';
import { asCellText } from '../../../src/core/sanitize';

/** What Sheets gives back for rows written with setValues: text without its leading apostrophe. */
const readBack = (rows: unknown[][]): unknown[][] =>
  rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));

const nodeSha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex(
        'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });
  it('hashes the UTF-8 encoding of multi-byte text', () => {
    // "é" is C3 A9 in UTF-8; SHA-256 of those two bytes:
    expect(sha256Hex('é')).toBe(nodeSha('é'));
    const long = 'Ünïcödé 日本語 😀 العربية '.repeat(5_000);
    expect(sha256Hex(long)).toBe(nodeSha(long));
  });
  it('encodes lone surrogates as U+FFFD like TextEncoder', () => {
    expect(sha256Hex('a\ud800b')).toBe(nodeSha('a\ufffdb'));
    expect(sha256Hex('\udc00')).toBe(nodeSha('\ufffd'));
    expect(sha256Hex('x\ud83d')).toBe(nodeSha('x\ufffd'));
  });
  it('hashes two parts as their concatenation', () => {
    expect(sha256Hex('ab', 'c')).toBe(sha256Hex('abc'));
    const a = 'é'.repeat(3000);
    const b = '😀'.repeat(3000);
    expect(sha256Hex(a, b)).toBe(nodeSha(a + b));
  });
  it('is right at every padding boundary length', () => {
    for (let n = 0; n < 200; n++) {
      const s = 'ab€'.repeat(n).slice(0, n);
      expect(sha256Hex(s)).toBe(nodeSha(s));
    }
  });
});

const entry = (i: number, extra: Partial<UnhashedEntry> = {}): UnhashedEntry => ({
  at: new Date(Date.UTC(2026, 2, 6, 10, 0, i % 60, 123)),
  user: 'tom@example.com',
  source: 'sheet edit',
  recordId: `REQ-${String(i).padStart(6, '0')}`,
  field: 'Status',
  oldValue: 'Assigned',
  newValue: 'In Progress',
  ...extra,
});

describe('canonical content and chaining', () => {
  it('serializes the row as JSON with the timestamp cut to seconds', () => {
    expect(canonicalTimestamp(new Date('2026-03-06T10:00:05.999Z'))).toBe('2026-03-06T10:00:05.000Z');
    expect(canonicalContent(entry(5))).toBe(
      '["2026-03-06T10:00:05.000Z","tom@example.com","sheet edit","REQ-000005","Status","Assigned","In Progress"]',
    );
  });
  it('is exactly JSON.stringify of the seven values, whatever the text', () => {
    const tricky = [
      'plain',
      'a "quote"',
      'back\\slash',
      'tab\tnew\nline\u0000',
      'lone \ud800',
      'emoji 😀',
      '\u2028\u2029',
      '\u007f',
    ];
    for (const t of tricky) {
      const e = entry(3, { user: t, recordId: t, field: t, oldValue: t, newValue: t });
      expect(canonicalContent(e)).toBe(
        JSON.stringify(['2026-03-06T10:00:03.000Z', t, 'sheet edit', t, t, t, t]),
      );
    }
  });
  it('hashes previous hash + content', () => {
    const e = entry(1);
    expect(chainHash(GENESIS_HASH, e)).toBe(nodeSha(GENESIS_HASH + canonicalContent(e)));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('changeLogRows and verifyChain', () => {
  it('builds rows in CHANGE_LOG_HEADERS order that verify', () => {
    const { rows, entries, lastHash } = changeLogRows(GENESIS_HASH, [
      entry(1),
      entry(2, { newValue: '=HACK()' }),
    ]);
    expect(rows[0]).toHaveLength(CHANGE_LOG_HEADERS.length);
    expect(rows[0]?.[0]).toEqual(new Date('2026-03-06T10:00:01.000Z'));
    expect(rows[1]?.[6]).toBe("'=HACK()");
    expect(rows[0]?.[7]).toBe(asCellText(entries[0]?.hash ?? '').cell);
    expect(entries[1]?.newValue).toBe('=HACK()');
    expect(entries[0]?.hash).toBe(chainHash(GENESIS_HASH, entries[0] as UnhashedEntry));
    expect(lastHash).toBe(entries[1]?.hash);
    // As read back from the sheet: the apostrophe is gone.
    const readBack = rows.map((r) =>
      r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
    );
    expect(verifyChain(readBack)).toEqual({ ok: true, rows: 2, lastHash });
  });
  it('hashes what the cells will hold after cleaning and truncation', () => {
    const big = 'x'.repeat(60_000);
    const { rows, entries } = changeLogRows(GENESIS_HASH, [
      entry(1, { oldValue: 'a\u0000b', newValue: big }),
    ]);
    expect(entries[0]?.oldValue).toBe('ab');
    expect((entries[0]?.newValue ?? '').length).toBe(50_000);
    expect(verifyChain(readBack(rows)).ok).toBe(true);
  });
  it('chains batches and verifies in chunks', () => {
    const a = changeLogRows(GENESIS_HASH, [entry(1), entry(2)]);
    const b = changeLogRows(a.lastHash, [entry(3)]);
    expect(verifyChain(readBack([...a.rows, ...b.rows])).ok).toBe(true);
    expect(verifyChain(readBack(b.rows), { previousHash: a.lastHash, firstRowNumber: 3 })).toEqual({
      ok: true,
      rows: 1,
      lastHash: b.lastHash,
    });
  });
  it('finds the first edited, deleted, inserted or reordered row', () => {
    const rows = readBack(
      changeLogRows(
        GENESIS_HASH,
        [1, 2, 3, 4, 5].map((i) => entry(i)),
      ).rows,
    );
    const edited = rows.map((r) => [...r]);
    (edited[2] as unknown[])[6] = 'Completed';
    expect(verifyChain(edited)).toMatchObject({ ok: false, firstBrokenRow: 3 });
    expect(verifyChain([rows[0], rows[1], rows[3], rows[4]] as unknown[][])).toMatchObject({
      ok: false,
      firstBrokenRow: 3,
    });
    expect(verifyChain([rows[1], rows[0]] as unknown[][])).toMatchObject({ ok: false, firstBrokenRow: 1 });
    const result = verifyChain(edited);
    if (!result.ok) expect(result.reason).toContain('hash does not match');
  });
  it('rejects malformed rows with a reason and ignores trailing blank rows', () => {
    const rows = readBack(changeLogRows(GENESIS_HASH, [entry(1), entry(2)]).rows);
    expect(verifyChain([...rows, ['', '', '', '', '', '', '', ''], []])).toMatchObject({ ok: true, rows: 2 });
    expect(
      verifyChain([rows[0] as unknown[], ['', '', '', '', '', '', '', ''], rows[1] as unknown[]]),
    ).toMatchObject({
      ok: false,
      firstBrokenRow: 2,
    });
    const badTime = [[...(rows[0] as unknown[])]];
    (badTime[0] as unknown[])[0] = 'yesterday';
    expect(verifyChain(badTime)).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1: "yesterday" is not a timestamp',
    });
    const badSource = [[...(rows[0] as unknown[])]];
    (badSource[0] as unknown[])[2] = 'magic';
    expect(verifyChain(badSource)).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1: "magic" is not a change source',
    });
    expect(verifyChain([['x']])).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1 has 1 columns; the change log has 8',
    });
    expect(verifyChain([])).toEqual({ ok: true, rows: 0, lastHash: GENESIS_HASH });
  });
  it('accepts ISO timestamps and upper-case hashes', () => {
    const rows = readBack(changeLogRows(GENESIS_HASH, [entry(1)]).rows);
    const row = [...(rows[0] as unknown[])];
    row[0] = (row[0] as Date).toISOString();
    row[7] = String(row[7]).toUpperCase();
    expect(verifyChain([row]).ok).toBe(true);
  });
  // How fast a million rows verify is printed by the benchmark, not asserted here.
  it('verifies a long chain and names its last hash', () => {
    const rows: unknown[][] = new Array<unknown[]>(20_000);
    let prev = GENESIS_HASH;
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < rows.length; i++) {
      const e = entry(i, { at: new Date(base + i * 1000), recordId: `REQ-${i}` });
      prev = chainHash(prev, e);
      rows[i] = [e.at, e.user, e.source, e.recordId, e.field, e.oldValue, e.newValue, prev];
    }
    expect(verifyChain(rows)).toEqual({ ok: true, rows: 20_000, lastHash: prev });
  });
});
