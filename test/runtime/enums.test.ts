import { LocalAppsScript, Scope } from '../../runtime';

/**
 * Apps Script enums conformance. On Google an enum value is an object, not a string: `typeof` is
 * 'object', `x === 'FULL'` is false, String(x), x.toString(), x.name() and x.toJSON() give the name
 * (JSON.stringify(e) in a V8 trigger shows "authMode":"FULL"), x.ordinal() its place in the reference's
 * list, and a getter's value is the very object of the constant (Google's own samples compare
 * `e.authMode == ScriptApp.AuthMode.NONE`, `item.getType() == FormApp.ItemType.LIST`). An argument
 * declared as an enum refuses the name as a string with the signature error. Sources: gas-fakes and
 * brucemcpherson/fakegasenum (written against live Apps Script), published V8 event logs.
 * runtime/host/gas-enum.ts has the model.
 */
const SOURCE = `
function shape() {
  var full = ScriptApp.AuthMode.FULL;
  return {
    type: typeof full, strictString: full === 'FULL', text: String(full), toString: full.toString(),
    name: full.name(), json: JSON.stringify({ authMode: full }), ordinal: full.ordinal(),
    ordinals: [ScriptApp.AuthMode.NONE.ordinal(), ScriptApp.AuthMode.LIMITED.ordinal()],
    compare: ScriptApp.AuthMode.FULL.compareTo(ScriptApp.AuthMode.LIMITED),
    same: ScriptApp.AuthMode.FULL === ScriptApp.AuthMode.FULL,
    concat: 'mode ' + full,
    enumIsFirst: SpreadsheetApp.ProtectionType === SpreadsheetApp.ProtectionType.RANGE,
    circular: SpreadsheetApp.ProtectionType.RANGE.SHEET === SpreadsheetApp.ProtectionType.SHEET,
    keys: Object.keys(SpreadsheetApp.ProtectionType),
    frozen: Object.isFrozen(full),
  };
}
function getters() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  sheet.getRange('A1:B3').setValues([['k', 'v'], ['a', 1], ['b', 2]]);
  sheet.getRange('A1').protect();
  sheet.protect();
  var range = ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
  var whole = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  var chart = sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B3'));
  var trigger = ScriptApp.newTrigger('handler').forSpreadsheet(ss).onEdit().create();
  var form = FormApp.create('Enums');
  form.addListItem().setTitle('Pick');
  var item = form.getItems(FormApp.ItemType.LIST)[0];
  sheet.getRange('C1').setWrapStrategy(SpreadsheetApp.WrapStrategy.CLIP);
  var ui = SpreadsheetApp.getUi();
  return [
    range.getProtectionType() === SpreadsheetApp.ProtectionType.RANGE,
    whole.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET,
    range.getProtectionType() === 'RANGE',
    chart.getChartType() === Charts.ChartType.COLUMN,
    trigger.getEventType() === ScriptApp.EventType.ON_EDIT,
    trigger.getTriggerSource() === ScriptApp.TriggerSource.SPREADSHEETS,
    item.getType() === FormApp.ItemType.LIST,
    item.getType() === 'LIST',
    sheet.getRange('C1').getWrapStrategy() === SpreadsheetApp.WrapStrategy.CLIP,
    sheet.getType() === SpreadsheetApp.SheetType.GRID,
    ui.alert('Title', 'Sure?', ui.ButtonSet.OK_CANCEL) === ui.Button.OK,
    [range.getProtectionType()][0] === SpreadsheetApp.ProtectionType.RANGE,
  ];
}
function byString(which) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  try {
    if (which === 'protections') ss.getProtections('RANGE');
    if (which === 'chart') sheet.newChart().setChartType('COLUMN');
    if (which === 'items') FormApp.create('F').getItems('LIST');
    if (which === 'weekday') ScriptApp.newTrigger('h').timeBased().onWeekDay('MONDAY');
    if (which === 'alert') SpreadsheetApp.getUi().alert('T', 'M', 'OK');
    if (which === 'wrap') sheet.getRange('A1').setWrapStrategy('CLIP');
    if (which === 'otherEnum') ss.getProtections(ScriptApp.AuthMode.FULL);
    return 'accepted';
  } catch (e) {
    return e.message;
  }
}
function asText() {
  var m = ScriptApp.AuthMode.FULL;
  Logger.log(m);
  Logger.log('mode %s', m);
  PropertiesService.getScriptProperties().setProperty('mode', m);
  var lines = Logger.getLog().split(String.fromCharCode(10));
  return [lines.map(function (l) { return l.slice(l.indexOf('] ') + 2); }),
    Utilities.formatString('%s', m), PropertiesService.getScriptProperties().getProperty('mode')];
}
function watchEdits() {
  ScriptApp.newTrigger('handler').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
}
function watchChanges() {
  ScriptApp.newTrigger('changed').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onChange().create();
}
function changed(e) {
  PropertiesService.getDocumentProperties().setProperty('change', JSON.stringify({
    changeType: typeof e.changeType, value: e.changeType, authMode: e.authMode === ScriptApp.AuthMode.FULL,
  }));
}
function returned() {
  return { mode: ScriptApp.AuthMode.LIMITED, list: [FormApp.ItemType.TEXT] };
}
function handler(e) {
  PropertiesService.getDocumentProperties().setProperty('event', JSON.stringify({
    json: JSON.parse(JSON.stringify(e)).authMode,
    type: typeof e.authMode,
    same: e.authMode === ScriptApp.AuthMode.FULL,
    loose: e.authMode == ScriptApp.AuthMode.FULL,
    string: e.authMode === 'FULL',
  }));
}
`;

const OWNER = 'owner@example.com';

describe('Apps Script enums', () => {
  const rt = LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: [Scope.spreadsheets, Scope.scriptApp, Scope.forms, Scope.containerUi],
  });
  const ssId = rt.createSpreadsheet('Enums', OWNER);
  afterAll(() => rt.close());
  const run = async (entry: string, args: unknown[] = []) => {
    const r = await rt.run(entry, { user: OWNER, spreadsheetId: ssId, args });
    if (!r.ok) throw new Error(r.error?.message);
    return r.value;
  };

  test('a value is an object whose name, toString and JSON are the name; ordinals follow the reference', async () => {
    expect(await run('shape')).toEqual({
      type: 'object',
      strictString: false,
      text: 'FULL',
      toString: 'FULL',
      name: 'FULL',
      json: '{"authMode":"FULL"}',
      ordinal: 3,
      ordinals: [0, 2],
      compare: 1,
      same: true,
      concat: 'mode FULL',
      enumIsFirst: true,
      circular: true,
      keys: ['RANGE', 'SHEET'],
      frozen: true,
    });
  });

  test("a getter's value is the constant itself (===), never a string", async () => {
    rt.world.ui.respondWith({ button: 'OK' });
    expect(await run('getters')).toEqual([
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  test.each([
    ['protections', 'SpreadsheetApp.Spreadsheet.getProtections', 'String'],
    ['chart', 'SpreadsheetApp.EmbeddedChartBuilder.setChartType', 'String'],
    ['items', 'FormApp.Form.getItems', 'String'],
    ['weekday', 'ClockTriggerBuilder.onWeekDay', 'String'],
    ['alert', 'Ui.alert', 'String,String,String'],
    ['wrap', 'SpreadsheetApp.Range.setWrapStrategy', 'String'],
    ['otherEnum', 'SpreadsheetApp.Spreadsheet.getProtections', 'ScriptApp.AuthMode'],
  ])('an enum argument refuses %s given as a string (or another enum)', async (which, method, params) => {
    expect(await run('byString', [which])).toBe(
      `The parameters (${params}) don't match the method signature for ${method}.`,
    );
  });

  test("an installable trigger's e.authMode is ScriptApp.AuthMode.FULL, and JSON shows its name", async () => {
    rt.world.triggers.clear();
    await run('watchEdits');
    await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 5,
      column: 1,
      values: [['x']],
      user: OWNER,
    });
    expect(JSON.parse(rt.world.properties.document(ssId).get('event') ?? 'null')).toEqual({
      json: 'FULL',
      type: 'object',
      same: true,
      loose: true,
      string: false,
    });
  });

  // Events guide: authMode is "A value from the ScriptApp.AuthMode enum"; changeType is documented as
  // the type's name (EDIT, INSERT_ROW…) with no enum, and V8 change events log "changeType":"EDIT".
  test("a change event's changeType is a plain string while its authMode is the enum", async () => {
    rt.world.triggers.clear();
    await run('watchChanges');
    await rt.changeSpreadsheet(ssId, OWNER, 'INSERT_ROW');
    expect(JSON.parse(rt.world.properties.document(ssId).get('change') ?? 'null')).toEqual({
      changeType: 'string',
      value: 'INSERT_ROW',
      authMode: true,
    });
  });

  test('an enum logged, formatted or stored as text reads as its name', async () => {
    expect(await run('asText')).toEqual([['FULL', 'mode FULL', ''], 'FULL', 'FULL']);
  });

  test("a function's result leaves the execution with enum values as their names", async () => {
    expect(await run('returned')).toEqual({ mode: 'LIMITED', list: ['TEXT'] });
  });
});
