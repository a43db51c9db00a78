/**
 * The hourly job decides reminders from each open order's sealed record where a script wrote the cells
 * (forged-reminder-cells.test.ts). A technician's script can write the hidden record too (its
 * protection only warns): emptied, or written to match the forged cells, unsealed or sealed with a key
 * that is not the add-on's. Before, the job then took the cells as they read and nobody heard: a Status
 * written Closed, or a Due a month on, silenced every reminder and escalation for good.
 * Through dist/Code.js.
 *
 * What now happens: every row's seal is checked, from the first open order down; a row whose record
 * the add-on did not write has its reminders decided from its cells, and the administrators are told
 * which orders those are, once a day, to run Verify audit log. The hourly job has no document: it
 * reads the sealed flag from the installation owner's copy, which setup, take-over and intake keep.
 */
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { ROW_STATE_HEADER, serializeRowState, useRowStateKey } from '../../../src/server/adapters/row-state';
import { hmacKey } from '../../../src/core/sha256';
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, mailTo, runHourly, setSetting, startAtLocalHour } from '../../support/ops';

let wb: TestWorkbook;

/** Someone's script writes register cells: no edit trigger runs. */
function writeOutside(id: string, header: string, value: string | Date): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

/** A record of `id` as it now reads, made with `key` (null: unsealed, as versions before seals wrote). */
function recordOf(id: string, key: ReturnType<typeof hmacKey> | null): string {
  useRowStateKey(key);
  try {
    return serializeRowState(wb.order(id));
  } finally {
    useRowStateKey(undefined);
  }
}

async function hourlyFor(days: number): Promise<void> {
  for (let i = 0; i < days * 4; i++) expectOk((await runHourly(wb, 6 * HOUR))[0]!);
}

const toldNoRecord = (id: string) =>
  mailTo(wb, ADMIN)
    .map((m) => m.body)
    .filter((body) => body.includes(id) && /have no record that Work Orders wrote/.test(body));

const ownersCopy = () => wb.rt.world.properties.user(ADMIN).get(`wo.${wb.ssId}.rowStatesSealed`);

beforeEach(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  setSetting(wb, 'reminderHoursBeforeDue', 24);
  setSetting(wb, 'escalateAfterOverdueHours', 24);
  setSetting(wb, 'notifyRequestor', false);
}, 60_000);
afterEach(() => wb.close());

test('setup keeps a copy of the sealed flag in the installation owner’s state, for the hourly job', () => {
  expect(ownersCopy()).toEqual(expect.any(String));
});

test('a Due written a month on with the hidden record emptied: the administrators are told', async () => {
  await assignedOrder(wb, TECH2);
  const forged = await assignedOrder(wb, TECH);
  writeOutside(forged, 'Due', new Date(wb.order(forged).due!.getTime() + 30 * 24 * HOUR));
  writeOutside(forged, ROW_STATE_HEADER, '');
  await hourlyFor(3);
  expect(toldNoRecord(forged).length).toBeGreaterThan(0);
}, 120_000);

test('a Status written Closed with an unsealed record to match: the administrators are told', async () => {
  await assignedOrder(wb, TECH2);
  const forged = await assignedOrder(wb, TECH);
  writeOutside(forged, 'Status', 'Closed');
  writeOutside(forged, ROW_STATE_HEADER, recordOf(forged, null));
  await hourlyFor(3);
  expect(toldNoRecord(forged).length).toBeGreaterThan(0);
}, 120_000);

test('a record sealed with another key, written with the cells it matches: the administrators are told', async () => {
  await assignedOrder(wb, TECH2);
  const forged = await assignedOrder(wb, TECH);
  writeOutside(forged, 'Due', new Date(wb.order(forged).due!.getTime() + 30 * 24 * HOUR));
  writeOutside(forged, ROW_STATE_HEADER, recordOf(forged, hmacKey('not the add-on secret')));
  await hourlyFor(3);
  expect(toldNoRecord(forged).length).toBeGreaterThan(0);
}, 120_000);

test('a workbook sealed before the owner kept a copy: the next request copies the flag', async () => {
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.rowStatesSealed`);
  await assignedOrder(wb, TECH2);
  expect(ownersCopy()).toEqual(expect.any(String));
  const forged = await assignedOrder(wb, TECH);
  writeOutside(forged, 'Status', 'Closed');
  writeOutside(forged, ROW_STATE_HEADER, recordOf(forged, null));
  await hourlyFor(1);
  expect(toldNoRecord(forged).length).toBeGreaterThan(0);
}, 120_000);

test('honest rows, made and changed through the add-on, are never reported as having no record', async () => {
  const ids = [await assignedOrder(wb, TECH), await assignedOrder(wb, TECH2), await assignedOrder(wb, TECH)];
  await hourlyFor(10);
  expect(mailTo(wb, ADMIN).filter((m) => /no record that Work Orders wrote/.test(m.body))).toHaveLength(0);
  for (const id of ids)
    expect(
      mailTo(wb, TECH)
        .concat(mailTo(wb, TECH2))
        .some((m) => m.subject.includes(wb.order(id).woNumber)),
    ).toBe(true);
}, 120_000);
