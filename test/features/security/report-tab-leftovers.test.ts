/**
 * A report tab's name can be taken before the first build (any editor may add a tab): the build then
 * protects that tab and writes the report into it (report-tab-decoy.test.ts). Sheet.clear() empties
 * its cells and formats, but not what a technician can leave around them: a note on a figure ("SLA
 * compliance checked: all met"), a conditional format rule that whitens the figures they would rather
 * nobody read, a hidden column. Each stayed under the build's figures, shown to the managers as the
 * report. The build now clears them from a tab that was not the add-on's; a tab it made costs no more
 * calls. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { EMPTY_FORMAT } from '../../../runtime/host/spreadsheet/conditional-format-model';
import { assignedOrder } from '../../support/edits';
import { MANAGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SUMMARY = SHEET_NAMES.reportSummary;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb, TECH);
});
afterAll(() => wb.close());

test("a note, a rule hiding figures and a hidden column on a technician's tab do not outlast the build", async () => {
  // The technician's tab, made before the first build, with what clear() would not take.
  const decoy = wb.model.insertSheetModel(SUMMARY);
  decoy.setNote(3, 2, 'Figures checked by the supervisor: every SLA met.');
  decoy.conditionalFormats.push({
    criteria: 'CELL_NOT_EMPTY',
    values: [],
    format: { ...EMPTY_FORMAT, fontColor: '#ffffff' },
    ranges: [{ row: 1, column: 2, numRows: 60, numColumns: 4 }],
  });
  decoy.hiddenColumns.set(2, true);

  expectOk(await wb.menu(MANAGER, 'buildReports'));
  const tab = wb.sheet(SUMMARY);
  expect(tab.sheetId).toBe(decoy.sheetId);
  expect(
    tab.readNotes({ row: 1, column: 1, numRows: tab.maxRows, numColumns: tab.maxColumns }).flat(),
  ).toEqual(expect.not.arrayContaining([expect.stringContaining('every SLA met')]));
  expect(tab.conditionalFormats).toEqual([]);
  expect([...tab.hiddenColumns.keys()]).toEqual([]);
}, 60_000);

test('negative control: a rebuild of a tab the add-on already holds makes none of those calls', async () => {
  const again = expectOk(await wb.menu(MANAGER, 'buildReports'));
  for (const call of ['Sheet.clearNotes', 'Sheet.setConditionalFormatRules', 'Sheet.showColumns'])
    expect([call, again.stats.calls[call] ?? 0]).toEqual([call, 0]);
}, 60_000);
