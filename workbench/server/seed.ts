/**
 * The workbench's first start: the demo workbook created and set up through the add-on's own menu,
 * staff typed into the Staff tab, then (for `npm start`) several weeks of history played through the
 * real add-on paths with the world clock moved along: requests through the form, decisions and
 * assignments through the sidebar's `reviewAct`, technicians' progress by typing into the register,
 * closures through the sidebar again, the hourly job every morning. So the change log, the emails and
 * the reports are genuine.
 */
import type { LocalAppsScript } from '../../runtime';
import { AuthMode } from '../../runtime';
import { ASSET_QUESTION, FORM_QUESTIONS } from '../../src/core/intake';
import { assetChoice } from '../../src/core/assets';
import { SHEET_NAMES, type Status, type WorkOrderField } from '../../src/core/model';
import { STAFF_COLUMNS } from '../../src/core/staff';
import { mapHeaders } from '../../src/core/headers';
import type { ReviewActionInput } from '../../src/shared/review';
import { DEMO } from './people';
import { findOrder, registerColumn, registerRows } from './register-reader';
import {
  CANCEL_REASONS,
  DEMO_ASSETS,
  DEMO_SCHEDULES,
  HOLD_REASONS,
  PRIORITY_FOR_URGENCY,
  PROGRESS_NOTES,
  REJECT_REASONS,
  REQUESTS,
  RETURN_REASONS,
  type RequestTemplate,
} from './demo-data';
import { addCalendarDays, isoDate, isWeekend, localParts, startOfLocalDay } from '../../src/core/time';
import { recordDemoWork, typeDemoChecklists } from './seed-records';

export const WORKBOOK_NAME = 'Maintenance work orders';

export interface WorkbookIds {
  spreadsheetId: string;
  formId: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The administrator creates the spreadsheet, runs setup from the add-on menu and types in the staff. */
export async function createWorkbook(rt: LocalAppsScript): Promise<WorkbookIds> {
  const admin = DEMO.admin.email;
  const spreadsheetId = rt.createSpreadsheet(WORKBOOK_NAME, admin);
  // Before first use an add-on's onOpen runs in AuthMode.NONE: only the menu.
  await rt.openSpreadsheet(spreadsheetId, admin, AuthMode.NONE);
  const setup = await rt.runMenuItem(spreadsheetId, admin, 'setUpWorkOrders');
  if (!setup.ok) throw new Error(`setUpWorkOrders failed: ${setup.error?.message ?? ''}`);
  const form = rt.world.forms.linkedTo(spreadsheetId);
  if (!form) throw new Error('setup created no form linked to the spreadsheet');

  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const staffSheet = spreadsheet.requireSheet(SHEET_NAMES.staff);
  const header = staffSheet.readValues(1, 1, 1, Math.max(staffSheet.lastColumn(), 1))[0] ?? [];
  const layout = mapHeaders(header, STAFF_COLUMNS);
  const members = [DEMO.supervisor, ...DEMO.technicians, DEMO.manager];
  const rowOf = (m: { email: string; name: string; role: string }): string[] => {
    const cells = new Array<string>(layout.width).fill('');
    cells[layout.indexOf.email] = m.email;
    cells[layout.indexOf.name] = m.name;
    cells[layout.indexOf.role] = m.role;
    if (layout.indexOf.active >= 0) cells[layout.indexOf.active] = 'TRUE';
    return cells;
  };
  const edit = (row: number, column: number, values: string[][]) =>
    rt.editCells({ spreadsheetId, sheetName: SHEET_NAMES.staff, row, column, values, user: admin });
  // The administrator gives themselves a proper name, then pastes the team below.
  const adminRow = staffSheet
    .readValues(2, 1, Math.max(staffSheet.lastRow() - 1, 1), layout.width)
    .findIndex((r) => String(r[layout.indexOf.email]).toLowerCase() === admin);
  if (adminRow >= 0) await edit(adminRow + 2, layout.indexOf.name + 1, [[DEMO.admin.name]]);
  await edit(staffSheet.lastRow() + 1, 1, members.map(rowOf));
  // The edit trigger drops the add-on's Staff/Settings snapshot itself, so the team is known at once.
  return { spreadsheetId, formId: form.id };
}

/**
 * The administrator pastes the equipment register and the preventive-maintenance schedules (both
 * judged by the edit trigger, the form's asset question following the Assets tab).
 */
async function pasteAssetsAndSchedules(rt: LocalAppsScript, spreadsheetId: string): Promise<void> {
  const admin = DEMO.admin.email;
  const paste = async (sheetName: string, values: string[][]) => {
    const outcome = await rt.editCells({ spreadsheetId, sheetName, row: 2, column: 1, values, user: admin });
    const failed = outcome.executions.find((e) => !e.ok);
    if (failed) throw new Error(`pasting ${sheetName}: ${failed.error?.message ?? ''}`);
  };
  await paste(
    SHEET_NAMES.assets,
    DEMO_ASSETS.map((a) => [...a]),
  );
  const today = localParts(rt.world.clock.now(), rt.world.timeZone);
  await paste(
    SHEET_NAMES.schedules,
    DEMO_SCHEDULES.map((p) => [
      p.id,
      p.task,
      p.asset,
      p.location,
      p.category,
      p.priority,
      DEMO.technicians[p.technician]?.email ?? '',
      String(p.every),
      p.unit,
      p.weekdays,
      String(p.leadDays),
      isoDate(addCalendarDays(today, p.dueInDays)),
      'TRUE',
      '',
    ]),
  );
}

/** The form's answer naming a demo asset ("AHU-ANX-1 — Air handling unit, Annex roof (Annex)"). */
function demoAssetAnswer(id: string): string {
  const a = DEMO_ASSETS.find((row) => row[0] === id);
  if (!a) return '';
  return assetChoice({ id: a[0], name: a[1], location: a[2], category: a[3], criticality: '', active: true });
}

// ---------------------------------------------------------------------------------------------
// The demo history

/** A small seeded generator (mulberry32): the same history on every first start. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Step {
  at: number;
  order: number;
  run: () => Promise<void>;
}

/** Actions in time order; an action may plan later ones. */
class Timeline {
  private readonly steps: Step[] = [];
  private counter = 0;
  add(at: number, run: () => Promise<void>): void {
    this.steps.push({ at, order: this.counter++, run });
  }
  async play(rt: LocalAppsScript, until: number): Promise<void> {
    for (;;) {
      this.steps.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.steps[0];
      if (!next || next.at > until) return;
      this.steps.shift();
      rt.world.clock.set(new Date(next.at));
      await next.run();
    }
  }
}

/** Where an order's story stops (the last days' orders are left in every open status). */
type StopAt = Status | 'end';

export interface SeedOptions {
  /** Days of history before now (default 42: six weeks). */
  days?: number;
  seed?: number;
}

/**
 * The demo workbook with its history: the clock is set back to the morning before the history starts,
 * the administrator sets the workbook up then (so its triggers and first change-log rows come first),
 * the history is played up to now, and the clock returns to real time.
 */
export async function createDemoWorkbook(
  rt: LocalAppsScript,
  options: SeedOptions = {},
): Promise<{ ids: WorkbookIds; summary: string }> {
  const days = options.days ?? 42;
  const now = rt.world.clock.nowMs();
  rt.world.clock.set(
    new Date(startOfLocalDay(new Date(now), rt.world.timeZone, -days - 1).getTime() + 9 * HOUR),
  );
  const ids = await createWorkbook(rt);
  // The demo's checklists and rates (the plain workbook the story tests start from has none).
  await typeDemoChecklists(rt, ids.spreadsheetId, DEMO.admin.email);
  await pasteAssetsAndSchedules(rt, ids.spreadsheetId);
  const summary = await seedDemoHistory(rt, ids, { ...options, days, until: now });
  return { ids, summary };
}

export async function seedDemoHistory(
  rt: LocalAppsScript,
  ids: WorkbookIds,
  options: SeedOptions & { until?: number } = {},
): Promise<string> {
  const started = Date.now();
  const days = options.days ?? 42;
  const random = randomSource(options.seed ?? 20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const { spreadsheetId, formId } = ids;
  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const timeZone = spreadsheet.timeZone;
  const supervisor = DEMO.supervisor.email;
  const problems: string[] = [];
  /** Real time: the history ends here (the clock may already be set back to its start). */
  const now = options.until ?? rt.world.clock.nowMs();

  /** The next office-hours instant at or after `ms` (weekdays 8:00–17:00 local). */
  const officeHours = (ms: number): number => {
    let t = ms;
    for (let i = 0; i < 10; i++) {
      const f = localParts(new Date(t), timeZone);
      if (isWeekend(f.weekday) || f.hour >= 17)
        t = startOfLocalDay(new Date(t), timeZone, 1).getTime() + 8 * HOUR + between(0, 1.5) * HOUR;
      else if (f.hour < 8)
        t = startOfLocalDay(new Date(t), timeZone, 0).getTime() + 8 * HOUR + between(0, 1.5) * HOUR;
      else return t;
    }
    return t;
  };
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

  const ordersBefore = new Set<string>();
  const orderStatus = (id: string): Status | undefined => findOrder(spreadsheet, id)?.order.status;

  async function review(
    input: Record<string, unknown> & { action: ReviewActionInput['action']; id: string },
  ): Promise<boolean> {
    const found = findOrder(spreadsheet, input.id);
    if (!found) return false;
    const request = { ...input, revision: found.order.revision, rowHint: found.row };
    const reply = await rt.callFromHtml('reviewAct', [request], supervisor, spreadsheetId);
    const value = reply.ok ? (reply.value as { ok?: boolean; message?: string } | null) : null;
    if (!reply.ok || !value?.ok) {
      problems.push(
        `${input.action} ${input.id}: ${reply.ok ? (value?.message ?? 'no reply') : reply.error}`,
      );
      return false;
    }
    return true;
  }

  async function type(user: string, id: string, field: WorkOrderField, text: string): Promise<boolean> {
    const found = findOrder(spreadsheet, id);
    if (!found) return false;
    const outcome = await rt.editCells({
      spreadsheetId,
      sheetName: SHEET_NAMES.register,
      row: found.row,
      column: registerColumn(spreadsheet, field),
      values: [[text]],
      user,
    });
    const failed = outcome.executions.find((e) => !e.ok);
    if (failed) problems.push(`${user} typing ${field} of ${id}: ${failed.error?.message ?? ''}`);
    return !failed;
  }

  async function setStatus(user: string, id: string, status: Status): Promise<boolean> {
    await type(user, id, 'status', status);
    const now = orderStatus(id);
    if (now !== status) problems.push(`${id}: ${user} set ${status} but the row says ${now ?? 'nothing'}`);
    return now === status;
  }

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
      for (const r of registerRows(spreadsheet)) ordersBefore.add(r.order.id);
      const answers: Record<string, string> = {};
      const byKey: Record<string, string> = {
        requesterName: requestor.name,
        description: template.description,
        location: template.location,
        urgency: template.urgency,
        resources: template.resources,
      };
      for (const q of FORM_QUESTIONS) if (byKey[q.key] !== '') answers[q.title] = byKey[q.key]!;
      if (template.asset) answers[ASSET_QUESTION.title] = demoAssetAnswer(template.asset);
      const submitted = await rt.submitForm(formId, { respondentEmail: requestor.email, answers });
      submitted.executions
        .filter((e) => !e.ok)
        .forEach((e) => problems.push(`intake: ${e.error?.message ?? ''}`));
      const id = registerRows(spreadsheet).find((r) => !ordersBefore.has(r.order.id))?.order.id;
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

  const orders = registerRows(spreadsheet);
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
