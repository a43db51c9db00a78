/**
 * A supervisor types a day into a work order's Due cell ("2026-11-13"), in a spreadsheet on St John's
 * half-hour offset, through dist/Code.js. Sheets keeps a day alone as its local 00:00; read as such,
 * the order was overdue from the first minute of the day it was due, reminded and escalated a whole
 * working day early, where Review & assign's Change due date gives the same day as its end
 * ("Due at the end of that day"). A day typed alone now means the same: 23:59:59 that day, written
 * back into the cell and logged; a time typed with it is kept as typed.
 */
import { formatLocal, fromLocalParts, localParts } from '../../../src/core/time';
import { assignedOrder, cell, logFor, type } from '../../support/edits';
import { TECH, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const TZ = 'America/St_Johns';
let wb: TestWorkbook;
beforeAll(async () => {
  // Tuesday 10 November 2026, 10:00 in St John's (UTC−3:30).
  wb = await setUpWorkbook({
    timeZone: TZ,
    startAt: fromLocalParts({ year: 2026, month: 11, day: 10, hour: 10 }, TZ),
  });
}, 60_000);
afterAll(() => wb.close());

interface Card {
  id: string;
  overdue: boolean;
}

async function myWorkCard(id: string): Promise<Card> {
  const reply = expectOk(await wb.call(TECH, 'myWorkLoad')).value as { view: { open: Card[] } };
  const card = reply.view.open.find((c) => c.id === id);
  if (!card) throw new Error(`no My work card for ${id}`);
  return card;
}

test('a day typed alone is due at its end, as the sidebar gives it: not overdue at noon that day', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, SUPERVISOR, id, 'Due', '2026-11-13');
  const due = wb.order(id).due!;
  expect(localParts(due, TZ)).toMatchObject({
    year: 2026,
    month: 11,
    day: 13,
    hour: 23,
    minute: 59,
    second: 59,
  });
  expect((cell(wb, id, 'Due') as Date).getTime()).toBe(due.getTime());
  expect(logFor(wb, id).at(-1)).toMatchObject({ field: 'Due', new: due.toISOString() });

  wb.rt.world.clock.set(fromLocalParts({ year: 2026, month: 11, day: 13, hour: 12 }, TZ));
  expect((await myWorkCard(id)).overdue).toBe(false);
  wb.rt.world.clock.set(fromLocalParts({ year: 2026, month: 11, day: 14, hour: 0, minute: 30 }, TZ));
  expect((await myWorkCard(id)).overdue).toBe(true);
}, 60_000);

test('a time typed with the day is kept as typed', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, SUPERVISOR, id, 'Due', '2026-11-20 09:30');
  expect(formatLocal(wb.order(id).due!, TZ)).toBe('2026-11-20 09:30');
}, 60_000);
