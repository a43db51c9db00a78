/**
 * Entry points the fault matrix (./matrix.test.ts) does not reach, killed at each of their service
 * calls in turn (the call and every later one of the execution fail, as when Apps Script ends an
 * execution: test/support/kill.ts), from a saved world each time. Then the next ordinary executions
 * run (the hourly job, an edit in the document), and:
 *  - no work order is missing or doubled, and the log verifies;
 *  - what the entry point owes happened exactly once (an order, a log row, a KPI History row), or, where
 *    the killed user must act again, not at all;
 *  - each email it owes went (or is queued) exactly once.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { LocalAppsScript } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { assignedOrder, rowOf, REGISTER } from '../../support/edits';
import { killAtCall, recordCalls } from '../../support/kill';
import { emailsAbout, runHourly, setUpWorkbookIn, submitMany } from '../../support/ops';
import { scheduleRow } from '../../support/schedules';
import { ELECTRICAL_CHECKLIST, typeChecklists } from '../checklists/helpers';
import { ADMIN, TECH, expectOk, type TestWorkbook } from '../../support/workbook';
import {
  AFTER_TAKE_OVER,
  CASES,
  NEW_OWNER,
  SCHEDULE_DUE,
  answerYes,
  tabNames,
  triggersOf,
  weeklyMails,
  type Ids,
} from './kill-cases';

/** Wednesday 4 November 2026, 10:00 in New York, where the workbook is set up. */
const WEDNESDAY = new Date('2026-11-04T15:00:00Z');
/** Sunday 8 November 2026, 23:30 in New York: the next hourly run is the first of the new week. */
const SUNDAY_NIGHT = new Date('2026-11-09T04:30:00Z');

let wb: TestWorkbook;
let ids: Ids;
let saved: string;

beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  wb = await setUpWorkbookIn(rt);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  const witness = await assignedOrder(wb, TECH);
  const [toAsk] = (await submitMany(wb, 1)) as [string];
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
  const toHold = await assignedOrder(wb, TECH);
  expectOk(
    await wb.call(TECH, 'myWorkAct', { action: 'start', id: toHold, revision: wb.order(toHold).revision }),
  );
  (
    await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [
      scheduleRow({
        id: 'PM-K',
        task: 'Check the gutters',
        location: 'Grounds',
        category: 'Grounds',
        nextDue: SCHEDULE_DUE,
      }),
    ])
  ).executions.forEach(expectOk);
  const staffRow = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, staffRow, 1, [[NEW_OWNER, 'Ada Admin', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  wb.rt.world.clock.set(SUNDAY_NIGHT);
  ids = { witness, toHold, toAsk };
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());

async function nextExecutions(book: TestWorkbook): Promise<void> {
  await runHourly(book);
  await book.edit(TECH, REGISTER, rowOf(book, ids.witness), book.registerColumn('Progress Notes'), [
    [`Witness ${Date.now()}`],
  ]);
}

test.each(Object.keys(CASES))(
  '%s: killed at each service call, the next runs leave everything once',
  async (name) => {
    const kase = CASES[name]!;
    importWorld(wb.rt.world, decodeWorldState(saved));
    const clean = recordCalls(wb.rt.world);
    await kase.run(wb, ids);
    clean.stop();
    const released = kase.released?.(clean.calls) ?? clean.calls.length + 1;
    await kase.next?.(wb);
    if (kase.ordinary !== false) await nextExecutions(wb);
    const cleanTabs = tabNames(wb);
    const problems: string[] = [];
    let calls = 0;
    for (let n = 1; n < 600; n++) {
      importWorld(wb.rt.world, decodeWorldState(saved));
      const mail = new Map<string, number>([['weekly', weeklyMails(wb)]]);
      for (const { to, id } of kase.mail(ids)) mail.set(`${to}|${id}`, emailsAbout(wb, to, id));
      const baseline = {
        tabs: cleanTabs,
        triggers: triggersOf(wb, ADMIN),
        entries: wb.changeLogEntries().length,
        mail,
      };
      const kill = killAtCall(wb.rt.world, n);
      await kase.run(wb, ids).catch(() => undefined);
      kill.disarm();
      if (kill.hit === null) break;
      calls = n;
      await kase.next?.(wb);
      if (kase.ordinary !== false) await nextExecutions(wb);
      const found = [...kase.check(wb, ids, baseline, n > released)];
      const registered = wb.register().map((r) => r.order.id);
      if (new Set(registered).size !== registered.length) found.push('a work order is doubled');
      const verdict = verifyLog(wb);
      if (!verdict.ok)
        found.push(`the log does not verify: ${verdict.kind} at ${verdict.row}: ${verdict.detail}`);
      problems.push(...found.map((p) => `call ${n} (${kill.hit}): ${p}`));
    }
    expect(calls).toBe(clean.calls.length);
    expect(problems).toEqual([]);
  },
  900_000,
);

// Killed after it made the new owner's triggers and before it refreshed the Settings/Staff snapshot the
// triggers read the owner from: not run again, the new owner's triggers must still find themselves the
// owner's (they retired themselves, by the snapshot, while the former owner's went on for an hour).
test('take over killed after making its triggers: they serve without it being run again', async () => {
  importWorld(wb.rt.world, decodeWorldState(saved));
  const former = triggersOf(wb, ADMIN);
  const clean = recordCalls(wb.rt.world);
  answerYes(wb);
  expectOk(await wb.menu(NEW_OWNER, 'takeOverInstallation'));
  clean.stop();
  const made = clean.calls.lastIndexOf('ClockTriggerBuilder.create') + 1;
  expect(made).toBeGreaterThan(0);
  importWorld(wb.rt.world, decodeWorldState(saved));
  const kill = killAtCall(wb.rt.world, made + 1);
  await wb.menu(NEW_OWNER, 'takeOverInstallation');
  kill.disarm();
  expect(kill.hit).not.toBeNull();
  await wb.submit({ description: AFTER_TAKE_OVER });
  await runHourly(wb);
  expect(wb.register().filter((r) => r.order.description === AFTER_TAKE_OVER)).toHaveLength(1);
  expect(triggersOf(wb, NEW_OWNER)).toBe(former);
  expect(triggersOf(wb, ADMIN)).toBe('');
}, 60_000);
