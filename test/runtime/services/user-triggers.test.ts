/**
 * ScriptApp.getUserTriggers(spreadsheet): "all installable triggers owned by this user in the given
 * spreadsheet, for this script or add-on only" — not another user's, not another document's.
 * Source: developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
 */
import { LocalAppsScript, Scope } from '../../../runtime';

const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditHandler').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onHourly').timeBased().everyHours(1).create();
}
function mine() {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) {
    return t.getHandlerFunction() + ':' + t.getEventType();
  }).sort();
}
`;

test('getUserTriggers lists this user’s triggers of this spreadsheet only', async () => {
  const rt = LocalAppsScript.fromSource(SOURCE, { oauthScopes: [Scope.spreadsheets, Scope.scriptApp] });
  try {
    const a = rt.createSpreadsheet('A', 'alice@example.com');
    const b = rt.createSpreadsheet('B', 'alice@example.com');
    expect((await rt.run('install', { user: 'alice@example.com', spreadsheetId: a })).ok).toBe(true);
    expect((await rt.run('install', { user: 'bob@example.com', spreadsheetId: a })).ok).toBe(true);
    expect((await rt.run('install', { user: 'alice@example.com', spreadsheetId: b })).ok).toBe(true);
    const alice = await rt.run('mine', { user: 'alice@example.com', spreadsheetId: a });
    expect(alice.value).toEqual(['onEditHandler:ON_EDIT', 'onHourly:CLOCK']);
    const carol = await rt.run('mine', { user: 'carol@example.com', spreadsheetId: a });
    expect(carol.value).toEqual([]);
  } finally {
    await rt.close();
  }
});
