import { parseFormGrants, planFormSharing } from '../../../src/core/access-grants';

test('adds missing administrators and records every administrator as granted by the role', () => {
  const plan = planFormSharing(
    ['Ada@Example.com', 'bo@example.com'],
    ['owner@example.com', 'bo@example.com'],
    [],
    [],
  );
  expect(plan.add).toEqual(['ada@example.com']);
  expect(plan.remove).toEqual([]);
  expect(plan.granted).toEqual(['ada@example.com', 'bo@example.com']);
});

test('takes off only recorded editors who left the role, never the kept accounts', () => {
  const plan = planFormSharing(
    ['bo@example.com'],
    ['owner@example.com', 'ada@example.com', 'hand@example.com', 'bo@example.com'],
    ['ada@example.com', 'owner@example.com', 'gone@example.com'],
    ['OWNER@example.com'],
  );
  // hand@ was never recorded; gone@ is no longer an editor; the owner is kept.
  expect(plan.remove).toEqual(['ada@example.com']);
  expect(plan.granted).toEqual(['bo@example.com']);
});

test('a record that is not a map of lists reads as none', () => {
  expect(parseFormGrants(null)).toEqual({});
  expect(parseFormGrants('not json')).toEqual({});
  expect(parseFormGrants('["a"]')).toEqual({});
  expect(parseFormGrants('{"f1":["a@x",3],"f2":"b"}')).toEqual({ f1: ['a@x'] });
});
