import { LocalAppsScript, Scope, AuthMode } from '../../../runtime';

/**
 * Ui (developers.google.com/apps-script/reference/base/ui) and HtmlService
 * (…/html/html-service, …/html/html-output) conformance: an add-on builds its menu in
 * AuthMode.NONE; sidebars are 300 px wide; alerts and prompts block for the user's answer; there is
 * no Ui where nobody has the document open ("Cannot call SpreadsheetApp.getUi() from this context.").
 */
const source = `
function onOpen(e) {
  var ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addSeparator()
    .addSubMenu(ui.createMenu('Admin').addItem('Set up', 'setup'))
    .addToUi();
}
function customMenu() {
  SpreadsheetApp.getUi().createMenu('Reports').addItem('Build', 'buildReports').addToUi();
}
function showSidebar() {
  var out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Work Orders');
  SpreadsheetApp.getUi().showSidebar(out);
  return [out.getTitle(), out.getWidth(), out.getHeight()];
}
function showDialogs() {
  var ui = SpreadsheetApp.getUi();
  ui.showModalDialog(HtmlService.createHtmlOutput('<p>modal</p>').setWidth(400).setHeight(250), 'Approve');
  ui.showModelessDialog(HtmlService.createHtmlOutput('<p>modeless</p>'), 'Help');
}
function missingFile() { return HtmlService.createHtmlOutputFromFile('Missing'); }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var first = ui.alert('Saved.');
  var second = ui.alert('Close work order', 'Are you sure?', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Reason', 'Why reject?', ui.ButtonSet.OK_CANCEL);
  return [first, second === ui.Button.NO, p.getSelectedButton(), p.getResponseText(), String(ui.Button.OK)];
}
function badButtons() { return SpreadsheetApp.getUi().alert('t', 'p', 'MAYBE'); }
function getUiOnly() { SpreadsheetApp.getUi(); return 'ok'; }
function output() {
  var out = HtmlService.createHtmlOutput('<b>');
  out.append('x</b>').appendUntrusted('<script>alert(1)</script>');
  out.setSandboxMode(HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
  out.addMetaTag('viewport', 'width=device-width');
  return [out.getContent(), out.getTitle(), out.getWidth(), out.getHeight(), out.getXFrameOptionsMode(), out.getMetaTags()];
}
function toast() { SpreadsheetApp.getActive().toast('Saved', 'Work Orders', 3); }
`;

describe('Ui and HtmlService', () => {
  const rt = LocalAppsScript.fromSource(source, {
    oauthScopes: [Scope.spreadsheetsCurrentOnly, Scope.containerUi],
  });
  afterAll(() => rt.close());
  const ss = rt.world.spreadsheets.create('Work Orders', 'admin@example.com');
  rt.world.htmlFiles['Sidebar'] = '<h1>Work orders</h1>';
  const user = 'sup@example.com';
  const run = (entry: string, more: Partial<Parameters<typeof rt.run>[1]> = {}) =>
    rt.run(entry, { user, spreadsheetId: ss.id, ...more });
  beforeEach(() => rt.world.ui.clear());

  test('onOpen in AuthMode.NONE builds the add-on menu, titled with the add-on name', async () => {
    const r = await run('onOpen', { kind: 'simple-trigger', authMode: AuthMode.NONE });
    expect(r.error).toBeUndefined();
    await run('customMenu');
    const menus = rt.world.ui.menusFor(ss.id, user);
    expect(menus.map((m) => [m.title, m.addon])).toEqual([
      [rt.world.ui.addonName, true],
      ['Reports', false],
    ]);
    expect(rt.world.ui.addonMenuFor(ss.id, user)).toEqual([
      { kind: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
      { kind: 'separator' },
      {
        kind: 'submenu',
        caption: 'Admin',
        items: [{ kind: 'item', caption: 'Set up', functionName: 'setup' }],
      },
    ]);
    expect(rt.world.ui.menusFor(ss.id, 'other@example.com')).toEqual([]);
  });

  test('showSidebar renders the project file at 300 px; a missing file fails like Google', async () => {
    const r = await run('showSidebar');
    expect(r.value).toEqual(['Work Orders', 600, 400]);
    expect(rt.world.ui.lastSidebar(ss.id, user)).toMatchObject({
      title: 'Work Orders',
      html: '<h1>Work orders</h1>',
      width: 300,
      executionId: r.executionId,
    });
    expect((await run('missingFile')).error?.message).toBe('No HTML file named Missing was found.');
  });

  test('modal and modeless dialogs keep their size and title', async () => {
    await run('showDialogs');
    expect(rt.world.ui.ofKind('dialog').map((d) => [d.modal, d.title, d.html, d.width, d.height])).toEqual([
      [true, 'Approve', '<p>modal</p>', 400, 250],
      [false, 'Help', '<p>modeless</p>', 600, 400],
    ]);
  });

  test('alerts and prompts block for the answer: default first button, or queued answers', async () => {
    rt.world.ui.respondWith({ button: 'OK' }, { button: 'NO' }, { button: 'OK', text: 'Duplicate request' });
    const r = await run('ask');
    expect(r.value).toEqual(['OK', true, 'OK', 'Duplicate request', 'OK']);
    expect(rt.world.ui.alerts(ss.id).map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['', 'Saved.', 'OK', 'OK'],
      ['Close work order', 'Are you sure?', 'YES_NO', 'NO'],
    ]);
    expect(rt.world.ui.prompts(ss.id)[0]).toMatchObject({
      title: 'Reason',
      response: 'OK',
      text: 'Duplicate request',
    });
    const byDefault = await run('ask');
    expect(byDefault.value).toEqual(['OK', false, 'OK', '', 'OK']);
    expect((await run('badButtons')).error?.message).toMatch(/don't match the method signature for Ui.alert/);
  });

  test('no Ui in a time-driven or form-submit trigger; an installable open trigger has one', async () => {
    rt.world.triggers.clear();
    const clock = await run('getUiOnly', { kind: 'installable-trigger', spreadsheetId: null });
    expect(clock.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    const submit = rt.world.triggers.add(
      {
        handlerFunction: 'getUiOnly',
        eventType: 'ON_FORM_SUBMIT',
        source: 'SPREADSHEETS',
        sourceId: ss.id,
        owner: user,
        documentId: ss.id,
        createdAt: new Date(),
        schedule: null,
      },
      Date.now(),
    );
    const onSubmit = await run('getUiOnly', { kind: 'installable-trigger', triggerUid: submit.uid });
    expect(onSubmit.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    const open = rt.world.triggers.add(
      {
        handlerFunction: 'getUiOnly',
        eventType: 'ON_OPEN',
        source: 'SPREADSHEETS',
        sourceId: ss.id,
        owner: user,
        documentId: ss.id,
        createdAt: new Date(),
        schedule: null,
      },
      Date.now(),
    );
    expect((await run('getUiOnly', { kind: 'installable-trigger', triggerUid: open.uid })).value).toBe('ok');
  });

  test('AuthMode.NONE may build menus but not open a sidebar; a sidebar needs script.container.ui', async () => {
    const none = await run('showSidebar', { kind: 'simple-trigger', authMode: AuthMode.NONE });
    expect(none.ok).toBe(false);
    const noScope = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheetsCurrentOnly] });
    try {
      noScope.world.htmlFiles['Sidebar'] = '<p>x</p>';
      const doc = noScope.world.spreadsheets.create('Doc', 'admin@example.com');
      const r = await noScope.run('showSidebar', { user, spreadsheetId: doc.id });
      expect(r.error?.message).toBe(
        'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
      );
    } finally {
      await noScope.close();
    }
  });

  test('HtmlOutput content, escaping of untrusted text, modes and meta tags', async () => {
    expect((await run('output')).value).toEqual([
      '<b>x</b>&lt;script&gt;alert(1)&lt;/script&gt;',
      '',
      600,
      400,
      'ALLOWALL',
      [{ name: 'viewport', content: 'width=device-width' }],
    ]);
  });

  test('Spreadsheet.toast is recorded for the user at the keyboard', async () => {
    await run('toast');
    expect(rt.world.ui.toasts(ss.id, user)).toEqual([
      expect.objectContaining({ kind: 'toast', message: 'Saved', title: 'Work Orders', timeoutSeconds: 3 }),
    ]);
  });
});
