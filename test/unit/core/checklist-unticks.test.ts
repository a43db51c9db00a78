import { parseUnticked, untickedText, UNTICKS_KEPT } from '../../../src/core/checklist-unticks';

test('an untick is added, a tick again takes it out, and the list reads back as written', () => {
  const one = parseUnticked(untickedText(new Map(), [{ id: 'REQ-000001', number: 2, at: 100 }]));
  expect([...one]).toEqual([['REQ-000001', new Map([[2, 100]])]]);
  const two = parseUnticked(
    untickedText(one, [
      { id: 'REQ-000001', number: 3, at: 200 },
      { id: 'REQ-000001', number: 2, at: null },
    ]),
  );
  expect([...two]).toEqual([['REQ-000001', new Map([[3, 200]])]]);
});

test(`beyond ${UNTICKS_KEPT} items the oldest untick goes first`, () => {
  const changes = Array.from({ length: UNTICKS_KEPT + 2 }, (_, i) => ({ id: `REQ-${i}`, number: 1, at: i }));
  const kept = parseUnticked(untickedText(new Map(), changes));
  expect(kept.size).toBe(UNTICKS_KEPT);
  expect(kept.has('REQ-0')).toBe(false);
  expect(kept.has('REQ-1')).toBe(false);
  expect(kept.get(`REQ-${UNTICKS_KEPT + 1}`)?.get(1)).toBe(UNTICKS_KEPT + 1);
});

test('anything unreadable in the stored text is left out, never thrown on', () => {
  expect(parseUnticked(null).size).toBe(0);
  expect(parseUnticked('not json').size).toBe(0);
  expect(parseUnticked('[1,2]').size).toBe(0);
  const parsed = parseUnticked(JSON.stringify({ a: { 1: 5, x: 6, 0: 7, 2: 'late' }, b: 3, c: { 4: 8 } }));
  expect([...parsed]).toEqual([
    ['a', new Map([[1, 5]])],
    ['c', new Map([[4, 8]])],
  ]);
});
