/**
 * Whoever may write a report tab (a supervisor: Build reports runs as them) can, with a script of their
 * own, point a report's chart at a tab of made-up figures, or give it another title. Build reports kept
 * a tab's charts whenever their number matched and the document cache said the last build had made
 * them, so the next build by a manager redrew the forged chart under the add-on's figures, saying
 * nothing. Each chart is now read back (its title and source ranges) and made anew unless it draws
 * from the report's own cells. Through dist/Code.js.
 */
import type { RangeRef } from '../../../runtime/host/spreadsheet/validation-rules';
import { submitOne } from '../../support/edits';
import { MANAGER, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await submitOne(wb);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
}, 60_000);
afterAll(() => wb.close());

/** The first report tab with a chart, and that chart's model as the host keeps it. */
function chartedTab() {
  const tab = wb.model.sheetModels().find((s) => s.name.startsWith('Report: ') && s.charts.length > 0);
  if (!tab) throw new Error('no report tab with a chart');
  return tab;
}

/** What each chart of the tab draws from: [sheet id, row, column, rows, columns] per range, and its title. */
function drawn(tab: ReturnType<typeof chartedTab>) {
  return tab.charts.map((c) => ({
    title: c.options.title,
    ranges: c.ranges.map((r) => [r.sheetId, r.rect.row, r.rect.column, r.rect.numRows, r.rect.numColumns]),
  }));
}

test('a chart pointed at a tab of made-up figures is drawn from the report again by the next build', async () => {
  const tab = chartedTab();
  const built = drawn(tab);
  expect(built.every((c) => c.ranges.every(([sheetId]) => sheetId === tab.sheetId))).toBe(true);

  // The supervisor's script: a tab of their own figures, and the chart's ranges moved onto it
  // (EmbeddedChart.modify().clearRanges().addRange(…), Sheet.updateChart: no trigger fires).
  const mine = wb.model.insertSheetModel('Figures');
  mine.writeValues(1, 1, [
    ['Status', 'Orders'],
    ['Closed', 99],
  ]);
  const chart = tab.charts[0];
  if (!chart) throw new Error('no chart');
  chart.ranges = [
    {
      kind: 'range',
      sheetId: mine.sheetId,
      rect: { row: 1, column: 1, numRows: 2, numColumns: 2 },
    } as RangeRef,
  ];

  const rebuilt = expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(rebuilt.stats.calls['Sheet.insertChart'] ?? 0).toBeGreaterThan(0);
  expect(drawn(chartedTab())).toEqual(built);
}, 60_000);

test('a chart retitled by hand is made again with its own title', async () => {
  const tab = chartedTab();
  const built = drawn(tab);
  const chart = tab.charts[0];
  if (!chart) throw new Error('no chart');
  chart.options = { ...chart.options, title: 'Work orders closed on time: 100%' };

  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(drawn(chartedTab())).toEqual(built);
}, 60_000);

test('negative control: charts as built are kept by the next build', async () => {
  const built = drawn(chartedTab());
  const again = expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(again.stats.calls['Sheet.insertChart'] ?? 0).toBe(0);
  expect(again.stats.calls['Sheet.removeChart'] ?? 0).toBe(0);
  expect(drawn(chartedTab())).toEqual(built);
}, 60_000);
