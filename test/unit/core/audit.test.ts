import { createHash } from 'node:crypto';
import {
  GENESIS_HASH,
  canonicalContent,
  canonicalTimestamp,
  chainHash,
  changeLogRows,
  sha256Hex,
  verifyChain,
  type LogAction,
  type UnhashedEntry,
} from '../../../src/core/audit';
import { entriesOfRows, LOG_COLUMN, toActions } from '../../../src/core/change-log-row';
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

/** The action (row content) one entry makes. */
const actionOf = (e: UnhashedEntry): LogAction => {
  const [action] = toActions([e]);
  if (!action) throw new Error('no action');
  return action;
};
const H = LOG_COLUMN.hash;
const C = LOG_COLUMN.changes;

describe('canonical content and chaining', () => {
  it('serializes the row as JSON with the timestamp cut to seconds', () => {
    expect(canonicalTimestamp(new Date('2026-03-06T10:00:05.999Z'))).toBe('2026-03-06T10:00:05.000Z');
    expect(canonicalContent(actionOf(entry(5)))).toBe(
      '["2026-03-06T10:00:05.000Z","tom@example.com","sheet edit","REQ-000005","Status: Assigned → In Progress"]',
    );
  });
  it('is exactly JSON.stringify of the five values, whatever the text', () => {
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
      const action: LogAction = {
        at: new Date(Date.UTC(2026, 2, 6, 10, 0, 3)),
        user: t,
        source: 'sheet edit',
        recordId: t,
        changes: t,
      };
      expect(canonicalContent(action)).toBe(
        JSON.stringify(['2026-03-06T10:00:03.000Z', t, 'sheet edit', t, t]),
      );
    }
  });
  it('hashes previous hash + content', () => {
    const a = actionOf(entry(1));
    expect(chainHash(GENESIS_HASH, a)).toBe(nodeSha(GENESIS_HASH + canonicalContent(a)));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('changeLogRows and verifyChain', () => {
  it('builds one row per action, in CHANGE_LOG_HEADERS order, that verifies', () => {
    const { rows, actions, lastHash } = changeLogRows(GENESIS_HASH, [
      entry(1),
      entry(2, { field: 'Results', oldValue: '', newValue: '=HACK()' }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(CHANGE_LOG_HEADERS.length);
    expect(rows[0]?.[LOG_COLUMN.at]).toEqual(new Date('2026-03-06T10:00:01.000Z'));
    expect(rows[1]?.[C]).toBe('Results: "" → =HACK()');
    expect(rows[0]?.[H]).toBe(asCellText(actions[0]?.hash ?? '').cell);
    expect(actions[0]?.hash).toBe(chainHash(GENESIS_HASH, actions[0] as LogAction));
    expect(lastHash).toBe(actions[1]?.hash);
    expect(verifyChain(readBack(rows))).toEqual({ ok: true, rows: 2, lastHash });
  });
  it('puts the entries of one action (same second, user, source, record) on one row', () => {
    const at = new Date(Date.UTC(2026, 2, 6, 10, 0, 7, 10));
    const sameAction = (field: string, oldValue: string, newValue: string): UnhashedEntry =>
      entry(7, { at, field, oldValue, newValue, source: 'sidebar', user: 'sue@example.com' });
    const { rows } = changeLogRows(GENESIS_HASH, [
      sameAction('Status', 'Submitted', 'Approved'),
      { ...sameAction('Priority', '', 'P3 Routine'), at: new Date(at.getTime() + 500) },
      sameAction('Status', 'Approved', 'Assigned'),
      entry(7, { at, recordId: 'REQ-000008' }),
      entry(7, { at, recordId: 'REQ-000008', user: 'other@example.com' }),
    ]);
    expect(rows.map((r) => r[C])).toEqual([
      'Status: Submitted → Approved\nPriority: "" → P3 Routine\nStatus: Approved → Assigned',
      'Status: Assigned → In Progress',
      'Status: Assigned → In Progress',
    ]);
    expect(entriesOfRows(readBack(rows)).map((e) => [e.recordId, e.user, e.field, e.newValue])).toEqual([
      ['REQ-000007', 'sue@example.com', 'Status', 'Approved'],
      ['REQ-000007', 'sue@example.com', 'Priority', 'P3 Routine'],
      ['REQ-000007', 'sue@example.com', 'Status', 'Assigned'],
      ['REQ-000008', 'tom@example.com', 'Status', 'In Progress'],
      ['REQ-000008', 'other@example.com', 'Status', 'In Progress'],
    ]);
  });
  it('reads back exactly the values logged, however they are written', () => {
    const values = [
      '',
      ' padded ',
      'a → b',
      'key: value',
      '"quoted"',
      'two\nlines',
      'tab\tinside',
      '=SUM(A1)',
      '→',
      'ends with:',
      'x'.repeat(300),
    ];
    const entries = values.map((v, i) =>
      entry(1, { field: i % 2 ? `Field ${i}` : 'Status: odd', oldValue: v, newValue: v }),
    );
    const read = entriesOfRows(readBack(changeLogRows(GENESIS_HASH, entries).rows));
    expect(read.map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      entries.map((e) => [e.field, e.oldValue, e.newValue]),
    );
  });
  it('hashes what the cells will hold after cleaning, and keeps a huge change within one cell', () => {
    const big = 'x'.repeat(40_000);
    const { rows, actions } = changeLogRows(GENESIS_HASH, [
      entry(1, { field: 'Results', oldValue: 'a\u0000b', newValue: 'c\u0000d' }),
      entry(2, { field: 'Results', oldValue: big, newValue: `${big}y` }),
    ]);
    expect(actions[0]?.changes).toBe('Results: ab → cd');
    expect(rows).toHaveLength(2);
    const cell = String(rows[1]?.[C]);
    expect(cell.length).toBeLessThanOrEqual(50_000);
    // The old value is the one cut (the row that set it holds it whole); the new one is kept.
    const [line] = entriesOfRows(readBack(rows)).slice(1);
    expect(line?.newValue === `${big}y`).toBe(true);
    expect(line?.oldValue.slice(-45)).toMatch(/… \[truncated: 40,000 characters received\]$/);
    expect(verifyChain(readBack(rows)).ok).toBe(true);
  });
  it('splits an action whose changes exceed one cell over several rows', () => {
    const at = new Date(Date.UTC(2026, 2, 6, 10, 0, 9));
    const half = 'y'.repeat(30_000);
    const { rows } = changeLogRows(GENESIS_HASH, [
      entry(9, { at, field: 'Results', oldValue: '', newValue: half }),
      entry(9, { at, field: 'Actions Taken', oldValue: '', newValue: half }),
    ]);
    expect(rows).toHaveLength(2);
    expect(entriesOfRows(readBack(rows)).map((e) => [e.field, e.newValue.length])).toEqual([
      ['Results', 30_000],
      ['Actions Taken', 30_000],
    ]);
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
    (edited[2] as unknown[])[C] = 'Status: Assigned → Completed';
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
    const blank = new Array<string>(CHANGE_LOG_HEADERS.length).fill('');
    expect(verifyChain([...rows, blank, []])).toMatchObject({ ok: true, rows: 2 });
    expect(verifyChain([rows[0] as unknown[], blank, rows[1] as unknown[]])).toMatchObject({
      ok: false,
      firstBrokenRow: 2,
    });
    const badTime = [[...(rows[0] as unknown[])]];
    (badTime[0] as unknown[])[LOG_COLUMN.at] = 'yesterday';
    expect(verifyChain(badTime)).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1: "yesterday" is not a timestamp',
    });
    const badSource = [[...(rows[0] as unknown[])]];
    (badSource[0] as unknown[])[LOG_COLUMN.source] = 'magic';
    expect(verifyChain(badSource)).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1: "magic" is not a change source',
    });
    expect(verifyChain([['x']])).toEqual({
      ok: false,
      firstBrokenRow: 1,
      reason: 'row 1 has 1 columns; the change log has 6',
    });
    expect(verifyChain([])).toEqual({ ok: true, rows: 0, lastHash: GENESIS_HASH });
  });
  it('accepts ISO timestamps and upper-case hashes', () => {
    const rows = readBack(changeLogRows(GENESIS_HASH, [entry(1)]).rows);
    const row = [...(rows[0] as unknown[])];
    row[LOG_COLUMN.at] = (row[LOG_COLUMN.at] as Date).toISOString();
    row[H] = String(row[H]).toUpperCase();
    expect(verifyChain([row]).ok).toBe(true);
  });
  // How fast a million rows verify is printed by the benchmark, not asserted here.
  it('verifies a long chain and names its last hash', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) =>
      entry(i, { at: new Date(Date.UTC(2026, 0, 1) + i * 1000), recordId: `REQ-${i}` }),
    );
    const { rows, lastHash } = changeLogRows(GENESIS_HASH, entries);
    expect(verifyChain(readBack(rows))).toEqual({ ok: true, rows: 20_000, lastHash });
  });
});
