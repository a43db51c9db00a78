/**
 * An archive spreadsheet whose Archive tab an administrator renamed, with a tab of their own in front:
 * the next archive run took the first tab, renamed it Archive, wrote orders into it below their notes,
 * and Verify and Find no longer saw the orders archived before ("its row is gone", "No work order").
 * The run now stops and says which file lacks its Archive tab and how to get it back; Verify says the
 * same; renamed back, archiving and Verify go on. Through dist/Code.js.
 */
import { closedOrder } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import {
  ADMIN,
  MID_MORNING,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { find } from '../review/helpers';
import { archiveFile } from './support';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  setSetting(wb, 'retentionDays', 1);
}, 60_000);
afterAll(() => wb.close());

const RENAMED =
  /has no tab named "Archive", which holds its archived work orders: it was renamed or deleted\. Open it and rename that tab back to "Archive"/;

async function verify(): Promise<{ ok: boolean; message: string }> {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
}

test('a renamed Archive tab stops the run with what to do; the tab in front of it is left alone', async () => {
  const first = await closedOrder(wb, TECH, { description: 'Replace the tap washer' });
  advance(wb, 3 * DAY);
  expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  const file = archiveFile(wb, 2026)!;
  const [tab] = file.sheetModels();
  tab!.name = 'Orders 2026';
  const notes = file.insertSheetModel('Notes', 0);
  notes.writeValues(1, 1, [['Our notes on this archive'], ['Ask Sam before deleting']]);

  const second = await closedOrder(wb, TECH, { description: 'Fix the lobby light' });
  advance(wb, 3 * DAY);
  const run = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
  expect(run.ok).toBe(false);
  expect(run.error?.message).toMatch(RENAMED);
  expect(run.error?.message).toContain('"Work Orders Archive 2026"');
  expect(notes.name).toBe('Notes');
  expect(notes.readValues(1, 1, notes.lastRow(), notes.lastColumn())).toEqual([
    ['Our notes on this archive'],
    ['Ask Sam before deleting'],
  ]);
  expect(wb.register().map((r) => r.order.id)).toContain(second);

  const seen = await verify();
  expect(seen.ok).toBe(false);
  expect(seen.message).toMatch(RENAMED);

  // Renamed back: the run goes on, and Verify and Find see both orders.
  tab!.name = 'Archive';
  expect(expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value).toMatchObject({
    archived: [second],
  });
  expect((await verify()).message).toMatch(/^Audit log OK/);
  expect((await find(wb, SUPERVISOR, first)).reply).toMatchObject({
    ok: false,
    message: expect.stringContaining('it was archived in "Work Orders Archive 2026"'),
  });
}, 120_000);
