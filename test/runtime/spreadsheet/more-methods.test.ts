/**
 * Conformance: the remaining Range formatting setters, Protection.setRange/setDomainEdit and the
 * chart builder's secondary settings, through the sandbox.
 * Sources: developers.google.com/apps-script/reference/spreadsheet/range (the plural setters and
 * setWrapStrategy), …/spreadsheet/protection (setRange, setDomainEdit) and
 * …/spreadsheet/embedded-chart-builder.
 */
import type { LocalAppsScript } from '../../../runtime';
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function pluralSetters() {
  var r = sheet().getRange('A1:B1');
  r.setFontColors([['#111111', '#222222']]).setHorizontalAlignments([['left', 'right']]).setWraps([[true, false]])
    .setFontWeights([['bold', null]]).setBackgrounds([['#eeeeee', null]]).setFontFamily('Roboto').setFontLine('underline')
    .setWrapStrategy(SpreadsheetApp.WrapStrategy.CLIP);
  return [r.getFontColors(), r.getFontWeights(), r.getBackgrounds(), r.getFontFamily(), r.getFontLine(), r.getWrapStrategy(),
    sheet().getRange('B1').getHorizontalAlignment(), sheet().getRange('C1').getWrapStrategy()];
}
function pluralShape() { sheet().getRange('A1:B1').setBackgrounds([['#fff']]); }

function protectionRange() {
  var s = sheet();
  var other = SpreadsheetApp.getActive().insertSheet('Other');
  var p = s.getRange('A1:B2').protect();
  p.setRange(other.getRange('C3:D4'));
  p.setDomainEdit(true);
  return [p.getRange().getSheet().getName(), p.getRange().getA1Notation(), p.canDomainEdit(), p.isDomainEdit(), p.getRangeName(),
    s.getProtections(SpreadsheetApp.ProtectionType.RANGE).length, other.getProtections(SpreadsheetApp.ProtectionType.RANGE).length];
}
function unprotectedOnRange() { sheet().getRange('A1').protect().setUnprotectedRanges([]); }
function removedTwice() { var p = sheet().getRange('A1').protect(); p.remove(); p.getDescription(); }

function chartSettings() {
  var s = sheet();
  var b = s.newChart().asAreaChart().addRange(s.getRange('A1:B5')).addRange(s.getRange('D1:D5')).removeRange(s.getRange('D1:D5'))
    .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH).setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
    .setTransposeRowsAndColumns(true).setColors(['#ff0000']).setBackgroundColor('#ffffff').setDimensions(600, 400).setRange(0, 10)
    .reverseCategories().setStacked();
  var c = b.build();
  var container = b.getContainer();
  return [String(b), b.getRanges().length, c.getHiddenDimensionStrategy(), c.getMergeStrategy(), c.getTransposeRowsAndColumns(),
    c.getOptions().get('colors'), c.getOptions().get('width'), c.getOptions().get('vAxis.viewWindow.max'),
    [container.getAnchorRow(), container.getAnchorColumn()], String(s.newChart().asTableChart()), String(s.newChart().asScatterChart()),
    String(s.newChart().asComboChart()), String(s.newChart().asHistogramChart()), String(s.newChart().asSteppedAreaChart()),
    String(s.newChart().asColumnChart())];
}
function badChartType() { sheet().newChart().setChartType('DONUT'); }
function removeUnknownChart() { sheet().removeChart(sheet().newChart().build()); }
`;

describe('more methods', () => {
  let rt: LocalAppsScript;
  beforeAll(() => {
    rt = project(SOURCE).rt;
  });
  afterAll(() => rt.close());
  const fresh = () => rt.world.spreadsheets.create('T', OWNER).id;

  test('plural formatting setters take one value per cell; wrap strategy; defaults elsewhere', async () => {
    expect(await value(rt, 'pluralSetters', fresh())).toEqual([
      [['#111111', '#222222']],
      [['bold', 'normal']],
      [['#eeeeee', '#ffffff']],
      'Roboto',
      'underline',
      'CLIP',
      'right',
      'OVERFLOW',
    ]);
    expect(await errorOf(rt, 'pluralShape', fresh())).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('Protection.setRange moves a protection (even to another sheet); setDomainEdit; removed protections fail', async () => {
    expect(await value(rt, 'protectionRange', fresh())).toEqual(['Other', 'C3:D4', true, true, null, 0, 1]);
    expect(await errorOf(rt, 'unprotectedOnRange', fresh())).toMatch(/sheet protection/);
    expect(await errorOf(rt, 'removedTwice', fresh())).toMatch(/no longer exists/);
  });

  test('chart builder: removeRange, strategies, transpose, typed-builder options, class names', async () => {
    expect(await value(rt, 'chartSettings', fresh())).toEqual([
      'EmbeddedAreaChartBuilder',
      1,
      'SHOW_BOTH',
      'MERGE_ROWS',
      true,
      ['#ff0000'],
      600,
      10,
      [1, 1],
      'EmbeddedTableChartBuilder',
      'EmbeddedScatterChartBuilder',
      'EmbeddedComboChartBuilder',
      'EmbeddedHistogramChartBuilder',
      'EmbeddedSteppedAreaChartBuilder',
      'EmbeddedColumnChartBuilder',
    ]);
    expect(await errorOf(rt, 'badChartType', fresh())).toBe(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(await errorOf(rt, 'removeUnknownChart', fresh())).toMatch(/not found/);
  });
});
