/**
 * Conformance: an event's `e.range` carries its corners as plain fields. On live Apps Script the
 * edit and form-submit events' range has rowStart, columnStart, rowEnd and columnEnd (1-based) beside
 * its Range methods: scripts read `e.range.columnStart` to skip a service call, and
 * `JSON.stringify(e)` logs "range":{"columnStart":1,"rowStart":1,"rowEnd":1,"columnEnd":1} (the
 * widely logged onEdit event, e.g. tanaikech's "Benchmark: Event Objects"). A Range got from
 * getRange has none of these fields. The edit event's `e.user` likewise logs as
 * {"nickname":"…","email":"…"} (the address's local part, and the address) beside getEmail(), as do the
 * open and change events' (logged {"authMode":…,"changeType":…,"user":{…}}).
 */
import { LocalAppsScript, Scope } from '../../runtime';

const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onSubmitInstalled').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('onChangeInstalled').forSpreadsheet(ss).onChange().create();
  ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(ss).onOpen().create();
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
function onEditInstalled(e) {
  keep('installed', describeRange(e.range));
  keep('user', { json: JSON.stringify(e.user), email: e.user.email, nickname: e.user.nickname, getEmail: e.user.getEmail() });
}
function onChangeInstalled(e) { keep('changeUser', JSON.stringify(e.user)); }
function onOpenInstalled(e) { keep('openUser', JSON.stringify(e.user)); }
function onSubmitInstalled(e) { keep('submit', describeRange(e.range)); }
function plainRange() {
  var r = SpreadsheetApp.getActiveSheet().getRange('B2:C3');
  return { json: JSON.stringify(r), keys: Object.keys(r), has: 'rowStart' in r, user: JSON.stringify(Session.getActiveUser()) };
}
`;

async function world() {
  const rt = LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: [Scope.spreadsheets, Scope.forms, Scope.scriptApp, Scope.userInfoEmail],
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

test('a Range from getRange, or a User from Session, has no such fields and stringifies as {}', async () => {
  const { rt, ssId } = await world();
  try {
    const r = await rt.run('plainRange', { user: OWNER, spreadsheetId: ssId });
    expect(r.value).toEqual({ json: '{}', keys: [], has: false, user: '{}' });
  } finally {
    await rt.close();
  }
});

test("an edit event's user stringifies as its nickname and email, and still answers getEmail()", async () => {
  const { rt, ssId, kept } = await world();
  try {
    await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 1,
      column: 1,
      values: [['x']],
      user: EDITOR,
    });
    expect(kept('user')).toEqual({
      json: '{"nickname":"editor","email":"editor@example.com"}',
      email: EDITOR,
      nickname: 'editor',
      getEmail: EDITOR,
    });
  } finally {
    await rt.close();
  }
});

test("the open and change events' user stringifies the same way", async () => {
  const { rt, ssId, kept } = await world();
  try {
    await rt.changeSpreadsheet(ssId, OWNER, 'INSERT_ROW');
    await rt.openSpreadsheet(ssId, OWNER);
    const owner = JSON.stringify({ nickname: 'owner', email: OWNER });
    expect([kept('changeUser'), kept('openUser')]).toEqual([owner, owner]);
  } finally {
    await rt.close();
  }
});
