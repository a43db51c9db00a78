/**
 * The registers reach 100,000 rows: a batched read and write of 100,000 × 30 through the sandbox, and
 * appends on a long sheet, with the cells and calls they count. (How long they take is printed by
 * `npm run bench`, not asserted here.)
 */
import { rangeObject, spreadsheetObject } from '../../../runtime/host/spreadsheet';
import { OWNER, project, value } from './helpers';

const SOURCE = String.raw`
function writeBig(rows) {
  var data = [];
  for (var i = 0; i < rows; i++) {
    var line = ['WO-' + i];
    for (var j = 1; j < 30; j++) line.push(i * 30 + j);
    data.push(line);
  }
  var s = SpreadsheetApp.getActive().getSheets()[0];
  s.insertRowsAfter(s.getMaxRows(), rows - s.getMaxRows());
  s.insertColumnsAfter(s.getMaxColumns(), 4);
  s.getRange(1, 1, rows, 30).setValues(data);
  return s.getLastRow();
}
function readBig() {
  var s = SpreadsheetApp.getActive().getSheets()[0];
  var v = s.getDataRange().getValues();
  return [v.length, v[0].length, v[v.length - 1][29]];
}
function appendMany(n) {
  var s = SpreadsheetApp.getActive().getSheets()[0];
  for (var i = 0; i < n; i++) s.appendRow(['row ' + i, i]);
  return s.getLastRow();
}
function onEdit(e) { return [e.range.getA1Notation(), e.range.getValue(), e.source.getId(), e.value]; }
`;

test('100,000 × 30 setValues and getValues through the sandbox', async () => {
  const { rt, id } = project(SOURCE);
  try {
    const w = await rt.run('writeBig', { user: OWNER, spreadsheetId: id, args: [100_000] });
    expect(w.value).toBe(100_000);
    expect(w.stats.cellsWritten).toBe(3_000_000);
    const r = await rt.run('readBig', { user: OWNER, spreadsheetId: id });
    expect(r.value).toEqual([100_000, 30, 99_999 * 30 + 29]);
    expect(r.stats.cellsRead).toBe(3_000_000);
  } finally {
    await rt.close();
  }
}, 120_000);

test('2,000 appendRow calls on a 100,000-row sheet each land after the last row', async () => {
  const { rt, id } = project(SOURCE);
  try {
    const sheet = rt.world.spreadsheets.require(id).sheetModels()[0]!;
    sheet.writeValues(
      1,
      1,
      Array.from({ length: 100_000 }, (_, i) => [`WO-${i}`, i]),
    );
    const r = await rt.run('appendMany', { user: OWNER, spreadsheetId: id, args: [2000] });
    expect(r.value).toBe(102_000);
    expect(sheet.valueAt(102_000, 1)).toBe('row 1999');
    expect(r.stats.calls['Sheet.appendRow']).toBe(2000);
  } finally {
    await rt.close();
  }
}, 60_000);

test('rangeObject/spreadsheetObject build event objects bound to the execution', async () => {
  const { rt, id } = project(SOURCE);
  try {
    rt.world.spreadsheets
      .require(id)
      .sheetModels()[0]!
      .writeValues(2, 1, [['typed']]);
    const args = (ctx: Parameters<typeof rangeObject>[0]) => [
      { range: rangeObject(ctx, id, 'Sheet1', 2, 1), source: spreadsheetObject(ctx, id), value: 'typed' },
    ];
    expect(await value(rt, 'onEdit', id, { args })).toEqual(['A2', 'typed', id, 'typed']);
  } finally {
    await rt.close();
  }
});
