/**
 * A rebuild whose charts are the ones already on the tabs keeps them (new values redraw them): two
 * writes saved per chart. A chart deleted by hand is made again at the next build.
 */
import { snapshot } from '../../../runtime/host/spreadsheet/snapshot';
import { MANAGER, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { submitOne } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await submitOne(wb);
}, 60_000);
afterAll(() => wb.close());

const chartTabs = () =>
  wb.model.sheetModels().filter((s) => s.name.startsWith('Report: ') && s.charts.length > 0);
const chartsOf = () => chartTabs().map((s) => snapshot(wb.sheet(s.name)).charts);

test('a rebuild keeps charts that already match, and makes again one deleted by hand', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  const built = chartsOf();
  expect(built.flat().length).toBeGreaterThan(2);

  const again = expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(again.stats.calls['Sheet.removeChart'] ?? 0).toBe(0);
  expect(again.stats.calls['Sheet.insertChart'] ?? 0).toBe(0);
  expect(chartsOf()).toEqual(built);

  const [tab] = chartTabs();
  if (!tab) throw new Error('no report tab with charts');
  const count = tab.charts.length;
  tab.charts.splice(0, 1); // someone deleted a chart
  const repaired = expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(repaired.stats.calls['Sheet.insertChart']).toBe(count);
  expect(tab.charts).toHaveLength(count);
  expect(chartsOf().map((charts) => charts.map((c) => ({ ...c, chartId: 0 })))).toEqual(
    built.map((charts) => charts.map((c) => ({ ...c, chartId: 0 }))),
  );
}, 60_000);
