/**
 * The review queue's pure parts (src/server/adapters/review-queue-entries.ts and -codec.ts):
 * summaries, the watermark of appended rows, and packing into Document Properties values.
 */
import { CHUNK_BYTES, splitUtf8 } from '../../../src/server/adapters/chunked-property';
import {
  changesQueue,
  decodeIndex,
  encodeIndex,
  fitToBudget,
  utf8Bytes,
} from '../../../src/server/adapters/review-queue-codec';
import {
  advanceWatermark,
  applyOrder,
  emptyIndex,
  loadByAssignee,
  preview,
} from '../../../src/server/adapters/review-queue-entries';
import { STATUSES } from '../../../src/core/model';
import { makeOrder } from './fixtures';

describe('preview', () => {
  test('short text stays whole, on one line', () => {
    expect(preview('  two\nlines\t here ', 160)).toEqual({ text: 'two lines here', cut: false });
  });
  test('long text is cut with an ellipsis, never inside a surrogate pair', () => {
    expect(preview('a😀😀😀😀', 4)).toEqual({ text: 'a😀…', cut: true });
    // Cutting after three code units would split the emoji: it is left out whole.
    expect(preview('ab😀😀😀', 4)).toEqual({ text: 'ab…', cut: true });
    expect(preview('😀😀😀😀', 4)).toEqual({ text: '😀…', cut: true });
  });
  test('a zero limit keeps nothing and says so', () => {
    expect(preview('abc', 0)).toEqual({ text: '', cut: true });
  });
});

describe('splitUtf8', () => {
  test('pieces join back to the text and each fits the byte limit', () => {
    const text = 'aé€😀'.repeat(500);
    const pieces = splitUtf8(text, 100);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(100);
      // No piece starts with a low surrogate (a pair split in two).
      expect(p.charCodeAt(0) >= 0xdc00 && p.charCodeAt(0) <= 0xdfff).toBe(false);
    }
  });
  test('utf8Bytes agrees with Node', () => {
    const text = 'aé€😀\u0000';
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
  test('an empty text is one empty piece', () => {
    expect(splitUtf8('', CHUNK_BYTES)).toEqual(['']);
  });
});

describe('the index', () => {
  test('orders enter and leave the queue and the loads by status', () => {
    const index = emptyIndex();
    applyOrder(index, 2, makeOrder(1));
    applyOrder(index, 3, makeOrder(2, { status: 'Assigned', assignee: 'T@example.com' }));
    applyOrder(index, 4, makeOrder(3, { status: 'Completed', assignee: 't@example.com' }));
    // Work in a technician's hands is listed too (its summary only).
    expect([...index.entries.keys()]).toEqual(['REQ-000001', 'REQ-000002', 'REQ-000003']);
    expect(index.entries.get('REQ-000002')).toMatchObject({ status: 'Assigned', revision: 0 });
    expect(loadByAssignee(index)).toEqual(new Map([['t@example.com', 1]]));
    applyOrder(index, 3, makeOrder(2, { status: 'Cancelled', assignee: 't@example.com' }));
    applyOrder(index, 2, makeOrder(1, { status: 'Rejected' }));
    expect([...index.entries.keys()]).toEqual(['REQ-000003']);
    expect(loadByAssignee(index).size).toBe(0);
  });

  test('encodes and decodes to the same index; anything else decodes to null', () => {
    const index = emptyIndex(10);
    index.maxSeq = 9;
    applyOrder(
      index,
      5,
      makeOrder(4, { description: 'x'.repeat(500), due: new Date('2026-02-01T00:00:00Z') }),
    );
    applyOrder(index, 6, makeOrder(5, { status: 'On Hold', assignee: 'a@example.com' }));
    const back = decodeIndex(encodeIndex(index));
    expect(back).toEqual(index);
    expect(back!.entries.get('REQ-000004')).toMatchObject({
      truncated: true,
      due: Date.parse('2026-02-01T00:00:00Z'),
    });
    expect(decodeIndex('{')).toBeNull();
    expect(decodeIndex('{"v":2}')).toBeNull();
    expect(decodeIndex(encodeIndex(index).replace('"S"', '"X"'))).toBeNull();
  });

  test('an entry is refused when any stored position is out of shape, and the whole index with it', () => {
    const index = emptyIndex(10);
    applyOrder(index, 5, makeOrder(4, { status: 'Assigned', assignee: 'a@example.com' }));
    const stored = JSON.parse(encodeIndex(index)) as { entries: unknown[][] };
    const tuple = stored.entries[0]!;
    const withEntry = (entry: unknown) => JSON.stringify({ ...stored, entries: [entry] });
    expect(decodeIndex(withEntry(tuple))).not.toBeNull();
    const at = (position: number, value: unknown) => tuple.map((v, i) => (i === position ? value : v));
    const spoiled: Array<[string, unknown]> = [
      ['empty id', at(0, '')],
      ['status not a code', at(1, 'X')],
      ['status an inherited name', at(1, 'toString')],
      ['negative revision', at(2, -1)],
      ['fractional revision', at(2, 1.5)],
      ['row 0', at(3, 0)],
      ['text as a number', at(4, 7)],
      ['time as text', at(12, '2026-01-01')],
      ['truncated as true', at(20, true)],
      ['one value short', tuple.slice(0, -1)],
      ['one value more', [...tuple, '']],
      ['not a tuple', { id: 'REQ-000004' }],
    ];
    for (const [what, entry] of spoiled) expect([what, decodeIndex(withEntry(entry))]).toEqual([what, null]);
  });

  test('the index is refused when its own fields are out of shape', () => {
    const index = emptyIndex(10);
    applyOrder(index, 4, makeOrder(3, { status: 'Assigned', assignee: 'a@example.com' }));
    const stored = JSON.parse(encodeIndex(index)) as Record<string, unknown>;
    expect(decodeIndex(JSON.stringify(stored))).toEqual(index);
    expect(decodeIndex(JSON.stringify({ ...stored, scan: 4 }))?.scanNext).toBe(4);
    const spoiled: Array<[string, unknown]> = [
      ['another version', { ...stored, v: 1 }],
      ['no watermark', { ...stored, lastRow: undefined }],
      ['watermark not a row', { ...stored, lastRow: 0 }],
      ['highest number negative', { ...stored, maxSeq: -1 }],
      ['highest number not whole', { ...stored, maxSeq: 1.5 }],
      ['build position above the header', { ...stored, scan: 1 }],
      ['build position not a number', { ...stored, scan: null }],
      ['entries not a list', { ...stored, entries: {} }],
      ['load not an object', { ...stored, load: [] }],
      ['load of a technician not a list', { ...stored, load: { 'a@example.com': 'REQ-000003' } }],
      ['load naming a number', { ...stored, load: { 'a@example.com': [3] } }],
      ['not an object', [stored]],
    ];
    for (const [what, value] of spoiled)
      expect([what, decodeIndex(JSON.stringify(value))]).toEqual([what, null]);
  });

  test('the watermark moves over contiguous appended rows only, and refuses rows behind it', () => {
    const index = emptyIndex(5);
    index.maxSeq = 4;
    expect(advanceWatermark(index, [{ row: 7, id: 'REQ-000006' }])).toBe(true);
    expect(index).toMatchObject({ lastRow: 5, maxSeq: 4 }); // row 6 is not indexed yet
    expect(advanceWatermark(index, [{ row: 6, id: 'REQ-000005' }])).toBe(true);
    expect(index).toMatchObject({ lastRow: 6, maxSeq: 5 });
    expect(advanceWatermark(index, [{ row: 6, id: 'REQ-000009' }])).toBe(false);
  });

  test('fitToBudget shortens previews until the index fits, and gives up on what cannot', () => {
    const index = emptyIndex();
    for (let i = 1; i <= 50; i++)
      applyOrder(index, i + 1, makeOrder(i, { description: 'd'.repeat(400), resources: 'r'.repeat(400) }));
    const full = utf8Bytes(encodeIndex(index));
    const json = fitToBudget(index, Math.floor(full * 0.6));
    expect(json).not.toBeNull();
    expect(utf8Bytes(json!)).toBeLessThanOrEqual(Math.floor(full * 0.6));
    const entry = decodeIndex(json!)!.entries.get('REQ-000001')!;
    expect(entry.description.length).toBeLessThan(160);
    expect(entry.truncated).toBe(true);
    expect(fitToBudget(index, 1000)).toBeNull();
  });
});

describe('changesQueue', () => {
  const ASSIGNEES = ['', 'tech@example.com', 'Tech@Example.com ', 'tech2@example.com'];

  test('says no only when applying the change leaves the stored index exactly as it was', () => {
    let unchanged = 0;
    for (const fromStatus of STATUSES)
      for (const toStatus of STATUSES)
        for (const fromAssignee of ASSIGNEES)
          for (const toAssignee of ASSIGNEES) {
            const before = makeOrder(7, { status: fromStatus, assignee: fromAssignee, revision: 3 });
            // Every accepted edit bumps the revision; here the results change too.
            const after = {
              ...before,
              status: toStatus,
              assignee: toAssignee,
              revision: 4,
              results: 'Fixed',
            };
            const index = emptyIndex(10);
            applyOrder(index, 8, makeOrder(1)); // another order, queued
            applyOrder(index, 8, before);
            const stored = encodeIndex(index);
            applyOrder(index, 8, after);
            const same = encodeIndex(index) === stored;
            if (!changesQueue(before, after)) {
              expect({ fromStatus, toStatus, fromAssignee, toAssignee, same }).toMatchObject({ same: true });
              unchanged++;
            }
          }
    // Out-of-queue changes that keep the load (Assigned → In Progress by the same technician…) exist.
    expect(unchanged).toBeGreaterThan(0);
  });

  test('a queued order, or one moving between loads, is a change', () => {
    const assigned = makeOrder(3, { status: 'Assigned', assignee: 'tech@example.com' });
    // Starting work moves it within the sidebar's lists; writing notes while in progress does not.
    expect(changesQueue(assigned, { ...assigned, status: 'In Progress' })).toBe(true);
    const started = { ...assigned, status: 'In Progress' as const, startedAt: new Date() };
    expect(
      changesQueue(started, { ...started, notes: 'Parts ordered', results: 'Half done', revision: 9 }),
    ).toBe(false);
    expect(changesQueue(assigned, { ...assigned, status: 'Completed' })).toBe(true);
    expect(changesQueue(assigned, { ...assigned, assignee: 'tech2@example.com' })).toBe(true);
    expect(changesQueue(assigned, { ...assigned, status: 'Closed' })).toBe(true);
    const completed = makeOrder(4, { status: 'Completed', assignee: 'tech@example.com' });
    expect(changesQueue(completed, { ...completed, results: 'Fixed', revision: 2 })).toBe(true);
  });
});
