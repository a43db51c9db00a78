/**
 * The operations the benchmark runs on each world, started the way people start them: a form
 * submission, menu items, google.script.run calls from the sidebar, typing and pasting in the
 * register, time passing for the hourly trigger. Where a feature's owner provides a measuring
 * function (bench/review.ts, bench/edits.ts, bench/operations-ops.ts) main.ts uses theirs; these are
 * the defaults.
 */
import { parseRegisterRow, registerLayout } from '../src/core/columns';
import { SHEET_NAMES, type WorkOrder } from '../src/core/model';
import { FORM_QUESTIONS } from '../src/core/intake';
import type { ExecutionRecord } from '../runtime';
import type { BenchWorld, Measurement } from './types';
import { expectFirstData } from './first-data';
import { medianRun, repeatRunsFromEnv } from './median-run';

/** The register as the host model holds it: every order with its row, and the column of each field. */
export function registerRows(world: BenchWorld): {
  rows: { row: number; order: WorkOrder }[];
  column: (field: keyof WorkOrder) => number;
} {
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  const values = sheet.readValues(1, 1, sheet.lastRow(), sheet.lastColumn());
  const layout = registerLayout(values[0] ?? []);
  const rows: { row: number; order: WorkOrder }[] = [];
  for (let i = 1; i < values.length; i++) {
    const parsed = parseRegisterRow(values[i] ?? [], layout, i + 1);
    if (parsed.ok) rows.push({ row: i + 1, order: parsed.order });
  }
  return { rows, column: (field) => layout.indexOf[field] + 1 };
}

async function menu(world: BenchWorld, user: string, fn: string): Promise<ExecutionRecord> {
  return world.rt.runMenuItem(world.ssId, user, fn);
}

async function sidebarCall(
  world: BenchWorld,
  user: string,
  fn: string,
  arg: unknown,
): Promise<ExecutionRecord> {
  return world.rt.run(fn, { user, spreadsheetId: world.ssId, kind: 'script-run', args: [arg] });
}

export async function measureSetupRerun(world: BenchWorld): Promise<Measurement[]> {
  return [
    {
      operation: 'setup (re-run on the full workbook)',
      records: [await menu(world, world.users.admin, 'setUpWorkOrders')],
    },
  ];
}

export async function measureIngest(world: BenchWorld): Promise<Measurement[]> {
  const answers: Record<string, string> = {
    requesterName: 'Rita Requestor',
    description: 'The hallway light on floor 2 flickers',
    location: 'Main Building',
    urgency: 'Routine',
    resources: 'Ladder',
  };
  const byTitle = Object.fromEntries(FORM_QUESTIONS.map((q) => [q.title, answers[q.key] ?? '']));
  const submission = await world.rt.submitForm(world.formId, {
    respondentEmail: world.users.requestor,
    answers: byTitle,
  });
  return [{ operation: 'ingest one submission', records: submission.executions }];
}

/**
 * Sidebar open: the menu item, whose page carries the queue (the page makes no call before showing
 * it). Warmed once (the queue index).
 */
export async function measureReviewDefault(world: BenchWorld): Promise<Measurement[]> {
  const supervisor = world.users.supervisors[0] ?? world.users.admin;
  await sidebarCall(world, supervisor, 'reviewLoad', {});
  const open = [await menu(world, supervisor, 'openReviewSidebar')];
  expectFirstData(world, supervisor, 'open the sidebar');
  const { rows } = registerRows(world);
  const submitted = [...rows].reverse().find((r) => r.order.status === 'Submitted');
  const act: ExecutionRecord[] = [];
  let note: string | undefined;
  if (submitted) {
    act.push(
      await sidebarCall(world, supervisor, 'reviewAct', {
        action: 'approveAssign',
        id: submitted.order.id,
        revision: submitted.order.revision,
        rowHint: submitted.row,
        category: 'Electrical',
        priority: 'P3 Routine',
        assignee: world.users.technicians[0],
      }),
    );
  } else note = 'no Submitted order to approve';
  return [
    { operation: 'open the sidebar', records: open },
    { operation: 'approve and assign', records: act, note },
  ];
}

/** A technician moves one of their Assigned orders to In Progress, then pastes 50 rows of notes. */
export async function measureEditsDefault(world: BenchWorld): Promise<Measurement[]> {
  const { rows, column } = registerRows(world);
  // The first Assigned order, edited by its own technician.
  const mine = rows.find((r) => r.order.status === 'Assigned' && r.order.assignee !== '');
  const tech = mine?.order.assignee ?? world.users.technicians[0] ?? '';
  const out: Measurement[] = [];
  if (mine) {
    const edit = await world.rt.editCells({
      spreadsheetId: world.ssId,
      sheetName: SHEET_NAMES.register,
      row: mine.row,
      column: column('status'),
      values: [['In Progress']],
      user: tech,
    });
    out.push({ operation: 'a technician edit', records: edit.executions });
  } else out.push({ operation: 'a technician edit', records: [], note: 'no Assigned order' });
  // 50 consecutive rows of Progress Notes, Results and Actions Taken pasted at the end of the register.
  const first = Math.max(2, (rows[rows.length - 1]?.row ?? 2) - 49);
  const values = Array.from({ length: 50 }, (_, i) => [
    `Checked on site (${i + 1})`,
    'Fixed',
    'Replaced the part',
  ]);
  const paste = await world.rt.editCells({
    spreadsheetId: world.ssId,
    sheetName: SHEET_NAMES.register,
    row: first,
    column: column('notes'),
    values,
    user: tech,
  });
  out.push({ operation: 'a 50-row paste', records: paste.executions });
  return out;
}

export async function measureHourlyDefault(world: BenchWorld): Promise<Measurement[]> {
  return [{ operation: 'the hourly job', records: await world.rt.runTimeDrivenTriggers({ all: true }) }];
}

/** Steady-state rebuilds of the reports per world; the row prices the median one (bench/median-run.ts). */
export const REPORT_REBUILDS = 3;

export async function measureReports(world: BenchWorld): Promise<Measurement[]> {
  // The first build creates the tabs; the rebuilds are the steady state (tabs and charts replaced),
  // the same service calls each time, so only their JavaScript time differs: the median one is priced.
  const first = await menu(world, world.users.manager, 'buildReports');
  const again: ExecutionRecord[] = [];
  for (let i = repeatRunsFromEnv(REPORT_REBUILDS); i > 0; i--) {
    again.push(await menu(world, world.users.manager, 'buildReports'));
  }
  const { run, spread } = medianRun(again);
  return [
    { operation: 'build reports (first)', records: [first] },
    { operation: 'build reports', records: [run], scriptSpread: spread },
  ];
}

export async function measureArchiveDefault(world: BenchWorld): Promise<Measurement[]> {
  return [
    { operation: 'archive', records: [await menu(world, world.users.admin, 'archiveClosedWorkOrders')] },
  ];
}
