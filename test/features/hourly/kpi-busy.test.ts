/**
 * A busy hourly run (many reminders to send) leaves the weekly KPI snapshot, which reads the register
 * and the change log, to the next run of the day; the week is still kept exactly once.
 */
import { LocalAppsScript, type ExecutionRecord } from '../../../runtime';
import { assignedOrder } from '../../support/edits';
import { HOUR, ownerState, rowsOf, runHourly, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, expectOk, type TestWorkbook } from '../../support/workbook';

/** Wednesday 4 November 2026, 10:00 in New York (EST). */
const WEDNESDAY = new Date('2026-11-04T15:00:00Z');
/** Monday 16 November, 00:30 EST: the week of 9 November is over, and the orders are overdue. */
const MONDAY = new Date('2026-11-16T05:30:00Z');

type Report = { kpiHistory?: string; mail?: { sent: number; queued: number } };
const reportOf = (records: ExecutionRecord[]): Report => expectOk(records[0]!).value as Report;

let wb: TestWorkbook;
beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  wb = await setUpWorkbookIn(rt);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  // Ten assigned orders, all overdue twelve days later: each is reminded and escalated in the same run.
  for (let i = 0; i < 10; i++) await assignedOrder(wb, undefined, { description: `Broken window ${i}` });
});
afterAll(() => wb.close());

test('the first run of the week, busy with reminders, leaves the snapshot to the next run', async () => {
  wb.rt.world.clock.set(MONDAY);
  const busy = reportOf(await runHourly(wb, 0));
  expect((busy.mail?.sent ?? 0) + (busy.mail?.queued ?? 0)).toBeGreaterThanOrEqual(25);
  expect(busy.kpiHistory).toBe('later (the run is busy)');
  expect(ownerState(wb, 'kpiHistoryWeek')).toBeNull();
  expect(rowsOf(wb, 'KPI History')).toHaveLength(0);

  const next = reportOf(await runHourly(wb, HOUR));
  expect(next.kpiHistory).toMatch(/^kept/);
  expect(ownerState(wb, 'kpiHistoryWeek')).toBe('2026-W46');
  expect(rowsOf(wb, 'KPI History')).toHaveLength(1);

  expect(reportOf(await runHourly(wb, HOUR)).kpiHistory).toBe('already kept');
  expect(rowsOf(wb, 'KPI History')).toHaveLength(1);
});
