/**
 * Reports built after archiving say so, through dist/Code.js: the figures cover the work orders left
 * in this spreadsheet, so Report: Summary and Report: Bottlenecks name the archive spreadsheet the
 * others went to and point to the KPI History tab for the weeks as they were recorded. A workbook
 * that never archived says nothing of the kind.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { assignedOrder, closedOrder } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import {
  ADMIN,
  MANAGER,
  MID_MORNING,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  await closedOrder(wb, TECH, { description: 'Replace the tap washer' });
  await assignedOrder(wb, TECH, { description: 'Fix the lobby light' });
}, 60_000);
afterAll(() => wb.close());

const notes = (tab: string): string[] => {
  const values = wb.values(tab);
  const at = values.findIndex((r) => r[0] === 'Notes');
  return values.slice(at + 1).map((r) => String(r[0]));
};

const ARCHIVED =
  /^Work orders archived to "Work Orders Archive 2026" \(closed, rejected or cancelled, moved after the retention period\) are not in these figures; the KPI History tab keeps each week's figures as they were recorded\.$/;

test('before any archive: no such note', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(notes(SHEET_NAMES.reportSummary).some((n) => ARCHIVED.test(n))).toBe(false);
});

test('after archiving: the summary and the bottlenecks name the archive', async () => {
  setSetting(wb, 'retentionDays', 1);
  advance(wb, 3 * DAY);
  expect(expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value).toMatchObject({ remaining: 0 });
  expect(wb.register()).toHaveLength(1);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  for (const tab of [SHEET_NAMES.reportSummary, SHEET_NAMES.reportBottlenecks])
    expect(notes(tab).filter((n) => ARCHIVED.test(n))).toHaveLength(1);
});
