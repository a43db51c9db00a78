/**
 * Conformance: an event's `e.range` carries its corners as plain fields. On live Apps Script the
 * edit and form-submit events' range has rowStart, columnStart, rowEnd and columnEnd (1-based) beside
 * its Range methods: scripts read `e.range.columnStart` to skip a service call, and
 * `JSON.stringify(e)` logs "range":{"columnStart":1,"rowStart":1,"rowEnd":1,"columnEnd":1} (the
 * widely logged onEdit event, e.g. tanaikech's "Benchmark: Event Objects"). A Range got from
 * getRange has none of these fields.
 */
import { LocalAppsScript, Scope } from '../../runtime';

const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onSubmitInstalled').forSpreadsheet(ss).onFormSubmit().create();
  var form = FormApp.create('Requests');
  form.addTextItem().setTitle('What');
  form.addTextItem().setTitle('Where');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return form.getId();
}
function describeRange(r) {
  return {
    json: JSON.stringify(r), keys: Object.keys(r),
    columnStart: r.columnStart, rowStart: r.rowStart, rowEnd: r.rowEnd, columnEnd: r.columnEnd,
    a1: r.getA1Notation(),
  };
}
function keep(key, value) { PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value)); }
function onEdit(e) { keep('simple', describeRange(e.range)); }
function onEditInstalled(e) { keep('installed', describeRange(e.range)); }
function onSubmitInstalled(e) { keep('submit', describeRange(e.range)); }
function plainRange() {
  var r = SpreadsheetApp.getActiveSheet().getRange('B2:C3');
  return { json: JSON.stringify(r), keys: Object.keys(r), has: 'rowStart' in r };
}
`;

async function world() {
  const rt = LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: [Scope.spreadsheets, Scope.forms, Scope.scriptApp],
  });
  const ssId = rt.createSpreadsheet('Events', OWNER);
  const install = await rt.run('install', { user: OWNER, spreadsheetId: ssId });
  if (!install.ok) throw new Error(install.error?.message);
  const kept = (key: string) => JSON.parse(rt.world.properties.document(ssId).get(key) ?? 'null');
  return { rt, ssId, formId: install.value as string, kept };
}

test('an edit event range has columnStart, rowStart, rowEnd and columnEnd, which JSON.stringify shows', async () => {
  const { rt, ssId, kept } = await world();
  try {
    await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 3,
      column: 2,
      values: [['x']],
      user: EDITOR,
    });
    const single = {
      json: '{"columnStart":2,"rowStart":3,"rowEnd":3,"columnEnd":2}',
      keys: ['columnStart', 'rowStart', 'rowEnd', 'columnEnd'],
      columnStart: 2,
      rowStart: 3,
      rowEnd: 3,
      columnEnd: 2,
      a1: 'B3',
    };
    expect(kept('simple')).toEqual(single);
    expect(kept('installed')).toEqual(single);
    await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 4,
      column: 1,
      values: [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      user: EDITOR,
    });
    expect(kept('installed')).toMatchObject({
      columnStart: 1,
      rowStart: 4,
      rowEnd: 5,
      columnEnd: 3,
      a1: 'A4:C5',
    });
  } finally {
    await rt.close();
  }
});

test("a form-submit event range spans the response row's columns with the same fields", async () => {
  const { rt, formId, kept } = await world();
  try {
    await rt.submitForm(formId, { answers: { What: 'A broken door', Where: 'Hall' } });
    expect(kept('submit')).toEqual({
      json: '{"columnStart":1,"rowStart":2,"rowEnd":2,"columnEnd":3}',
      keys: ['columnStart', 'rowStart', 'rowEnd', 'columnEnd'],
      columnStart: 1,
      rowStart: 2,
      rowEnd: 2,
      columnEnd: 3,
      a1: 'A2:C2',
    });
  } finally {
    await rt.close();
  }
});

test('a Range from getRange has no such fields and stringifies as {}', async () => {
  const { rt, ssId } = await world();
  try {
    const r = await rt.run('plainRange', { user: OWNER, spreadsheetId: ssId });
    expect(r.value).toEqual({ json: '{}', keys: [], has: false });
  } finally {
    await rt.close();
  }
});
