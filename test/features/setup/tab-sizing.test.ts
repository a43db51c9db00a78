/**
 * The add-on's tabs sized to what they hold: a new tab keeps its rows plus SPARE_ROWS and its header's
 * columns; a tab made before (Google's 1,000 × 26) loses only its wholly empty columns and spare rows,
 * once per workbook; whatever anyone typed stays.
 */
import { LocalAppsScript } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { KPI_HISTORY_HEADERS, KPI_HISTORY_SHEET } from '../../../src/core/reports/weekly';
import { SPARE_ROWS, SIZED_TABS } from '../../../src/server/features/setup/tab-sizing';
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';
import { HOUR, runHourly } from '../../support/ops';
import { submitOne } from '../../support/edits';

test('a new workbook: every add-on tab is its content plus spare rows, and its header wide', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const settings = wb.sheet(SHEET_NAMES.settings);
    expect(settings.maxRows).toBe(settings.lastRow() + SPARE_ROWS);
    expect(settings.maxColumns).toBe(settings.lastColumn());
    for (const { name } of SIZED_TABS) {
      const sheet = wb.model.sheetModel(name);
      if (!sheet) continue;
      expect({ name, rows: sheet.maxRows <= Math.max(sheet.lastRow(), 1) + SPARE_ROWS }).toEqual({
        name,
        rows: true,
      });
      expect({ name, columns: sheet.maxColumns }).toEqual({ name, columns: Math.max(sheet.lastColumn(), 1) });
    }
    // The register and the change log keep their own row policies.
    expect(wb.sheet(SHEET_NAMES.register).maxRows).toBe(200);
  } finally {
    await wb.close();
  }
});

test('tabs made before: only wholly empty columns and spare rows go, once; what was typed stays', async () => {
  const rt = LocalAppsScript.load();
  const ssId = rt.createSpreadsheet('Older workbook', ADMIN);
  const model = rt.world.spreadsheets.require(ssId);
  // As Google makes them: 1,000 × 26. Someone typed in column T, row 400 of the Errors tab.
  const errors = model.insertSheetModel(SHEET_NAMES.errors);
  errors.writeValues(1, 1, [['Timestamp', 'Trigger', 'User', 'Message', 'Stack', 'Emailed']]);
  errors.writeValues(400, 20, [['typed by someone']]);
  const kpi = model.insertSheetModel(KPI_HISTORY_SHEET);
  kpi.writeValues(1, 1, [['Week', 'Recorded At']]);
  try {
    const first = expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
    expect(errors.maxColumns).toBe(20);
    expect(errors.maxRows).toBe(400 + SPARE_ROWS);
    expect(errors.readValues(400, 20, 1, 1)).toEqual([['typed by someone']]);
    expect(errors.readValues(1, 1, 1, 6)[0]).toEqual([
      'Timestamp',
      'Trigger',
      'User',
      'Message',
      'Stack',
      'Emailed',
    ]);
    // KPI History's writer does not grow it: its rows stay, its empty columns go.
    expect(kpi.maxRows).toBe(1000);
    expect(kpi.maxColumns).toBe(2);
    expect(first.stats.calls['Sheet.deleteColumns']).toBeGreaterThanOrEqual(2);

    // Done once: setup's next run trims nothing, however the tabs have grown since.
    errors.writeValues(errors.maxRows, 1, [['a row at the very bottom']]);
    const again = expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
    expect(again.stats.calls['Sheet.deleteColumns'] ?? 0).toBe(0);
    expect(again.stats.calls['Sheet.deleteRows'] ?? 0).toBe(0);
    expect(errors.maxRows).toBe(400 + SPARE_ROWS);
  } finally {
    await rt.close();
  }
});

test('the KPI History tab the hourly job makes is as wide as its header', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitOne(wb, { description: 'Leaking tap' });
    // A week later: the first run keeps the week that ended, on a tab it makes.
    const [run] = await runHourly(wb, 8 * 24 * HOUR);
    expect((expectOk(run!).value as { kpiHistory?: string }).kpiHistory).toMatch(/^kept/);
    const kpi = wb.model.sheetModel(KPI_HISTORY_SHEET);
    expect(kpi).toBeDefined();
    expect(kpi!.maxColumns).toBe(KPI_HISTORY_HEADERS.length);
    expect(kpi!.lastColumn()).toBe(KPI_HISTORY_HEADERS.length);
  } finally {
    await wb.close();
  }
});
