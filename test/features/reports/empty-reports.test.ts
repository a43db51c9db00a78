/**
 * A manager's first Build reports, on a workbook just set up: every tab is built, says it covers no
 * work orders, and draws no chart of zeros (a blank plot reads like a broken one); each chart left out
 * is named by a line in its place. The first request brings the status chart back.
 */
import { snapshot } from '../../../runtime/host/spreadsheet/snapshot';
import { MANAGER, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { submitOne } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const reportTabs = () => wb.model.sheetModels().filter((s) => s.name.startsWith('Report: '));
const cellsOf = (name: string) => wb.values(name).flat().map(String);

test('with no work orders: every tab is built, none has a chart, each says which chart it left out', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(reportTabs().map((s) => s.name)).toEqual(
    expect.arrayContaining(['Report: Summary', 'Report: Trends', 'Report: Bottlenecks']),
  );
  for (const tab of reportTabs()) expect(snapshot(wb.sheet(tab.name)).charts).toEqual([]);
  expect(cellsOf('Report: Summary')).toContain(
    'No chart of work orders by status yet: every value is 0 or empty.',
  );
  expect(cellsOf('Report: Trends')).toContain(
    'No chart of created vs completed per week yet: every value is 0 or empty.',
  );
  expect(cellsOf('Report: Bottlenecks')).toContain(
    'No chart of open work by age yet: every value is 0 or empty.',
  );
  // A single period is one period, not "1 weeks".
  expect(cellsOf('Report: Trends').find((c) => c.includes('the data'))).toMatch(
    /^1 week from .*; 1 month from /,
  );
}, 60_000);

test('the first request brings the charts that now have something to show', async () => {
  await submitOne(wb);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  const titles = snapshot(wb.sheet('Report: Summary')).charts.map((c) => c.options.title);
  expect(titles).toEqual(['Work orders by status']);
  expect(cellsOf('Report: Summary').some((c) => c.startsWith('No chart of work orders by status'))).toBe(
    false,
  );
  expect(snapshot(wb.sheet('Report: Trends')).charts.map((c) => c.options.title)).toContain(
    'Created vs completed per week',
  );
}, 60_000);
