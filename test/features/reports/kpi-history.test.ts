/**
 * The weekly KPI snapshot through dist/Code.js: the hourly job keeps one dated row per ISO week on the
 * KPI History tab — exactly once, whether the job runs again, runs twice at the same moment or finds a
 * row typed by hand for the week — and emails the managers a summary through the usual mail path.
 */
import { LocalAppsScript, type ExecutionRecord } from '../../../runtime';
import { sidebarAct, submitOne } from '../../support/edits';
import { HOUR, mailTo, ownerState, rowsOf, runHourly, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, MANAGER, SUPERVISOR, TECH, expectOk, type TestWorkbook } from '../../support/workbook';

const TAB = 'KPI History';
/** Wednesday 4 November 2026, 10:00 in New York (EST). */
const WEDNESDAY = new Date('2026-11-04T15:00:00Z');

let wb: TestWorkbook;

const kpiRuns = (records: ExecutionRecord[]) =>
  records.map((r) => expectOk(r).value as { kpiHistory?: string; skipped?: string });
const weeklyMail = () => mailTo(wb, MANAGER).filter((m) => /Weekly KPIs/.test(m.subject));

beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  wb = await setUpWorkbookIn(rt);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  const first = await submitOne(wb, { description: 'Leaking tap' });
  await submitOne(wb, { description: 'Flickering light' });
  wb.rt.world.clock.set(new Date(WEDNESDAY.getTime() + 2 * HOUR));
  await sidebarAct(wb, {
    action: 'approveAssign',
    id: first,
    revision: wb.order(first).revision,
    category: 'Plumbing',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  for (const [hours, request] of [
    [3, { action: 'start' }],
    [5, { action: 'complete', results: 'Washer replaced', actionsTaken: 'Replaced the washer' }],
  ] as const) {
    wb.rt.world.clock.set(new Date(WEDNESDAY.getTime() + hours * HOUR));
    const record = expectOk(
      await wb.call(TECH, 'myWorkAct', { id: first, revision: wb.order(first).revision, ...request }),
    );
    expect((record.value as { ok: boolean }).ok).toBe(true);
  }
});
afterAll(() => wb.close());

test('the first run after the week ends keeps its row and emails the managers', async () => {
  // Monday 9 November, 00:30 EST: the week of 2 November is over.
  wb.rt.world.clock.set(new Date('2026-11-09T04:30:00Z'));
  const [report] = kpiRuns(await runHourly(wb));
  expect(report?.kpiHistory).toBe('kept and emailed');
  const rows = rowsOf(wb, TAB);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    Week: '2026-W45',
    From: '2026-11-02',
    To: '2026-11-08',
    Created: 2,
    Completed: 1,
    'Backlog (end of week)': 2,
    'Completed on time': 1,
    'Completed late': 0,
    'SLA compliance (%)': 100,
    'Mean time to respond (h)': 2,
    'Time to assign (mean h)': 0,
    'MTTR (h)': 2,
    'Time to complete (mean h)': 3,
  });
  const recorded = (rows[0]!['Recorded At'] as Date).getTime();
  expect(Math.abs(recorded - Date.parse('2026-11-09T05:30:00Z'))).toBeLessThan(1000);
  expect(ownerState(wb, 'kpiHistoryWeek')).toBe('2026-W45');

  const mail = weeklyMail();
  expect(mail).toHaveLength(1);
  expect(mail[0]!.subject).toBe(
    '[Facilities Maintenance] Weekly KPIs: Week 2026-W45 (2026-11-02 to 2026-11-08)',
  );
  expect(mail[0]!.body).toContain('MTTR (mean time to repair): 2 h');
  expect(mail[0]!.body).toContain('Mean time to respond: 2 h');
  expect(mail[0]!.body).toContain(
    '- MTTR (mean time to repair): Mean time to repair, the maintenance standard',
  );
  // Managers only: supervisors have their daily digest.
  expect(mailTo(wb, SUPERVISOR).filter((m) => /Weekly KPIs/.test(m.subject))).toHaveLength(0);
});

test('the tab is protected as the job makes it: technicians and managers cannot retype history', async () => {
  const typeInto = async (user: string) => {
    try {
      await wb.edit(user, TAB, 2, 5, [['999']]);
      return 'typed';
    } catch (error) {
      return /protected cell/.test(String(error)) ? 'refused' : String(error);
    }
  };
  expect(await typeInto(TECH)).toBe('refused');
  expect(await typeInto(MANAGER)).toBe('refused');
  expect(rowsOf(wb, TAB)[0]).toMatchObject({ Created: 2 });
  // An administrator can (the protection's editors: administrators and the installation owner).
  await wb.edit(ADMIN, TAB, 2, 5, [['2']]);
  expect(rowsOf(wb, TAB)[0]).toMatchObject({ Created: 2 });
});

test('later runs of the same week keep nothing more and send nothing more', async () => {
  for (let i = 0; i < 3; i++) {
    const [report] = kpiRuns(await runHourly(wb));
    expect(report?.kpiHistory).toBe('already kept');
  }
  expect(rowsOf(wb, TAB)).toHaveLength(1);
  expect(weeklyMail()).toHaveLength(1);
});

test('the trigger and "Run hourly checks now" at the same moment keep the next week once', async () => {
  wb.rt.world.clock.set(new Date('2026-11-16T07:00:00Z')); // Monday 16 November, 02:00 EST
  const [scheduled, manual] = await wb.rt.interleaved(() =>
    Promise.all([wb.rt.runTimeDrivenTriggers({ all: true }), wb.menu(ADMIN, 'runHourlyChecksNow')]),
  );
  const outcomes = [...kpiRuns(scheduled!), ...kpiRuns([manual!])];
  expect(outcomes.filter((o) => o.kpiHistory === 'kept and emailed')).toHaveLength(1);
  const weeks = rowsOf(wb, TAB).map((r) => r.Week);
  expect(weeks).toEqual(['2026-W45', '2026-W46']);
  expect(weeklyMail()).toHaveLength(2);
});

test('a row typed by hand for a week is replaced by the kept one, never doubled', async () => {
  const sheet = wb.sheet(TAB);
  sheet.writeValues(sheet.lastRow() + 1, 1, [['2026-W47', '2026-11-16', '2026-11-22', '', 999]]);
  wb.rt.world.clock.set(new Date('2026-11-23T06:00:00Z')); // Monday 23 November, 01:00 EST
  const [report] = kpiRuns(await runHourly(wb));
  expect(report?.kpiHistory).toBe('kept and emailed');
  const rows = rowsOf(wb, TAB);
  expect(rows.map((r) => r.Week)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
  // Nothing happened that week; both orders are still in the backlog (the completed one awaits closure).
  expect(rows[2]).toMatchObject({ Created: 0, Completed: 0, 'Backlog (end of week)': 2 });
});

test('a week that ended before there was any work order keeps no row and sends nothing', async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  const fresh = await setUpWorkbookIn(rt);
  try {
    rt.world.clock.set(new Date('2026-11-09T04:30:00Z'));
    const [record] = await runHourly(fresh);
    expect((expectOk(record!).value as { kpiHistory: string }).kpiHistory).toBe(
      'nothing to keep (no work orders yet)',
    );
    expect(rowsOf(fresh, TAB)).toEqual([]);
    expect(mailTo(fresh, MANAGER).filter((m) => /Weekly KPIs/.test(m.subject))).toHaveLength(0);
    expect(ownerState(fresh, 'kpiHistoryWeek')).toBe('2026-W45');
  } finally {
    await fresh.close();
  }
});
