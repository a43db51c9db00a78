import { LocalAppsScript, Scope } from '../../../runtime';

test('smoke', async () => {
  const rt = LocalAppsScript.fromSource(
    `function f(){ var s = SpreadsheetApp.getActive().getSheets()[0]; s.getRange('A1:B2').setValues([[1,'2026-03-01'],['=A1','x']]); return [s.getRange('A1:B2').getValues(), s.getRange('A1:B2').getDisplayValues(), s.getLastRow(), SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST]; }`,
    { oauthScopes: [Scope.spreadsheets] },
  );
  const ss = rt.world.spreadsheets.create('T', 'owner@example.com');
  const r = await rt.run('f', { user: 'owner@example.com', spreadsheetId: ss.id });
  console.log(JSON.stringify(r.value), r.error, r.stats.cellsRead, r.stats.cellsWritten);
  await rt.close();
});
