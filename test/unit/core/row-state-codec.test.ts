/**
 * The compact Last Known State text: every value comes back exactly, text that would break the
 * format is escaped, the budget is kept by printing text (never dates, the status or the id), and
 * anything this format did not write is refused.
 */
import { emptyWorkOrder, type WorkOrder, type WorkOrderField } from '../../../src/core/model';
import {
  COMPACT_PREFIX,
  PRINT_CHARS,
  ROW_STATE_BUDGET,
  SEAL_CHARS,
  SEALED_PREFIX,
  type Sealer,
  decodeCompactState,
  encodeCompactState,
  utf8Bytes,
  withNotedMask,
} from '../../../src/core/row-state-codec';

const print = (field: WorkOrderField, text: string): string =>
  `${field.length % 10}${text.length % 10}${'abcdefghij'[text.length % 10]}`.slice(0, PRINT_CHARS);

function order(extra: Partial<WorkOrder> = {}): WorkOrder {
  const requestedAt = new Date(Date.UTC(2026, 2, 1, 8, 30, 15));
  return {
    ...emptyWorkOrder(),
    id: 'REQ-000042',
    status: 'On Hold',
    priority: 'P2 High',
    category: 'Plumbing | Drains',
    assignee: 'tina.tech@example.com',
    requestedAt,
    // Before the request: a relative date may be negative.
    due: new Date(requestedAt.getTime() - 90_000),
    heldSince: new Date(requestedAt.getTime() + 3_600_123),
    heldHours: 2.5,
    notes: '#1 50% done',
    revision: 7,
    ...extra,
  };
}

test('a state within the budget keeps every value exactly, escaped text and dates included', () => {
  const text = encodeCompactState({ order: order(), noted: ['status', 'notes'], print });
  expect(text.startsWith(COMPACT_PREFIX)).toBe(true);
  expect(utf8Bytes(text)).toBeLessThanOrEqual(ROW_STATE_BUDGET);
  const state = decodeCompactState(text);
  expect(state?.prints).toEqual({});
  expect(state?.order).toEqual(order());
  expect(state?.revision).toBe(7);
  expect(state?.noted.sort()).toEqual(['notes', 'status']);
});

test('over the budget, long texts become prints (the fields people type into last); dates never do', () => {
  const long = 'Water leaking through the ceiling of the second-floor corridor near the lifts. ';
  const big = order({
    description: long.repeat(3),
    requesterEmail: 'someone.with.a.long.name@example.org',
    requesterName: 'Someone With A Long Name',
    location: 'North wing, second floor',
    responseRef: 'Form Responses 1!A1234',
    decidedBy: 'sam.supervisor@example.com',
    decidedAt: new Date(Date.UTC(2026, 2, 2)),
  });
  const text = encodeCompactState({ order: big, noted: [], print });
  expect(utf8Bytes(text)).toBeLessThanOrEqual(ROW_STATE_BUDGET);
  const state = decodeCompactState(text);
  expect(Object.keys(state?.prints ?? {})).toContain('description');
  expect(state?.prints.assignee).toBeUndefined();
  expect(state?.order.status).toBe('On Hold');
  expect(state?.order.decidedAt).toEqual(big.decidedAt);
  expect(state?.order.assignee).toBe(big.assignee);
  expect(state?.order.description).toBe('');
});

test('with no key, nothing is printed (the record is kept whole, over the budget)', () => {
  const big = order({ description: 'x'.repeat(400) });
  const text = encodeCompactState({ order: big, noted: [], print: null });
  expect(utf8Bytes(text)).toBeGreaterThan(ROW_STATE_BUDGET);
  expect(decodeCompactState(text)?.order).toEqual(big);
});

test('an empty field before a print, a carried print and an unusual id come back as they were', () => {
  const o = order({ id: 'IMPORTED-7', asset: '', description: 'd'.repeat(300) });
  const carried = (field: WorkOrderField): string | undefined => (field === 'urgency' ? 'zzz' : undefined);
  const state = decodeCompactState(encodeCompactState({ order: o, noted: [], print, carried }));
  expect(state?.order.id).toBe('IMPORTED-7');
  expect(state?.order.asset).toBe('');
  expect(state?.prints.urgency).toBe('zzz');
  expect(state?.prints.description).toBeDefined();
});

test.each([
  ['JSON', '{"v":1}'],
  ['no prefix', '3||2a|6'],
  ['a status out of range', 'W|3||2a||9'],
  ['a print of the wrong length', 'W|3||2a||4#ab'],
  ['a bad date', 'W|3||2a||4||||!!'],
  ['more slots than fields', `W|3||2a||4${'|x'.repeat(40)}`],
])('refuses what it did not write: %s', (_what, cell) => {
  expect(decodeCompactState(cell)).toBeNull();
});

test('the smallest valid record reads (so the refusals above are for their own reason)', () => {
  expect(decodeCompactState('W|3||2a||4')?.order).toMatchObject({ id: 'REQ-000082', status: 'In Progress' });
});

test('a record given another set of noted fields keeps every value and print, within the budget', () => {
  const long = order({
    description: 'A long description of the fault. '.repeat(5),
    results: 'Fixed it. '.repeat(6),
  });
  const text = encodeCompactState({ order: long, noted: ['status'], print });
  const renoted = withNotedMask(text, ['notes', 'results']) as string;
  const before = decodeCompactState(text);
  const after = decodeCompactState(renoted);
  expect(after?.noted).toEqual(['notes', 'results']);
  expect(after?.order).toEqual(before?.order);
  expect(after?.prints).toEqual(before?.prints);
  expect(withNotedMask(renoted, [])).toBe(encodeCompactState({ order: long, noted: [], print }));
  // A record already at the budget refuses a longer mask (the caller encodes the row again), and a
  // text that is no compact record is refused.
  const full = `${text}${'x'.repeat(ROW_STATE_BUDGET - utf8Bytes(text))}`;
  expect(utf8Bytes(full)).toBe(ROW_STATE_BUDGET);
  expect(withNotedMask(full, ['notes', 'results', 'reason'])).toBeNull();
  expect(withNotedMask('{"v":1}', ['notes'])).toBeNull();
  expect(withNotedMask(`${COMPACT_PREFIX}3`, ['notes'])).toBeNull();
});

test('whether the Reason was typed for a next step is kept, and kept through a new noted mask', () => {
  const text = encodeCompactState({ order: order(), noted: ['status'], print, reasonRenewed: true });
  expect(decodeCompactState(text)).toMatchObject({ noted: ['status'], reasonRenewed: true });
  const renoted = withNotedMask(text, ['reason']);
  expect(decodeCompactState(renoted!)).toMatchObject({ noted: ['reason'], reasonRenewed: true });
  const plain = encodeCompactState({ order: order(), noted: ['status'], print });
  expect(decodeCompactState(plain)?.reasonRenewed).toBe(false);
});

/** A stand-in sealer (the adapter's is keyed): the body's length and first characters, padded. */
const seal: Sealer = (body) =>
  `${body.length.toString(36)}${body.replace(/[^A-Za-z0-9]/g, '')}xxxxxxxx`.slice(0, SEAL_CHARS);

test('a sealed record carries the seal of its body, and reads back with it for the caller to check', () => {
  const bodies: string[] = [];
  const text = encodeCompactState({
    order: order(),
    noted: ['notes'],
    print,
    seal: (body) => {
      bodies.push(body);
      return seal(body);
    },
  });
  expect(text.startsWith(SEALED_PREFIX)).toBe(true);
  const body = text.slice(SEALED_PREFIX.length + SEAL_CHARS);
  expect(bodies).toEqual([body]);
  expect(text.slice(SEALED_PREFIX.length, SEALED_PREFIX.length + SEAL_CHARS)).toBe(seal(body));
  // The body is an unsealed record's, prefix aside: only the prefix tells the two kinds apart.
  expect(`${COMPACT_PREFIX}${body}`).toBe(encodeCompactState({ order: order(), noted: ['notes'], print }));
  const state = decodeCompactState(text);
  expect(state?.order).toEqual(order());
  expect(state?.seal).toEqual({ mac: seal(body), body });
  expect(decodeCompactState(`${COMPACT_PREFIX}${body}`)?.seal).toBeNull();
  // A seal of the wrong width or alphabet is no record.
  expect(decodeCompactState(`${SEALED_PREFIX}abc${body}`)).toBeNull();
  expect(decodeCompactState(`${SEALED_PREFIX}abc|efgh${body}`)).toBeNull();
});

test("a seal's bytes come out of the budget: more text is printed, the record stays within it", () => {
  const big = order({
    description: 'Water leaking through the ceiling of the second-floor corridor. '.repeat(3),
    requesterEmail: 'someone.with.a.long.name@example.org',
    requesterName: 'Someone With A Long Name',
    location: 'North wing, second floor',
    responseRef: 'Form Responses 1!A1234',
    decidedBy: 'sam.supervisor@example.com',
    decidedAt: new Date(Date.UTC(2026, 2, 2)),
  });
  const unsealed = encodeCompactState({ order: big, noted: [], print });
  const sealed = encodeCompactState({ order: big, noted: [], print, seal });
  expect(utf8Bytes(sealed)).toBeLessThanOrEqual(ROW_STATE_BUDGET);
  const printed = (text: string): number => Object.keys(decodeCompactState(text)?.prints ?? {}).length;
  expect(printed(sealed)).toBeGreaterThanOrEqual(printed(unsealed));
  expect(decodeCompactState(sealed)?.order.assignee).toBe(big.assignee);
});

test('a sealed record given another noted mask is sealed again; without a sealer it is not rewritten', () => {
  const text = encodeCompactState({ order: order(), noted: ['notes'], print, seal });
  const renoted = withNotedMask(text, ['results'], seal) as string;
  expect(renoted).toBe(encodeCompactState({ order: order(), noted: ['results'], print, seal }));
  expect(decodeCompactState(renoted)?.noted).toEqual(['results']);
  expect(withNotedMask(text, ['results'])).toBeNull();
  // An unsealed record is encoded again (sealed) by the caller when a sealer is at hand.
  const old = encodeCompactState({ order: order(), noted: ['notes'], print });
  expect(withNotedMask(old, ['results'], seal)).toBeNull();
  expect(withNotedMask(old, ['results'])).toBe(
    encodeCompactState({ order: order(), noted: ['results'], print }),
  );
});
