/**
 * KPIs managers can trust, through dist/Code.js: work done through the real sidebar and My work
 * (stamps keep milliseconds, the change log whole seconds), then "Build reports" as a manager.
 * Time to assign counts orders handled with Approve & assign; MTTR and mean time to respond are
 * named, defined on the tab and computed as defined; trends cover only the data's own weeks and
 * months; every chart sits at column A under its table, over empty rows, within a laptop's width.
 */
import { LocalAppsScript } from '../../../runtime';
import { snapshot } from '../../../runtime/host/spreadsheet/snapshot';
import { SHEET_NAMES } from '../../../src/core/model';
import { sidebarAct, submitOne } from '../../support/edits';
import { HOUR, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, MANAGER, TECH, expectOk, type TestWorkbook } from '../../support/workbook';

/** Monday 2 November 2026, 09:00:00.250 in New York (EST): stamps with milliseconds. */
const T0 = new Date('2026-11-02T14:00:00.250Z').getTime();
const at = (hours: number, ms = 0) => new Date(T0 + hours * HOUR + ms);

let wb: TestWorkbook;
const ids: string[] = [];

async function technicianStep(id: string, hours: number, request: Record<string, unknown>) {
  wb.rt.world.clock.set(at(hours, 480));
  const order = wb.order(id);
  const record = expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: order.revision, ...request }));
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`myWorkAct ${String(request.action)} refused: ${reply.message ?? ''}`);
}

const done = { action: 'complete', results: 'Fixed', actionsTaken: 'Replaced the part' };

/** The rows of a report tab's table whose header row starts with `firstHeader`, after `heading`. */
function table(name: string, heading: string, firstHeader: string): unknown[][] {
  const values = wb.values(name);
  const start = values.findIndex((r) => r[0] === heading);
  const header = values.findIndex((r, i) => i > start && r[0] === firstHeader);
  const end = values.findIndex((r, i) => i > header && r.every((c) => c === ''));
  return values.slice(header + 1, end < 0 ? undefined : end);
}

function kpiRow(label: string): unknown[] {
  const row = wb.values(SHEET_NAMES.reportSummary).find((r) => r[0] === label);
  if (!row) throw new Error(`no KPI row ${label}`);
  return row;
}

beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(at(-1));
  wb = await setUpWorkbookIn(rt);
  // Setup again on the staffed workbook, as an administrator does: the staff get their protections.
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  wb.rt.world.clock.set(at(0));
  for (let i = 0; i < 3; i++) ids.push(await submitOne(wb, { description: `Job ${i + 1}` }));
  // Approve & assign, two hours later, at .730 s: stamps keep the milliseconds, the log does not.
  for (const id of ids) {
    wb.rt.world.clock.set(at(2, 730));
    await sidebarAct(wb, {
      action: 'approveAssign',
      id,
      revision: wb.order(id).revision,
      category: 'Electrical',
      priority: 'P2 Urgent',
      assignee: TECH,
    });
  }
  const [a, b] = ids as [string, string];
  // A: started at +3 h, On Hold from +4 h to +6 h, completed at +7 h → 2 h of repair.
  await technicianStep(a, 3, { action: 'start' });
  await technicianStep(a, 4, { action: 'hold', reason: 'Waiting for parts' });
  await technicianStep(a, 6, { action: 'resume' });
  await technicianStep(a, 7, done);
  // B: started at +3 h, completed at +5 h → 2 h of repair. The third order stays Assigned.
  await technicianStep(b, 3, { action: 'start' });
  await technicianStep(b, 5, done);
  wb.rt.world.clock.set(at(8));
  expectOk(await wb.menu(MANAGER, 'buildReports'));
});
afterAll(() => wb.close());

describe('the KPI rows of Report: Summary', () => {
  test('Time to assign counts every order handled with Approve & assign (0 h), none left out', () => {
    const row = kpiRow('Time to assign');
    // KPI | Mean (h) | Median (h) | Mean (d) | Median (d) | Orders counted | Left out | Definition
    expect(row.slice(1, 7)).toEqual([0, 0, 0, 0, 3, 0]);
    expect(String(row[7])).toMatch(/compared to the whole second/);
    const notes = wb.values(SHEET_NAMES.reportSummary).map((r) => String(r[0]));
    expect(notes.some((n) => /Assigned At is before/.test(n))).toBe(false);
  });

  test('mean time to respond: Requested At → Decided At, 2 h for each of the three', () => {
    const row = kpiRow('Mean time to respond');
    expect(row.slice(1, 7)).toEqual([2, 2, 0.08, 0.08, 3, 0]);
    expect(String(row[7])).toMatch(/^Decided At − Requested At, for every request a supervisor decided/);
  });

  test('MTTR: Started At → Completed At less the time On Hold, named and defined on the tab', () => {
    const row = kpiRow('MTTR (mean time to repair)');
    expect(row.slice(1, 7)).toEqual([2, 2, 0.08, 0.08, 2, 0]);
    expect(String(row[7])).toMatch(
      /^Mean time to repair, the maintenance standard: Completed At − Started At, less the time the order spent On Hold/,
    );
    // Time to complete is the requestor's wait from assignment, holds included: 5 h and 3 h.
    expect(kpiRow('Time to complete').slice(1, 2)).toEqual([4]);
  });
});

describe('Report: Trends', () => {
  test('weeks and months cover the data’s own range: no empty periods before or after', () => {
    expect(
      table(SHEET_NAMES.reportTrends, 'Per week (weeks start on Monday)', 'Week').map((r) => r.slice(0, 3)),
    ).toEqual([['2026-11-02', 3, 2]]);
    expect(table(SHEET_NAMES.reportTrends, 'Per month', 'Month').map((r) => r.slice(0, 3))).toEqual([
      ['2026-11', 3, 2],
    ]);
    const covers = wb.values(SHEET_NAMES.reportTrends)[2]![1];
    expect(covers).toBe(
      "1 week from 2026-11-02 to the week of 2026-11-02; 1 month from 2026-11 to 2026-11 (the data's own range, as of 2026-11-02)",
    );
  });
});

describe('charts', () => {
  const tabs = [SHEET_NAMES.reportSummary, SHEET_NAMES.reportTrends, SHEET_NAMES.reportBottlenecks];

  test('each sits at column A under its table, 600 px wide: within 1,200 px of the left edge', () => {
    let count = 0;
    for (const name of tabs) {
      for (const chart of snapshot(wb.sheet(name)).charts) {
        count++;
        expect(chart.position).toMatchObject({ anchorColumn: 1, offsetX: 0 });
        expect(chart.options.width).toBe(600);
        // Default column width 100 px: the left edge at (column − 1) × 100.
        expect((chart.position.anchorColumn - 1) * 100 + Number(chart.options.width)).toBeLessThanOrEqual(
          1200,
        );
      }
    }
    expect(count).toBeGreaterThanOrEqual(6);
  });

  test('no text lies under a chart: the rows it covers are empty, and they come after its data', () => {
    for (const name of tabs) {
      const values = wb.values(name);
      for (const chart of snapshot(wb.sheet(name)).charts) {
        const top = chart.position.anchorRow;
        const height = Math.ceil(Number(chart.options.height) / 21);
        for (let r = top; r < top + height; r++)
          expect(values[r - 1]?.every((c) => c === '') ?? true).toBe(true);
        const lastDataRow = Math.max(...chart.ranges.map((a1) => Number(/(\d+)$/.exec(a1)?.[1] ?? 0)));
        expect(top).toBeGreaterThan(lastDataRow);
      }
    }
  });
});
