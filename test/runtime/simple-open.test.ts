/**
 * Opening a spreadsheet runs the project's simple onOpen(e), as Google does, only if the project has
 * one, and in the authorization mode the add-on's state gives it (runtime/host/events.ts).
 *
 * Sources:
 * - Simple triggers guide (developers.google.com/apps-script/guides/triggers): onOpen(e) is a reserved
 *   function name; it runs when the project declares it. Simple triggers cannot use services that
 *   require authorization and stop at 30 seconds (limits.test.ts covers the time limit).
 * - Editor add-on authorization lifecycle (developers.google.com/workspace/add-ons/concepts/
 *   editor-auth-lifecycle): an add-on is enabled in a document "when anyone uses it there"; onOpen(e)
 *   runs in AuthMode.NONE where the add-on is installed but not enabled, AuthMode.LIMITED where it is
 *   enabled (for every collaborator). AuthMode reference: NONE "does not allow access to any services
 *   that require authorization"; e has only authMode then.
 */
import { AuthMode, LocalAppsScript, Scope } from '../../runtime';
import { exportWorld, importWorld } from '../../runtime/persistence';

const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';
const SCOPES = [Scope.spreadsheets, Scope.containerUi, Scope.scriptApp, Scope.sendMail];

const WITH_ON_OPEN = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
  if (e.authMode === ScriptApp.AuthMode.NONE) return;
  PropertiesService.getDocumentProperties().setProperty('opened', String(e.authMode) + ' by ' + e.user.getEmail());
}
function start() { return 'started'; }
`;

test('a project without onOpen runs nothing on open; its installable open trigger still runs', async () => {
  const rt = LocalAppsScript.fromSource(
    `function install() { ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create(); }
     function opened(e) { PropertiesService.getScriptProperties().setProperty('opened', String(e.authMode)); }`,
    { oauthScopes: SCOPES },
  );
  try {
    const ssId = rt.createSpreadsheet('No onOpen', OWNER);
    expect((await rt.run('install', { user: OWNER, spreadsheetId: ssId })).ok).toBe(true);
    const before = rt.executions.length;
    expect(await rt.openSpreadsheet(ssId, OWNER)).toBeNull();
    expect(rt.executions.slice(before).map((r) => [r.entry, r.kind, r.ok])).toEqual([
      ['opened', 'installable-trigger', true],
    ]);
    expect(rt.world.properties.script.get('opened')).toBe('FULL');
  } finally {
    await rt.close();
  }
});

test('onOpen runs in AuthMode.NONE until anyone uses the add-on in that document, then LIMITED for everyone', async () => {
  const rt = LocalAppsScript.fromSource(WITH_ON_OPEN, { oauthScopes: SCOPES });
  try {
    const ssId = rt.createSpreadsheet('Enabled', OWNER);
    const other = rt.createSpreadsheet('Never used', OWNER);
    const docProps = (id: string) => rt.world.properties.document(id).get('opened');

    const first = (await rt.openSpreadsheet(ssId, OWNER))!;
    expect(first.ok).toBe(true);
    expect(rt.world.ui.addonMenuFor(ssId, OWNER)?.length).toBe(1);
    expect(docProps(ssId)).toBeNull();

    // The editor uses the add-on here: it is enabled in this document, not in the other.
    expect((await rt.runMenuItem(ssId, EDITOR, 'start')).value).toBe('started');
    expect((await rt.openSpreadsheet(ssId, OWNER))!.ok).toBe(true);
    expect(docProps(ssId)).toBe(`LIMITED by ${OWNER}`);
    expect((await rt.openSpreadsheet(other, OWNER))!.ok).toBe(true);
    expect(docProps(other)).toBeNull();

    // A saved world remembers where the add-on is enabled.
    const reloaded = LocalAppsScript.fromSource(WITH_ON_OPEN, { oauthScopes: SCOPES });
    try {
      importWorld(reloaded.world, exportWorld(rt.world));
      expect([...reloaded.world.addonEnabledIn]).toEqual([ssId]);
    } finally {
      await reloaded.close();
    }
  } finally {
    await rt.close();
  }
});

test('onOpen in NONE may build its menu only; in LIMITED no service that needs authorization', async () => {
  const rt = LocalAppsScript.fromSource(
    `function onOpen(e) {
       var key = String(e.authMode);
       try { PropertiesService.getDocumentProperties().getProperty('x'); } catch (err) { throw new Error(key + ': ' + err.message); }
       try { MailApp.sendEmail('a@example.com', 's', 'b'); } catch (err) { throw new Error(key + ': ' + err.message); }
     }`,
    { oauthScopes: SCOPES },
  );
  try {
    const ssId = rt.createSpreadsheet('Modes', OWNER);
    expect((await rt.openSpreadsheet(ssId, OWNER))!.error?.message).toMatch(
      /^NONE: You do not have permission to call /,
    );
    expect((await rt.openSpreadsheet(ssId, OWNER, AuthMode.LIMITED))!.error?.message).toBe(
      'LIMITED: You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(rt.world.mail.sent).toEqual([]);
  } finally {
    await rt.close();
  }
});

test('a viewer opening the file runs no open trigger; someone without access cannot open it', async () => {
  // Triggers guides: onOpen(e) and the installable open trigger run when a user opens a file "that the
  // user has permission to edit".
  const rt = LocalAppsScript.fromSource(
    `function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi(); }
     function start() { ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create(); }
     function opened(e) { PropertiesService.getScriptProperties().setProperty('opened', e.user.getEmail()); }`,
    { oauthScopes: SCOPES },
  );
  try {
    const ssId = rt.createSpreadsheet('Shared', OWNER);
    const file = rt.world.spreadsheets.require(ssId);
    file.sharing.openToAll = false;
    file.editors.add(EDITOR);
    file.sharing.viewers.add('viewer@example.com');
    expect((await rt.runMenuItem(ssId, OWNER, 'start')).ok).toBe(true);
    const before = rt.executions.length;

    expect(await rt.openSpreadsheet(ssId, 'viewer@example.com')).toBeNull();
    expect(rt.executions.length).toBe(before);
    expect(rt.world.ui.addonMenuFor(ssId, 'viewer@example.com')).toBeFalsy();
    expect(rt.world.properties.script.get('opened')).toBeNull();

    expect((await rt.openSpreadsheet(ssId, EDITOR))!.ok).toBe(true);
    expect(rt.world.properties.script.get('opened')).toBe(EDITOR);
    await expect(rt.openSpreadsheet(ssId, 'stranger@example.com')).rejects.toThrow(
      'You do not have permission to access the requested document.',
    );
  } finally {
    await rt.close();
  }
});

test('installing the add-on in a document runs onInstall in FULL and enables it there', async () => {
  // Lifecycle guide: "When an add-on is installed, onInstall() runs in AuthMode.FULL"; getting it from
  // the store while using a document enables it in that document.
  const rt = LocalAppsScript.fromSource(
    `${WITH_ON_OPEN}
     function onInstall(e) {
       ScriptApp.newTrigger('start').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create();
       PropertiesService.getDocumentProperties().setProperty('installed', String(e.authMode));
     }`,
    { oauthScopes: SCOPES },
  );
  try {
    const ssId = rt.createSpreadsheet('Installed', OWNER);
    const installed = (await rt.installAddon(ssId, OWNER))!;
    expect([installed.entry, installed.kind, installed.error?.message]).toEqual([
      'onInstall',
      'simple-trigger',
      undefined,
    ]);
    expect(rt.world.properties.document(ssId).get('installed')).toBe('FULL');
    expect(rt.world.triggers.forSpreadsheet(ssId)).toHaveLength(1);
    expect((await rt.openSpreadsheet(ssId, EDITOR))!.ok).toBe(true);
    expect(rt.world.properties.document(ssId).get('opened')).toBe(`LIMITED by ${EDITOR}`);
  } finally {
    await rt.close();
  }
  const without = LocalAppsScript.fromSource(WITH_ON_OPEN, { oauthScopes: SCOPES });
  try {
    const ssId = without.createSpreadsheet('No onInstall', OWNER);
    expect(await without.installAddon(ssId, OWNER)).toBeNull();
    expect(without.world.addonEnabledIn.has(ssId)).toBe(true);
  } finally {
    await without.close();
  }
});

test("what onOpen reaches in NONE and LIMITED follows Google's Authorization modes table, with Google's refusals", async () => {
  // Editor add-on authorization guide, "Authorization modes": NONE has the user's locale, menu items,
  // Logger and Utilities, and nothing of the document or properties; LIMITED adds the current document,
  // properties and services that touch no other user data, but still only menu items of the interface
  // and no other file. A simple onOpen's showSidebar fails on Apps Script with "You do not have
  // permission to call Ui.showSidebar. Required permissions: …script.container.ui" (issue reports).
  const rt = LocalAppsScript.fromSource(
    `function onOpen(e) {
       var probes = {
         digest: function () { return Utilities.base64Encode('ok'); },
         locale: function () { return Session.getActiveUserLocale(); },
         properties: function () { return PropertiesService.getDocumentProperties().getProperty('x'); },
         active: function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); },
         cache: function () { return CacheService.getDocumentCache().get('x'); },
         sidebar: function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>')); },
         openById: function () { return SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName(); },
         triggers: function () { return ScriptApp.getProjectTriggers().length; },
       };
       var out = {};
       Object.keys(probes).forEach(function (k) {
         try { var v = probes[k](); out[k] = 'ok' + (v === undefined ? '' : ' ' + v); } catch (err) { out[k] = err.message; }
       });
       return out;
     }`,
    { oauthScopes: SCOPES },
  );
  try {
    const ssId = rt.createSpreadsheet('Modes table', OWNER);
    const refused = (call: string, scope?: string) =>
      `You do not have permission to call ${call}` + (scope ? `. Required permissions: ${scope}` : '');
    const none = (await rt.openSpreadsheet(ssId, OWNER))!;
    expect(none.value).toEqual({
      digest: 'ok b2s=',
      locale: 'ok en',
      properties: refused('PropertiesService.getDocumentProperties'),
      active: refused(
        'SpreadsheetApp.getActiveSpreadsheet',
        'https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets',
      ),
      cache: refused('CacheService.getDocumentCache'),
      sidebar: refused('HtmlService.createHtmlOutput'),
      openById: refused(
        'SpreadsheetApp.getActiveSpreadsheet',
        'https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets',
      ),
      triggers: refused('ScriptApp.getProjectTriggers', Scope.scriptApp),
    });
    const limited = (await rt.openSpreadsheet(ssId, OWNER, AuthMode.LIMITED))!;
    expect(limited.value).toEqual({
      digest: 'ok b2s=',
      locale: 'ok en',
      properties: 'ok null',
      active: 'ok Modes table',
      cache: 'ok null',
      sidebar: refused('Ui.showSidebar', Scope.containerUi),
      openById: refused('SpreadsheetApp.openById', Scope.spreadsheets),
      triggers: refused('ScriptApp.getProjectTriggers', Scope.scriptApp),
    });
    expect(rt.world.ui.lastSidebar(ssId, OWNER)).toBeFalsy();
  } finally {
    await rt.close();
  }
});
