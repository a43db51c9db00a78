/**
 * Whom Google reveals, by world of accounts (runtime/host/identity.ts).
 *
 * Sources:
 * - Session reference, getActiveUser() (developers.google.com/apps-script/reference/base/session#getActiveUser()):
 *   the email "is not available in any context that allows a script to run without that user's
 *   authorization, like a simple onOpen(e) or onEdit(e) trigger […]. However, these restrictions
 *   generally do not apply if the developer runs the script themselves or belongs to the same Google
 *   Workspace domain as the user."
 * - Session reference, getEffectiveUser(): "If the script is running under an installable trigger, this
 *   returns the account of the user who created the trigger. In most other scenarios, this returns the
 *   same account as getActiveUser()."
 * - Events guide (developers.google.com/apps-script/guides/triggers/events): `user` is "A User object,
 *   representing the active user, if available (depending on a complex set of security restrictions)";
 *   the Forms "Form submit" event carries `response` (a FormResponse) and `source` (the Form).
 * - FormResponse.getRespondentEmail() (…/reference/forms/form-response#getRespondentEmail()): the email
 *   "if the Form.setCollectEmail(collect) setting is enabled".
 * - Installable triggers guide (…/guides/triggers/installable): "Installable triggers always run under
 *   the account of the person who created them", e.g. an edit trigger fires for any editor's edit.
 */
import { AuthMode, LocalAppsScript, Scope } from '../../runtime';
import type { Accounts } from '../../runtime';

const SCOPES = [Scope.spreadsheets, Scope.forms, Scope.scriptApp, Scope.userInfoEmail];

const SOURCE = `
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onClock').timeBased().everyHours(1).create();
}
function installFormTrigger(formId) {
  ScriptApp.newTrigger('onFormBound').forForm(FormApp.openById(formId)).onFormSubmit().create();
}
function remember(key, value) { PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(value)); }
function onOpen(e) {
  remember('open', [e.user.getEmail(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]);
}
function onEditInstalled(e) {
  remember('edit', [e.user.getEmail(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]);
}
function onEdit(e) {
  remember('simpleEdit', [e.user.getEmail(), Session.getActiveUser().getEmail(), String(e.authMode)]);
}
function onClock() { remember('clock', who()); }
function onFormBound(e) {
  remember('submit', [e.response.getRespondentEmail(), e.source.getId(), Session.getActiveUser().getEmail(),
    Session.getEffectiveUser().getEmail()]);
}
`;

async function world(accounts: Accounts | undefined, owner: string) {
  const rt = LocalAppsScript.fromSource(SOURCE, { oauthScopes: SCOPES }, accounts ? { accounts } : {});
  const ssId = rt.createSpreadsheet('Identity', owner);
  const shared = rt.world.spreadsheets.require(ssId).editors;
  for (const editor of ['bob@gmail.com', 'tech@example.com', 'carol@gmail.com']) shared.add(editor);
  const installed = await rt.run('install', { user: owner, spreadsheetId: ssId });
  if (!installed.ok) throw new Error(installed.error?.message);
  const remembered = (key: string) =>
    JSON.parse(rt.world.properties.script.get(key) ?? 'null') as string[] | null;
  const edit = async (user: string) => {
    await rt.editCells({
      spreadsheetId: ssId,
      sheetName: 'Sheet1',
      row: 1,
      column: 1,
      values: [['x']],
      user,
    });
    return remembered('edit');
  };
  const open = async (user: string) => {
    const r = (await rt.openSpreadsheet(ssId, user, AuthMode.LIMITED))!;
    if (!r.ok) throw new Error(r.error?.message);
    return remembered('open');
  };
  return { rt, ssId, edit, open, remembered };
}

describe('one Workspace domain (the default world)', () => {
  test('every context reveals the user, as within one domain', async () => {
    const { rt, edit, open, remembered } = await world(undefined, 'owner@example.com');
    try {
      expect(await open('tech@example.com')).toEqual([
        'tech@example.com',
        'tech@example.com',
        'tech@example.com',
      ]);
      expect(await edit('tech@example.com')).toEqual([
        'tech@example.com',
        'tech@example.com',
        'owner@example.com',
      ]);
      expect(remembered('simpleEdit')).toEqual(['tech@example.com', 'tech@example.com', 'LIMITED']);
    } finally {
      await rt.close();
    }
  });
});

describe('consumer accounts', () => {
  const OWNER = 'owner@gmail.com';

  test("a menu item and google.script.run run with the user's own authorization: revealed", async () => {
    const { rt, ssId } = await world({ kind: 'consumer' }, OWNER);
    try {
      expect((await rt.runMenuItem(ssId, 'bob@gmail.com', 'who')).value).toEqual([
        'bob@gmail.com',
        'bob@gmail.com',
      ]);
      expect(await rt.callFromHtml('who', [], 'bob@gmail.com', ssId)).toEqual({
        ok: true,
        value: ['bob@gmail.com', 'bob@gmail.com'],
      });
    } finally {
      await rt.close();
    }
  });

  test('a simple trigger runs without authorization: blank, even for the owner', async () => {
    const { rt, open } = await world({ kind: 'consumer' }, OWNER);
    try {
      expect(await open('bob@gmail.com')).toEqual(['', '', '']);
      expect(await open(OWNER)).toEqual(['', '', '']);
    } finally {
      await rt.close();
    }
  });

  test("an installable edit trigger runs as its owner: another account's edit shows no email", async () => {
    const { rt, edit, remembered } = await world({ kind: 'consumer' }, OWNER);
    try {
      expect(await edit('bob@gmail.com')).toEqual(['', '', OWNER]);
      expect(remembered('simpleEdit')).toEqual(['', '', 'LIMITED']);
      // The owner's own edit runs under their own authorization.
      expect(await edit(OWNER)).toEqual([OWNER, OWNER, OWNER]);
      // …but the simple onEdit runs without anyone's.
      expect(remembered('simpleEdit')).toEqual(['', '', 'LIMITED']);
    } finally {
      await rt.close();
    }
  });

  test('a time-driven trigger runs as, and reveals, its owner', async () => {
    const { rt, remembered } = await world({ kind: 'consumer' }, OWNER);
    try {
      await rt.runTimeDrivenTriggers({ all: true });
      expect(remembered('clock')).toEqual([OWNER, OWNER]);
    } finally {
      await rt.close();
    }
  });

  test("a form-bound submit trigger: the respondent's email only when the form collects it", async () => {
    const { rt, remembered } = await world({ kind: 'consumer' }, OWNER);
    try {
      const form = rt.world.forms.create('Updates', OWNER);
      rt.world.forms.addItem(form, 'TEXT', 'Note');
      const installed = await rt.run('installFormTrigger', {
        user: OWNER,
        spreadsheetId: null,
        args: [form.id],
      });
      expect(installed.ok).toBe(true);
      await rt.submitForm(form.id, { respondentEmail: 'carol@gmail.com', answers: { Note: 'a' } });
      expect(remembered('submit')).toEqual(['', form.id, OWNER, OWNER]);
      form.collectEmail = true;
      await rt.submitForm(form.id, { respondentEmail: 'carol@gmail.com', answers: { Note: 'b' } });
      expect(remembered('submit')).toEqual(['carol@gmail.com', form.id, OWNER, OWNER]);
    } finally {
      await rt.close();
    }
  });
});

describe('mixed: one Workspace domain and consumer accounts', () => {
  const OWNER = 'owner@example.com';
  const accounts: Accounts = { kind: 'mixed', workspaceDomains: ['example.com'] };

  test("an editor in the owner's domain is revealed to the edit trigger; a consumer account is not", async () => {
    const { rt, edit } = await world(accounts, OWNER);
    try {
      expect(await edit('tech@example.com')).toEqual(['tech@example.com', 'tech@example.com', OWNER]);
      expect(await edit('carol@gmail.com')).toEqual(['', '', OWNER]);
    } finally {
      await rt.close();
    }
  });

  test("a simple trigger reveals a user of the document owner's domain only", async () => {
    const { rt, open } = await world(accounts, OWNER);
    try {
      expect(await open('tech@example.com')).toEqual([
        'tech@example.com',
        'tech@example.com',
        'tech@example.com',
      ]);
      expect(await open('carol@gmail.com')).toEqual(['', '', '']);
    } finally {
      await rt.close();
    }
  });

  test('an unknown kind of world is refused with what to pass', () => {
    expect(() =>
      LocalAppsScript.fromSource(SOURCE, {}, { accounts: { kind: 'gmail' } as unknown as Accounts }),
    ).toThrow(/accounts must be/);
  });
});
