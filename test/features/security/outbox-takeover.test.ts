/**
 * The Outbox's state across a take-over. The owner's ledger of settled numbers lives in the installation
 * owner's user properties, which a new owner cannot read; the drain keeps a signed copy of it in the
 * protected Hourly Outbox, and a new owner's first drain starts from that copy. Without it, that drain
 * would trust the Statuses it found: "Sent" typed over a queued row before the take-over would drop the
 * email for good, and "Queued" typed over a sent one would send it again.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, MID_MORNING, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { runHourly, submitMany } from '../../support/ops';
import { ackRow, acksAbout, openTheDay, rowsAbout, type } from './outbox-rows';

const NEW_OWNER = 'ada.admin@example.com';

async function takeOver(wb: TestWorkbook): Promise<void> {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[NEW_OWNER, 'Ada', 'Administrator', 'TRUE']]);
  edit.executions.forEach(expectOk);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  expect(String(expectOk(await wb.menu(NEW_OWNER, 'takeOverInstallation')).value)).toMatch(/now own/);
  // A form submission after the take-over: the new owner's trigger gives its hourly job the add-on's key.
  (await wb.submit({ description: 'After the take-over' })).executions.forEach(expectOk);
}

/** The note on the Hourly Outbox's first header cell, where the drain keeps the copy. */
const copyNote = (wb: TestWorkbook): string =>
  wb.sheet(SHEET_NAMES.hourlyOutbox).readNotes({ row: 1, column: 1, numRows: 1, numColumns: 1 })[0]![0]!;

let wb: TestWorkbook;
afterEach(() => wb.close());

test('Sent typed over a queued row before a take-over: the new owner still sends it, once', async () => {
  wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  const [first, second] = (await submitMany(wb, 2)) as [string, string];
  await runHourly(wb); // the former owner's drain: nothing can go today, the numbers are in its ledger
  expect(rowsAbout(wb, first).map((r) => r.Status)).toEqual(['Queued']);
  expect(copyNote(wb)).toMatch(/^WO-OUTBOX-LEDGER [0-9a-f]{64} /m);
  type(wb, ackRow(wb, first), 'Status', 'Sent');
  await takeOver(wb);
  await openTheDay(wb); // the new owner's first drain
  expect(acksAbout(wb, first)).toBe(1);
  expect(acksAbout(wb, second)).toBe(1);
  expect(String(rowsAbout(wb, first)[0]!['Last Error'])).toMatch(/changed by hand to Sent/);
  await runHourly(wb);
  expect(acksAbout(wb, first)).toBe(1);
});

test('Queued typed over a sent row before a take-over: the new owner does not send it again', async () => {
  wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  const [first] = (await submitMany(wb, 1)) as [string];
  await openTheDay(wb);
  expect(acksAbout(wb, first)).toBe(1);
  type(wb, ackRow(wb, first), 'Status', 'Queued');
  await takeOver(wb);
  await runHourly(wb);
  expect(acksAbout(wb, first)).toBe(1);
  expect(rowsAbout(wb, first)[0]!.Status).toBe('Sent');
});

test('a copy changed by hand is ignored, never adopted', async () => {
  wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  const [first] = (await submitMany(wb, 1)) as [string];
  await runHourly(wb);
  // Every number of the document's series up to 99 settled: adopted, the queued row would never go.
  const forged = copyNote(wb).replace(/"d":\{"l":(null|\d+)/, '"d":{"l":99');
  expect(forged).not.toBe(copyNote(wb));
  wb.sheet(SHEET_NAMES.hourlyOutbox).setNote(1, 1, forged);
  await takeOver(wb);
  await openTheDay(wb);
  expect(acksAbout(wb, first)).toBe(1);
});
