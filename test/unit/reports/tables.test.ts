/** Layout of the report tabs for the hand-computed sample: rectangular blocks, chart ranges, neutralizing. */
import { computeReports, reportTables } from '../../../src/core/reports';
import type { Cell, ReportTab, TabRange } from '../../../src/core/reports';
import { SAMPLE } from './sample';
import { CHART_ROWS, CHART_WIDTH_PX } from '../../../src/core/reports/tables/tab-builder';

const tabs = reportTables(computeReports(SAMPLE));
const tab = (name: string) => tabs.find((t) => t.name === name) as ReportTab;
const cell = (t: ReportTab, row: number, col: number): Cell | undefined => t.values[row - 1]?.[col - 1];
/** The data row of a table whose first cell is `key`. */
const rowOf = (t: ReportTab, key: string) => t.values.find((r) => r[0] === key);
const headerOf = (t: ReportTab, r: TabRange) => t.values[r.row - 1]?.slice(r.col - 1, r.col - 1 + r.numCols);

describe('report tables', () => {
  test('three tabs, each one rectangular block opening with title, built at and covers', () => {
    expect(tabs.map((t) => t.name)).toEqual(['Report: Summary', 'Report: Trends', 'Report: Bottlenecks']);
    for (const t of tabs) {
      const width = t.values[0]?.length ?? 0;
      for (const row of t.values) expect(row).toHaveLength(width);
      expect(cell(t, 1, 1)).toBe(t.name);
      expect(t.values[1]?.slice(0, 2)).toEqual(['Built at', '2026-03-04 12:00 (UTC)']);
      expect(cell(t, 3, 1)).toBe('Covers');
      expect(t.headerRows[0]).toBe(1);
    }
    expect(cell(tab('Report: Summary'), 3, 2)).toBe(
      'Work orders requested 2026-02-02 to 2026-03-04 (7 work orders)',
    );
    expect(cell(tab('Report: Trends'), 3, 2)).toBe(
      "4 weeks from 2026-02-09 to the week of 2026-03-02; 2 months from 2026-02 to 2026-03 (the data's own range, as of 2026-03-04)",
    );
    expect(cell(tab('Report: Bottlenecks'), 3, 2)).toBe(
      'Status changes 2026-02-02 to 2026-03-03; open work as of 2026-03-04',
    );
  });

  test('KPI rows show the figure with its definition beside it', () => {
    const summary = tab('Report: Summary');
    const approve = rowOf(summary, 'Time to approve');
    expect(approve?.slice(0, 7)).toEqual(['Time to approve', 2, 2, 0.08, 0.08, 5, 0]);
    expect(approve?.[7]).toMatch(/^Decided At − Requested At/);
    expect(rowOf(summary, 'SLA compliance')?.slice(0, 3)).toEqual(['SLA compliance', 50, '%']);
    expect(rowOf(summary, 'Overdue')?.slice(0, 3)).toEqual(['Overdue', 1, 'work orders']);
    expect(rowOf(summary, 'P4')?.slice(0, 8)).toEqual(['P4', 2, 0, 0, 0, 0, 0, '']);
  });

  test('required charts point at the right sub-ranges', () => {
    const summary = tab('Report: Summary');
    const byStatus = summary.charts.find((c) => c.type === 'column');
    expect(byStatus?.ranges).toHaveLength(1);
    const statusRange = byStatus?.ranges[0] as TabRange;
    expect(headerOf(summary, statusRange)).toEqual(['Status', 'Count']);
    expect(statusRange.numRows).toBe(10);
    expect(cell(summary, statusRange.row + 9, 1)).toBe('Cancelled');

    const trends = tab('Report: Trends');
    const line = trends.charts.find((c) => c.title === 'Created vs completed per week');
    expect(line?.type).toBe('line');
    const weekRange = line?.ranges[0] as TabRange;
    expect(headerOf(trends, weekRange)).toEqual(['Week', 'Created', 'Completed']);
    expect(weekRange.numRows).toBe(5);
    expect(trends.values[weekRange.row]?.slice(0, 6)).toEqual(['2026-02-09', 1, 1, 1, 0, 1]);

    const bottlenecks = tab('Report: Bottlenecks');
    const bar = bottlenecks.charts.find((c) => c.type === 'bar');
    expect(bar?.ranges.map((r) => headerOf(bottlenecks, r))).toEqual([['Status'], ['Mean (hours)']]);
    expect(bar?.ranges[0]?.numRows).toBe(6);
  });

  test('charts sit under their table at column A, within a laptop screen, over rows left empty', () => {
    for (const t of tabs) {
      const rows = t.charts.map((c) => c.anchor.row);
      for (let i = 1; i < rows.length; i++)
        expect((rows[i] ?? 0) - (rows[i - 1] ?? 0)).toBeGreaterThanOrEqual(CHART_ROWS);
      for (const c of t.charts) {
        // Column A at Sheets' default 100 px columns: the chart's right edge is 600 px from the left.
        expect(c.anchor.col).toBe(1);
        expect((c.anchor.col - 1) * 100 + CHART_WIDTH_PX).toBeLessThanOrEqual(1200);
        // Nothing is written under a chart, so no text (a definition overflowing to the right) is hidden.
        for (let r = c.anchor.row; r < c.anchor.row + CHART_ROWS; r++)
          expect(t.values[r - 1]?.every((cell) => cell === '')).toBe(true);
        // The chart comes right after the data it shows.
        const last = Math.max(...c.ranges.map((r) => r.row + r.numRows - 1));
        expect(c.anchor.row).toBeGreaterThan(last);
        expect(c.anchor.row - last).toBeLessThanOrEqual(1 + CHART_ROWS + 1);
        for (const r of c.ranges) expect(r.row + r.numRows - 1).toBeLessThanOrEqual(t.values.length);
      }
    }
  });

  test('user text is neutralized against formula injection; no string cell starts a formula', () => {
    expect(rowOf(tab('Report: Summary'), `'=HYPERLINK("http://evil")`)).toBeDefined();
    const bottlenecks = tab('Report: Bottlenecks');
    expect(rowOf(bottlenecks, "'=Bob")?.slice(0, 2)).toEqual(["'=Bob", 'B@example.com']);
    const overdue = rowOf(bottlenecks, 'WO-2026-00003');
    expect(overdue).toEqual(
      expect.arrayContaining([
        'C',
        'In Progress',
        new Date('2026-03-03T08:00:00Z'),
        1.2,
        "'-Sparks from outlet",
      ]),
    );
    for (const t of tabs) {
      for (const row of t.values) {
        for (const c of row) if (typeof c === 'string') expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  test('bottleneck tables show time in status with On Hold apart, aging and technicians', () => {
    const b = tab('Report: Bottlenecks');
    expect(rowOf(b, 'In Progress')?.slice(0, 6)).toEqual(['In Progress', 4, 5, 68, 38, 272]);
    expect(rowOf(b, 'On Hold')?.slice(0, 6)).toEqual(['On Hold', 2, 2, 17, 17, 34]);
    expect(rowOf(b, '7–30 d')?.slice(0, 8)).toEqual(['7–30 d', 2, 0, 0, 0, 1, 0, 1]);
    expect(rowOf(b, 'Cy')?.slice(0, 11)).toEqual(['Cy', 'c@example.com', 0, 0, 0, 0, 0, 0, 0, 0, '']);
  });
});
