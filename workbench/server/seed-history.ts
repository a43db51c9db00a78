/**
 * Several weeks of demo history played through the real add-on paths with the world clock moved
 * along: requests through the form, decisions and assignments through the sidebar's `reviewAct`,
 * technicians' progress by typing into the register, closures through the sidebar again, the hourly
 * job every morning. So the change log, the emails and the reports are genuine.
 */
import type { LocalAppsScript } from '../../runtime';
import type { Status } from '../../src/core/model';
import { isWeekend, localParts, startOfLocalDay } from '../../src/core/time';
import { CANCEL_REASONS, HOLD_REASONS, PROGRESS_NOTES, REJECT_REASONS, RETURN_REASONS } from './demo-data';
import { PRIORITY_FOR_URGENCY, REQUESTS, type RequestTemplate } from './demo-requests';
import { DEMO } from './people';
import { registerRows } from './register-reader';
import { demoActions } from './seed-actions';
import { recordDemoWork } from './seed-records';
import { DAY, HOUR, nextOfficeHour, seededDice, Timeline } from './seed-timeline';
import type { WorkbookIds } from './seed-workbook';

/** Where an order's story stops (the last days' orders are left in every open status). */
type StopAt = Status | 'end';

export interface SeedOptions {
  /** Days of history before now (default 42: six weeks). */
  days?: number;
  seed?: number;
}

export async function seedDemoHistory(
  rt: LocalAppsScript,
  ids: WorkbookIds,
  options: SeedOptions & { until?: number } = {},
): Promise<string> {
  const started = Date.now();
  const days = options.days ?? 42;
  const dice = seededDice(options.seed ?? 20260101);
  const { random, pick, between } = dice;
  const { spreadsheetId } = ids;
  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const timeZone = spreadsheet.timeZone;
  const problems: string[] = [];
  const { submitRequest, review, type, setStatus } = demoActions(rt, ids, problems);
  /** Real time: the history ends here (the clock may already be set back to its start). */
  const now = options.until ?? rt.world.clock.nowMs();

  const officeHours = (ms: number): number => nextOfficeHour(ms, timeZone, dice);
  /**
   * When a story's next step happens: in office hours, `lo`–`hi` hours on; the requests left open at
   * the end move briskly (within the hour) so they surely reach their status before now.
   */
  const next = (stopAt: StopAt, lo: number, hi: number): number =>
    stopAt === 'end'
      ? later(rt.world.clock.nowMs(), lo, hi)
      : rt.world.clock.nowMs() + between(0.2, 1) * HOUR;
  const later = (ms: number, loHours: number, hiHours: number) =>
    officeHours(ms + between(loHours, hiHours) * HOUR);

  // Preventive orders the hourly job made: the supervisor approves and assigns them like any request.
  const preventive = new Set<string>();
  function planPreventive(): void {
    for (const { order } of registerRows(spreadsheet)) {
      if (!order.responseRef.startsWith('Schedule ') || preventive.has(order.id)) continue;
      preventive.add(order.id);
      decide(
        order.id,
        later(rt.world.clock.nowMs(), 1, 6),
        {
          description: order.description,
          location: order.location,
          urgency: 'Scheduled / planned',
          resources: '',
          category: order.category,
          results: 'Done as scheduled; nothing abnormal found.',
          actions: order.description,
        },
        'end',
      );
    }
  }

  // The story of one request, from the form to its last step; each step checks where the order is.
  function plan(
    at: number,
    template: RequestTemplate,
    requestor: { email: string; name: string },
    stopAt: StopAt,
  ): void {
    timeline.add(at, async () => {
      const id = await submitRequest(template, requestor);
      if (!id || stopAt === 'Submitted') return;
      decide(id, next(stopAt, 0.5, 20), template, stopAt);
    });
  }

  function decide(id: string, at: number, template: RequestTemplate, stopAt: StopAt): void {
    timeline.add(at, async () => {
      const category = template.category;
      const priority = PRIORITY_FOR_URGENCY[template.urgency];
      const roll = random();
      if (stopAt === 'Rejected' || (stopAt === 'end' && roll < 0.08)) {
        await review({ action: 'reject', id, reason: pick(REJECT_REASONS) });
        return;
      }
      const technician = random() < 0.6 ? DEMO.technicians[0] : DEMO.technicians[1];
      if (stopAt === 'Approved' || (stopAt === 'end' && roll < 0.2)) {
        if (!(await review({ action: 'approve', id, category, priority }))) return;
        if (stopAt === 'Approved') return;
        timeline.add(next(stopAt, 2, 16), async () => {
          if (await review({ action: 'assign', id, assignee: technician.email }))
            work(id, technician.email, template, stopAt);
        });
        return;
      }
      if (await review({ action: 'approveAssign', id, category, priority, assignee: technician.email }))
        work(id, technician.email, template, stopAt);
    });
  }

  function work(id: string, technician: string, template: RequestTemplate, stopAt: StopAt): void {
    if (stopAt === 'Assigned') return;
    if (stopAt === 'Cancelled' || (stopAt === 'end' && random() < 0.04)) {
      timeline.add(next(stopAt, 4, 30), async () => {
        await review({ action: 'cancel', id, reason: pick(CANCEL_REASONS) });
      });
      return;
    }
    const priority = PRIORITY_FOR_URGENCY[template.urgency];
    const hours = priority.startsWith('P1')
      ? [1, 5]
      : priority.startsWith('P2')
        ? [3, 20]
        : priority.startsWith('P3')
          ? [10, 70]
          : [40, 200];
    timeline.add(next(stopAt, 0.5, hours[0]! + 2), async () => {
      if (!(await setStatus(technician, id, 'In Progress'))) return;
      if (random() < 0.5) await type(technician, id, 'notes', pick(PROGRESS_NOTES));
      if (stopAt === 'In Progress') return;
      const hold = stopAt === 'On Hold' || (stopAt === 'end' && random() < 0.15);
      if (hold) {
        timeline.add(next(stopAt, 1, 6), async () => {
          await type(technician, id, 'reason', pick(HOLD_REASONS));
          if (!(await setStatus(technician, id, 'On Hold')) || stopAt === 'On Hold') return;
          timeline.add(next(stopAt, 24, 72), async () => {
            if (await setStatus(technician, id, 'In Progress'))
              complete(id, technician, template, stopAt, hours, false);
          });
        });
        return;
      }
      complete(id, technician, template, stopAt, hours, random() < 0.06);
    });
  }

  function complete(
    id: string,
    technician: string,
    template: RequestTemplate,
    stopAt: StopAt,
    hours: number[],
    returned: boolean,
  ): void {
    timeline.add(next(stopAt, hours[0]!, hours[1]!), async () => {
      problems.push(
        ...(await recordDemoWork(
          rt,
          spreadsheetId,
          technician,
          id,
          template.category,
          between(0.5, 4),
          random,
        )),
      );
      await type(technician, id, 'results', template.results);
      await type(technician, id, 'actions', template.actions);
      if (!(await setStatus(technician, id, 'Completed')) || stopAt === 'Completed') return;
      timeline.add(next(stopAt, 2, 30), async () => {
        if (returned) {
          if (await review({ action: 'return', id, reason: pick(RETURN_REASONS) }))
            complete(id, technician, template, stopAt, [4, 24], false);
          return;
        }
        await review({ action: 'close', id });
      });
    });
  }

  // Arrivals: a few requests each working day, fewer at weekends.
  const timeline = new Timeline();
  const start = startOfLocalDay(new Date(now), timeZone, -days).getTime();
  const requestors = [DEMO.requestor, ...DEMO.otherRequestors];
  for (let d = 0; d < days; d++) {
    const dayStart = startOfLocalDay(new Date(start), timeZone, d).getTime();
    const weekend = isWeekend(localParts(new Date(dayStart + 12 * HOUR), timeZone).weekday);
    const count = weekend ? (random() < 0.3 ? 1 : 0) : 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const at = dayStart + between(7.5, weekend ? 12 : 17.5) * HOUR;
      plan(at, pick(REQUESTS), random() < 0.3 ? DEMO.requestor : pick(requestors), 'end');
    }
    // The hourly job, as Google runs it: once a morning is enough to see reminders and escalations.
    timeline.add(dayStart + 7 * HOUR, async () => {
      const ran = await rt.runTimeDrivenTriggers();
      ran.filter((r) => !r.ok).forEach((r) => problems.push(`${r.entry}: ${r.error?.message ?? ''}`));
      planPreventive();
    });
  }
  // And one request in each status whatever the dice said (a rejection and a cancellation among them),
  // so every role has something to do when the workbench opens.
  const leftOpen: [StopAt, number][] = [
    ['Cancelled', 9 * DAY],
    ['Rejected', 8 * DAY],
    ['Completed', 6 * DAY],
    ['On Hold', 5 * DAY],
    ['In Progress', 3 * DAY],
    ['Assigned', 2 * DAY],
    ['Approved', 1.5 * DAY],
    ['Submitted', 20 * HOUR],
    ['Submitted', 3 * HOUR],
  ];
  for (const [stopAt, ago] of leftOpen) {
    const office = officeHours(now - ago);
    const at = office < now - HOUR ? office : now - between(1, 3) * HOUR;
    plan(at, pick(REQUESTS), random() < 0.5 ? DEMO.requestor : pick(requestors), stopAt);
  }
  await timeline.play(rt, now - 5 * 60_000);
  // Back to real time: the workbench's clock runs on from now.
  rt.world.clock.setOffset(0);

  const reports = await rt.runMenuItem(spreadsheetId, DEMO.manager.email, 'buildReports');
  if (!reports.ok) problems.push(`buildReports: ${reports.error?.message ?? ''}`);
  return historySummary(rt, ids, days, problems, started);
}

/** One line of what the history made, then the steps that did not go through, grouped by kind. */
function historySummary(
  rt: LocalAppsScript,
  ids: WorkbookIds,
  days: number,
  problems: string[],
  started: number,
): string {
  const orders = registerRows(rt.world.spreadsheets.require(ids.spreadsheetId));
  const byStatus = new Map<string, number>();
  for (const { order } of orders) byStatus.set(order.status, (byStatus.get(order.status) ?? 0) + 1);
  const counts = [...byStatus].map(([s, n]) => `${n} ${s}`).join(', ');
  // The same refusal for many orders is one line, with how often it happened.
  const kinds = new Map<string, number>();
  for (const p of problems) {
    const kind = p.replace(/REQ-\d+/g, 'REQ-…');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const problemText = problems.length
    ? `\n${problems.length} step(s) did not go through:\n  ${[...kinds]
        .slice(0, 12)
        .map(([kind, n]) => (n > 1 ? `${kind} (×${n})` : kind))
        .join('\n  ')}`
    : '';
  return (
    `Demo history: ${orders.length} work orders over ${days} days (${counts}), ` +
    `${rt.world.mail.sent.length} emails, ${rt.executions.length} executions, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s.${problemText}`
  );
}
