import { NumberSet } from '../../../src/core/number-set';

test('a set counts the numbers it holds, through encoding and back', () => {
  const set = NumberSet.empty();
  for (const n of [1, 6, 7, 64, 100_000, 7, 0, -3, 2.5]) set.add(n);
  expect(set.size()).toBe(5);
  const again = NumberSet.decode(set.encode());
  expect(again?.size()).toBe(5);
  expect([1, 6, 7, 64, 100_000].every((n) => again?.has(n))).toBe(true);
  expect(again?.has(2)).toBe(false);
  expect(NumberSet.empty().size()).toBe(0);
});
