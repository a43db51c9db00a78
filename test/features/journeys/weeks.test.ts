/**
 * Six weeks in the life of an installation, across a New Year, through dist/Code.js: a small team
 * (two supervisors, three technicians, a manager, an administrator) in a New York spreadsheet from
 * Monday 14 December 2026 to Sunday 24 January 2027. Each working day brings a few requests (an
 * emergency a week), decisions and assignments in Review & assign, questions and replies, My work
 * steps, register edits and closures; the hourly job runs every hour of the working day and every
 * fourth hour at night, with some runs skipped as Apps Script skips them; reports are built each
 * Friday, the audit log verified each Monday, closed work archived once. After every week the
 * procedure's invariants must hold (see checkWeek).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { fromLocalParts } from '../../../src/core/time';
import { forgetRememberedState } from '../../support/caches';
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';
import { checkTrends, checkWeek } from './invariants';
import {
  amendments,
  closures,
  completions,
  decide,
  refusedPaste,
  registerNote,
  replies,
  technicianSteps,
  timeRecords,
} from './traffic';
import {
  HOLIDAYS,
  MANAGER,
  START,
  SUPS,
  TECHS,
  TZ,
  WEEKS,
  at,
  dayKey,
  ok,
  review,
  setClock,
  submit,
  typeSetting,
  useWorkbook,
  wb,
} from './world';

beforeAll(async () => {
  // A small account's day of email: busy days spend it, and notices wait for the readers' digests.
  const workbook = await setUpWorkbook({
    mailDailyQuota: 20,
    staff: false,
    startAt: fromLocalParts({ ...START, hour: 7 }, TZ),
  });
  useWorkbook(workbook);
  const staff = wb.sheet(SHEET_NAMES.staff);
  const rows = [
    [SUPS[0], 'Sam Supervisor', 'Supervisor', true],
    [SUPS[1], 'Sue Supervisor', 'Supervisor', true],
    [TECHS[0], 'Tina Tech', 'Technician', true],
    [TECHS[1], 'Theo Tech', 'Technician', true],
    [TECHS[2], 'Tom Tech', 'Technician', true],
    [MANAGER, 'Mia Manager', 'Manager', true],
  ] as (string | boolean)[][];
  staff.writeValues(staff.lastRow() + 1, 1, rows);
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  await typeSetting('holidays', HOLIDAYS.join(', '));
}, 120_000);

afterAll(() => wb.close());

test('six weeks across a New Year keep every invariant', async () => {
  let n = 0;
  for (let week = 0; week < WEEKS; week++) {
    for (let d = 0; d < 7; d++) {
      const day = fromLocalParts({ ...START, day: START.day + week * 7 + d, hour: 12 }, TZ);
      const weekday = d + 1;
      const working = weekday <= 5 && !HOLIDAYS.includes(dayKey(day));
      const sup = SUPS[(week + d) % 2] as string;
      for (let hour = 0; hour < 24; hour++) {
        setClock(at(day, hour, 10));
        if (working) {
          if (hour === 8 && weekday === 1 && week > 0) await checkWeek(week);
          if (hour === 8 && weekday === 1 && week === 4) {
            await typeSetting('retentionDays', '3');
            expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
          }
          // The day after, an administrator runs Repair work orders: the counters it rebuilds from the
          // register, the archive and the log must not go back.
          if (hour === 8 && weekday === 2 && week === 4) expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
          if (hour === 9) {
            await submit(false);
            await submit(weekday === 2);
            if (weekday === 3) await submit(false);
          }
          if (hour === 10) await decide(sup, n++);
          if (hour === 11) await replies();
          if (hour === 13) await technicianSteps(day, weekday);
          if (hour === 14 && weekday === 2) await registerNote();
          if (hour === 14 && weekday === 3 && week === 1) await refusedPaste();
          if (hour === 15) await completions(day);
          if (hour === 16) await closures(sup, weekday);
          if (hour === 11) await amendments(sup, weekday, week);
          if (hour === 14) await timeRecords(day);
          if (hour === 16 && weekday === 5) {
            expectOk(await wb.menu(MANAGER, 'buildReports'));
            if (week < 4) checkTrends();
          }
        }
        // New Year's Eve: an emergency reported in the evening is approved by the supervisor on call
        // at 20:00 New York (01:00 UTC on 1 January): still a 2026 order. One just after midnight is 2027's first.
        const key = dayKey(day);
        if ((key === '2026-12-31' && hour === 19) || (key === '2027-01-01' && hour === 0)) {
          const id = await submit(true);
          setClock(at(day, hour, 30));
          ok(
            await review(SUPS[0] as string, id, {
              action: 'approveAssign',
              category: 'Plumbing',
              priority: 'P1 Emergency',
              assignee: TECHS[2],
            }),
            'new year emergency',
          );
          // An emergency is due by the end of its day, in New York.
          expect(wb.order(id).due).toEqual(new Date(at(day, 23, 59).getTime() + 59_000));
          expect(wb.order(id).woNumber).toMatch(key === '2026-12-31' ? /^WO-2026-\d{5}$/ : /^WO-2027-00001$/);
        }
        const night = hour < 7 || hour > 18;
        const skipped = (weekday === 3 && hour === 12) || (week === 2 && weekday === 1 && hour === 0);
        if ((!night || hour % 4 === 0) && !skipped) {
          setClock(at(day, hour, 40));
          (await wb.rt.runTimeDrivenTriggers({ all: true })).forEach(expectOk);
        }
      }
    }
  }
  const monday = fromLocalParts({ ...START, day: START.day + WEEKS * 7, hour: 12 }, TZ);
  setClock(at(monday, 0, 40));
  (await wb.rt.runTimeDrivenTriggers({ all: true })).forEach(expectOk);
  setClock(at(monday, 8, 10));
  await checkWeek(WEEKS);
}, 600_000);
