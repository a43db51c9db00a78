import { composePersonalDigests } from '../../../src/core/digest';
import {
  afterForecast,
  emptyVolume,
  forecastDay,
  holdsOn,
  isDigestKind,
  observeVolume,
  parseVolume,
} from '../../../src/core/mail-forecast';

test('the quota is the most ever left; sent so far is what is missing from it', () => {
  let v = observeVolume(emptyVolume(), '2026-03-10', 0, 100);
  v = observeVolume(v, '2026-03-10', 9, 70);
  const f = forecastDay(v, 9, 70, { queued: 5 });
  expect(f).toMatchObject({ quota: 100, sentSoFar: 30, remaining: 70, queued: 5 });
});

test('with no earlier day, the rest of the day is projected at the pace since sending started', () => {
  let v = observeVolume(emptyVolume(), '2026-03-10', 0, 100);
  v = observeVolume(v, '2026-03-10', 8, 96);
  v = observeVolume(v, '2026-03-10', 9, 92);
  // 8 sent over hours 8–9 (4 an hour), 14 hours left: 56 more; 8 + 56 = 64.
  const f = forecastDay(v, 9, 92, { queued: 0 });
  expect(f).toMatchObject({ expectedRest: 56, projected: 64, over: false, historyDays: 0 });
});

test('with earlier days, the rest of the day is what they brought after this hour, on average', () => {
  let v = emptyVolume();
  // Two days: 20 by 09:00 then 80 in all; 40 by 09:00 then 100 in all.
  for (const [day, by9, total] of [
    ['2026-03-08', 20, 80],
    ['2026-03-09', 40, 100],
  ] as const) {
    v = observeVolume(v, day, 0, 100);
    v = observeVolume(v, day, 9, 100 - by9);
    v = observeVolume(v, day, 20, 100 - total);
  }
  v = observeVolume(v, '2026-03-10', 0, 100);
  v = observeVolume(v, '2026-03-10', 9, 50);
  const f = forecastDay(v, 9, 50, { queued: 10 });
  // Rest after 09:00: 60 and 60; 50 sent + 10 queued + 60 = 120, 20 over.
  expect(f).toMatchObject({ historyDays: 2, expectedRest: 60, projected: 120, deferred: 20, over: true });
  const first = afterForecast(v, '2026-03-10', f);
  expect(first.warn).toBe(true);
  expect(holdsOn(first.state, '2026-03-10')).toBe(true);
  expect(holdsOn(first.state, '2026-03-16')).toBe(true);
  expect(holdsOn(first.state, '2026-03-17')).toBe(false);
  // Once a day.
  expect(afterForecast(first.state, '2026-03-10', f).warn).toBe(false);
  expect(afterForecast(first.state, '2026-03-11', f).warn).toBe(true);
  // Stored and read back; anything unreadable starts afresh.
  expect(parseVolume(JSON.stringify(first.state))).toEqual(first.state);
  expect(parseVolume('{"day": 3}')).toEqual(emptyVolume());
  expect(parseVolume('not json')).toEqual(emptyVolume());
});

test('history keeps the last seven days', () => {
  let v = emptyVolume();
  for (let d = 1; d <= 10; d++) v = observeVolume(v, `2026-03-${String(d).padStart(2, '0')}`, 12, 90);
  expect(v.recent.map((r) => r.day)).toEqual([
    '2026-03-03',
    '2026-03-04',
    '2026-03-05',
    '2026-03-06',
    '2026-03-07',
    '2026-03-08',
    '2026-03-09',
  ]);
});

test('only notices that need no action now may wait for a digest', () => {
  for (const kind of [
    'acknowledgment',
    'approved',
    'completed',
    'workDone',
    'workReopened',
    'closed',
  ] as const)
    expect(isDigestKind(kind)).toBe(true);
  for (const kind of [
    'emergency',
    'assigned',
    'clarification',
    'rejected',
    'overdueReminder',
    'returned',
  ] as const)
    expect(isDigestKind(kind)).toBe(false);
  expect(isDigestKind(undefined)).toBe(false);
});

test('a personal digest holds each notice in full, one email per person', () => {
  const notice = (to: string, n: number) => ({
    to: [to],
    subject: `[WO-2026-0000${n}] Approved: leak ${n}`,
    body: `Hello,\n\nYour request REQ-00000${n} was approved.\n\nReply about your request: https://forms.example/r${n}\n\n— Acme`,
  });
  const digests = composePersonalDigests({
    notices: [notice('a@example.com', 1), notice('b@example.com', 2), notice('A@example.com', 3)],
    now: new Date('2026-03-10T07:00:00Z'),
    timeZone: 'Europe/Paris',
    organizationName: 'Acme',
  });
  expect(digests.map((d) => d.to)).toEqual([['a@example.com'], ['b@example.com']]);
  const [a] = digests;
  expect(a!.subject).toBe('[Acme] Your daily digest: 2 work order notices');
  for (const text of [
    '[WO-2026-00001] Approved: leak 1',
    'https://forms.example/r1',
    'REQ-000003 was approved',
  ])
    expect(a!.body).toContain(text);
  expect(a!.body).not.toContain('\n- Hello,');
});

test('holding lasts a week and is renewed while the day would pass the quota without it', () => {
  let v = observeVolume(emptyVolume(), '2026-03-10', 9, 100);
  v = { ...v, holdThrough: '2026-03-10' };
  v = observeVolume(v, '2026-03-10', 23, 70);
  // At the day's last hour, 30 sent and 90 held: 120 without holding, over 100; with holding, within.
  const f = forecastDay(v, 23, 70, { queued: 0, heldToday: 90 });
  expect(f.over).toBe(false);
  const renewed = afterForecast(v, '2026-03-10', f);
  expect(renewed.warn).toBe(false);
  expect(renewed.state.holdThrough).toBe('2026-03-16');
  // A light day: nothing renewed, and holding ends when its week does.
  const light = forecastDay(v, 23, 70, { queued: 0, heldToday: 10 });
  expect(afterForecast(v, '2026-03-10', light).state.holdThrough).toBe('2026-03-10');
});
