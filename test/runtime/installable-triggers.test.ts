/**
 * Installable open, change and form-bound submit triggers fire, with the event objects of the events
 * guide (developers.google.com/apps-script/guides/triggers/events):
 * - Sheets "Open" (installable): authMode, source (Spreadsheet), triggerUid, user.
 * - Sheets "Edit" (simple): the project's onEdit(e), if it has one, runs too (identity.test.ts).
 * - Sheets "Change" (installable): authMode, changeType (EDIT, INSERT_ROW, INSERT_COLUMN, REMOVE_ROW,
 *   REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT or OTHER), source, triggerUid, user.
 * - Forms "Form submit" (installable): authMode, response (FormResponse), source (Form), triggerUid.
 * Installable triggers guide (…/guides/triggers/installable): they run with the authorization of the
 * person who created them (AuthMode.FULL), and "Script executions and API requests do not cause
 * triggers to run". Editor add-on limits (…/guides/triggers/installable#limitations and the add-on
 * triggers page): one trigger of each type per user per document.
 */
import { LocalAppsScript, Scope } from '../../runtime';
import { ADDON_OTHER_FILE_TRIGGER } from '../../runtime/host/services/trigger-builders';

const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('openedInstalled').forSpreadsheet(ss).onOpen().create();
  ScriptApp.newTrigger('changed').forSpreadsheet(ss).onChange().create();
}
function installForm(formId) {
  return ScriptApp.newTrigger('submitted').forForm(FormApp.openById(formId)).onFormSubmit().create().getUniqueId();
}
function installOn(id) { return ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.openById(id)).onEdit().create().getUniqueId(); }
function installClock() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function secondOpen() { return ScriptApp.newTrigger('x').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create(); }
function secondChange() { return ScriptApp.newTrigger('x').forSpreadsheet(SpreadsheetApp.getActive()).onChange().create(); }
function log(key, value) {
  var p = PropertiesService.getScriptProperties();
  var list = JSON.parse(p.getProperty(key) || '[]');
  list.push(value);
  p.setProperty(key, JSON.stringify(list));
}
function openedInstalled(e) {
  log('open', { authMode: String(e.authMode), source: e.source.getId(), uid: e.triggerUid, user: e.user.getEmail(),
    effective: Session.getEffectiveUser().getEmail(), canMail: MailApp.getRemainingDailyQuota() > 0 });
}
function onOpen(e) { log('simpleOpen', String(e.authMode)); }
function changed(e) {
  log('change', { authMode: String(e.authMode), changeType: e.changeType, source: e.source.getId(), uid: e.triggerUid,
    user: e.user.getEmail() });
}
function scriptWrites() { SpreadsheetApp.getActive().getRange('C3').setValue('by script'); }
function submitted(e) {
  log('submit', { authMode: String(e.authMode), uid: e.triggerUid, form: e.source.getId(), id: e.response.getId(),
    answers: e.response.getItemResponses().map(function (r) { return r.getItem().getTitle() + '=' + r.getResponse(); }),
    email: e.response.getRespondentEmail(), active: SpreadsheetApp.getActiveSpreadsheet() === null });
}
`;

async function world() {
  const rt = LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: [Scope.spreadsheets, Scope.forms, Scope.scriptApp, Scope.userInfoEmail, Scope.sendMail],
  });
  const ssId = rt.createSpreadsheet('Triggers', OWNER);
  rt.world.spreadsheets.require(ssId).editors.add(EDITOR);
  const installed = await rt.run('install', { user: OWNER, spreadsheetId: ssId });
  if (!installed.ok) throw new Error(installed.error?.message);
  const logged = (key: string) => JSON.parse(rt.world.properties.script.get(key) ?? '[]') as unknown[];
  const uidOf = (handler: string) => rt.world.triggers.list().find((t) => t.handlerFunction === handler)!.uid;
  return { rt, ssId, logged, uidOf };
}

test('opening the spreadsheet runs the simple onOpen, then the installable open trigger as its owner', async () => {
  const { rt, ssId, logged, uidOf } = await world();
  try {
    await rt.openSpreadsheet(ssId, EDITOR);
    expect(logged('simpleOpen')).toEqual(['LIMITED']);
    expect(logged('open')).toEqual([
      {
        authMode: 'FULL',
        source: ssId,
        uid: uidOf('openedInstalled'),
        user: EDITOR,
        effective: OWNER,
        canMail: true,
      },
    ]);
  } finally {
    await rt.close();
  }
});

test("a person's edit fires the change trigger with changeType EDIT; a structural change with its type", async () => {
  const { rt, ssId, logged, uidOf } = await world();
  try {
    const edited = await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 1,
      column: 1,
      values: [['x']],
      user: EDITOR,
    });
    // The project has no simple onEdit and no edit trigger: only the change trigger ran.
    expect(edited.executions.map((e) => e.entry)).toEqual(['changed']);
    await rt.changeSpreadsheet(ssId, EDITOR, 'INSERT_ROW');
    const uid = uidOf('changed');
    expect(logged('change')).toEqual([
      { authMode: 'FULL', changeType: 'EDIT', source: ssId, uid, user: EDITOR },
      { authMode: 'FULL', changeType: 'INSERT_ROW', source: ssId, uid, user: EDITOR },
    ]);
  } finally {
    await rt.close();
  }
});

test("a script's own writes fire no trigger", async () => {
  const { rt, ssId, logged } = await world();
  try {
    const before = rt.executions.length;
    expect((await rt.runMenuItem(ssId, EDITOR, 'scriptWrites')).ok).toBe(true);
    expect(rt.executions.length).toBe(before + 1);
    expect(logged('change')).toEqual([]);
  } finally {
    await rt.close();
  }
});

test('a form-bound submit trigger gets the FormResponse and the Form, with no active spreadsheet', async () => {
  const { rt, ssId, logged } = await world();
  try {
    const form = rt.world.forms.create('Updates', OWNER);
    rt.world.forms.addItem(form, 'TEXT', 'Note');
    // Made where the add-on is used in the form (no spreadsheet active): from the spreadsheet it is refused.
    const fromSheet = await rt.run('installForm', { user: OWNER, spreadsheetId: ssId, args: [form.id] });
    expect(fromSheet.error?.message).toBe(ADDON_OTHER_FILE_TRIGGER);
    const uid = (await rt.run('installForm', { user: OWNER, spreadsheetId: null, args: [form.id] })).value;
    const { response, executions } = await rt.submitForm(form.id, { answers: { Note: 'done' } });
    expect(executions.map((e) => e.ok)).toEqual([true]);
    expect(logged('submit')).toEqual([
      {
        authMode: 'FULL',
        uid,
        form: form.id,
        id: response.responseId,
        answers: ['Note=done'],
        email: '',
        active: true,
      },
    ]);
  } finally {
    await rt.close();
  }
});

test('an add-on used in one spreadsheet cannot make a trigger for another', async () => {
  const { rt, ssId } = await world();
  try {
    const other = rt.createSpreadsheet('Other', OWNER);
    const r = await rt.run('installOn', { user: OWNER, spreadsheetId: ssId, args: [other] });
    expect(r.error?.message).toBe(ADDON_OTHER_FILE_TRIGGER);
    expect(rt.world.triggers.forSpreadsheet(other)).toEqual([]);
    // A run of a time-driven trigger is used in the document that trigger was made for.
    expect((await rt.run('installClock', { user: OWNER, spreadsheetId: ssId })).ok).toBe(true);
    const clock = rt.world.triggers.forSpreadsheet(ssId).find((t) => t.handlerFunction === 'tick')!;
    const run = (target: string) =>
      rt.run('installOn', { user: OWNER, spreadsheetId: null, triggerUid: clock.uid, args: [target] });
    expect((await run(other)).error?.message).toBe(ADDON_OTHER_FILE_TRIGGER);
    expect((await run(ssId)).ok).toBe(true);
  } finally {
    await rt.close();
  }
});

test('the add-on limit: one open and one change trigger per user per document', async () => {
  const { rt, ssId } = await world();
  try {
    for (const [entry, noun] of [
      ['secondOpen', 'open'],
      ['secondChange', 'change'],
    ] as const) {
      const r = await rt.run(entry, { user: OWNER, spreadsheetId: ssId });
      expect(r.error?.message).toBe(
        `This add-on has created too many ${noun} triggers in this document for this Google user account.`,
      );
    }
    // Another user may have their own.
    expect((await rt.run('secondOpen', { user: EDITOR, spreadsheetId: ssId })).ok).toBe(true);
  } finally {
    await rt.close();
  }
});
