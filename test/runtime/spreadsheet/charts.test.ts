/**
 * Conformance: embedded charts (developers.google.com/apps-script/reference/spreadsheet/
 * embedded-chart-builder, embedded-chart) and the Charts enums. Charts are recorded, not drawn.
 */
import type { LocalAppsScript } from '../../../runtime';
import { snapshot } from '../../../runtime/host/spreadsheet';
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function build() {
  var s = sheet();
  s.getRange('A1:B4').setValues([['Status', 'Count'], ['Open', 3], ['Closed', 5], ['On Hold', 1]]);
  var chart = s.newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(s.getRange('A1:B4'))
    .setPosition(2, 4, 10, 20)
    .setOption('title', 'Work orders by status')
    .setNumHeaders(1)
    .build();
  var before = [chart.getChartId(), chart.getId()];
  s.insertChart(chart);
  var inserted = s.getCharts()[0];
  var info = inserted.getContainerInfo();
  return [before, s.getCharts().length, typeof inserted.getChartId(), inserted.getRanges().map(function (r) { return r.getA1Notation(); }),
    inserted.getOptions().get('title'), inserted.getOptions().get('nope'), [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
    inserted.getNumHeaders(), inserted.modify().getChartType()];
}

function typedBuilders() {
  var s = sheet();
  var line = s.newChart().asLineChart().setTitle('Created vs completed').setXAxisTitle('Week').setYAxisTitle('Count')
    .setLegendPosition(Charts.Position.BOTTOM).addRange(s.getRange('A1:C10')).setPosition(1, 1, 0, 0).build();
  var pie = s.newChart().asPieChart().set3D().setTitle('By category').addRange(s.getRange('E1:F5')).build();
  var bar = s.newChart().asBarChart().setStacked().build();
  s.insertChart(line);
  s.insertChart(pie);
  return [line.getOptions().get('title'), line.getOptions().get('hAxis.title'), line.getOptions().get('legend.position'),
    pie.getOptions().get('is3D'), bar.getOptions().get('isStacked'), s.getCharts().length];
}
function stackedLine() { sheet().newChart().asLineChart().setStacked(); }

function modifyAndRemove() {
  var s = sheet();
  s.insertChart(s.newChart().setChartType(Charts.ChartType.PIE).addRange(s.getRange('A1:B3')).build());
  var chart = s.getCharts()[0];
  var id = chart.getChartId();
  var updated = chart.modify().setChartType(Charts.ChartType.BAR).clearRanges().addRange(s.getRange('A1:B9')).setOption('title', 'New').build();
  s.updateChart(updated);
  var after = s.getCharts()[0];
  var state = [after.getChartId() === id, after.modify().getChartType(), after.getRanges()[0].getA1Notation(), after.getOptions().get('title')];
  s.removeChart(after);
  return [state, s.getCharts().length];
}
function updateUnknown() { var s = sheet(); s.updateChart(s.newChart().build()); }

function badEnum(method, name) { var b = sheet().newChart(); if (method === 'setLegendPosition') b = b.asColumnChart(); b[method](name); }
function enums() {
  return [Charts.ChartType.AREA, Charts.ChartType.TABLE, Charts.ChartType.SCATTER, Charts.Position.RIGHT, 'LegendPosition' in Charts];
}
`;

describe('Charts', () => {
  let rt: LocalAppsScript;
  beforeAll(() => {
    rt = project(SOURCE).rt;
  });
  afterAll(() => rt.close());
  const fresh = () => rt.world.spreadsheets.create('T', OWNER).id;

  test('EmbeddedChartBuilder: type, ranges, position, options, numHeaders; built charts have no id until inserted', async () => {
    const id = fresh();
    expect(await value(rt, 'build', id)).toEqual([
      [null, null],
      1,
      'number',
      ['A1:B4'],
      'Work orders by status',
      null,
      [2, 4, 10, 20],
      1,
      'COLUMN',
    ]);
    const charts = snapshot(rt.world.spreadsheets.require(id).sheetModels()[0]!).charts;
    expect(charts).toEqual([
      {
        chartId: expect.any(Number),
        type: 'COLUMN',
        ranges: ['Sheet1!A1:B4'],
        options: { title: 'Work orders by status' },
        position: { anchorRow: 2, anchorColumn: 4, offsetX: 10, offsetY: 20 },
      },
    ]);
  });

  test('asLineChart/asPieChart/asBarChart typed builders set Google option names', async () => {
    expect(await value(rt, 'typedBuilders', fresh())).toEqual([
      'Created vs completed',
      'Week',
      'bottom',
      true,
      true,
      2,
    ]);
    expect(await errorOf(rt, 'stackedLine', fresh())).toBe(
      'not implemented in the local runtime: EmbeddedLineChartBuilder.setStacked',
    );
  });

  test('EmbeddedChart.modify + Sheet.updateChart keep the chart id; removeChart deletes it', async () => {
    expect(await value(rt, 'modifyAndRemove', fresh())).toEqual([[true, 'BAR', 'A1:B9', 'New'], 0]);
    expect(await errorOf(rt, 'updateUnknown', fresh())).toMatch(/not found/);
  });

  test('an enum argument that names no value of the enum is a signature mismatch, as Apps Script checks it', async () => {
    const cases: [string, string, string][] = [
      ['setChartType', 'FOO', 'EmbeddedChartBuilder'],
      ['setChartType', 'toString', 'EmbeddedChartBuilder'],
      ['setHiddenDimensionStrategy', 'HIDE_ALL', 'EmbeddedChartBuilder'],
      ['setMergeStrategy', 'MERGE_CELLS', 'EmbeddedChartBuilder'],
      ['setLegendPosition', 'MIDDLE', 'EmbeddedColumnChartBuilder'],
    ];
    for (const [method, name, cls] of cases)
      expect(await errorOf(rt, 'badEnum', fresh(), { args: [method, name] })).toBe(
        `The parameters (String) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
      );
  });

  // Reference: setLegendPosition takes Charts.Position (TOP, RIGHT, BOTTOM, NONE); Charts has no
  // LegendPosition.
  test('Charts.ChartType and Charts.Position enums', async () => {
    expect(await value(rt, 'enums', fresh())).toEqual(['AREA', 'TABLE', 'SCATTER', 'RIGHT', false]);
  });
});
