/**
 * The Time and Parts Used tabs are written by the add-on as whoever records (My work runs as the
 * technician), so a technician can also paste in them. A typed row has no valid seal and is left out;
 * a copy of a row the add-on sealed verifies like the original. Through dist/Code.js: one recorded
 * hour pasted again three times is still one hour, in Report: Cost and on the My work card, and the
 * copies are counted as rows changed by hand. Two equal lines recorded together stay two.
 */
import { COST_TAB } from '../../../src/core/reports/cost';
import { RECORD_ONLY_CHOICE, updateQuestion } from '../../../src/shared/my-work-update-form';
import { MANAGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { record } from '../checklists/helpers';

let wb: TestWorkbook;
let id: string;
const today = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  wb = await setUpWorkbook();
  [id] = (await assignedOrders(wb, [TECH])) as [string];
  expect(await record(wb, TECH, { kind: 'time', id, date: today, hours: 1.5 })).toMatchObject({ ok: true });
  expect(
    await record(wb, TECH, { kind: 'part', id, part: 'Fuse 10A', quantity: 2, unitCost: 1.25 }),
  ).toMatchObject({ ok: true });
});
afterAll(() => wb.close());

/**
 * A copy of the last row of `tab` pasted `times` more below it: copy and paste keep each cell's value
 * (the Entered At date stays a date), which the edit trigger does not judge on this tab.
 */
function pasteCopies(tab: string, times: number): void {
  const sheet = wb.sheet(tab);
  const last = sheet.lastRow();
  const copy = sheet.readValues(last, 1, 1, sheet.lastColumn())[0]!;
  sheet.writeValues(
    last + 1,
    1,
    Array.from({ length: times }, () => [...copy]),
  );
}

function costOf(label: string): unknown[] | undefined {
  return wb.values(COST_TAB).find((r) => r[0] === label);
}

test('an hour and a part pasted again are counted once, in the report and on the card', async () => {
  pasteCopies('Time', 3);
  pasteCopies('Parts Used', 3);
  expect(wb.values('Time').filter((r) => r[0] === id)).toHaveLength(4);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  const ref = wb.order(id).woNumber;
  // Hours, then parts' cost: 1.5 h and 2 × 1.25, as recorded once.
  expect([costOf(ref)?.[1], costOf(ref)?.[3]]).toEqual([1.5, 2.5]);
  const tab = wb.values(COST_TAB);
  expect(
    tab.some((r) => String(r[0]).includes('3 row(s) of the Time tab were typed or changed by hand')),
  ).toBe(true);
  const card = await record(wb, TECH, { kind: 'view', id });
  expect(card).toMatchObject({ ok: true });
  const records = (card as { records: { time: unknown[]; parts: unknown[] } }).records;
  expect([records.time.length, records.parts.length]).toEqual([1, 1]);
});

test('negative control: two equal part lines answered together in the update form both count', async () => {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const submitted = await wb.rt.submitForm(form.id, {
    respondentEmail: TECH,
    answers: {
      [updateQuestion('order').title]: id,
      [updateQuestion('step').title]: RECORD_ONLY_CHOICE,
      [updateQuestion('parts').title]: 'Washer; 1; 0.50\nWasher; 1; 0.50',
    },
  });
  submitted.executions.forEach(expectOk);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(costOf(wb.order(id).woNumber)?.[3]).toBe(3.5);
});
