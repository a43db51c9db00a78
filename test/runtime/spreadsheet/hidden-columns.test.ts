/** Sheet.hideColumns / showColumns / isColumnHiddenByUser (reference: Class Sheet). */
import { LocalAppsScript, Scope } from '../../../runtime';

test('hidden columns keep their values, move with inserted columns, and can be shown again', async () => {
  const rt = LocalAppsScript.fromSource(
    `function run() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('C1').setValue('kept');
      sheet.hideColumns(3);
      var hidden = [sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3)];
      sheet.insertColumnsBefore(1, 1);
      var moved = [sheet.isColumnHiddenByUser(3), sheet.isColumnHiddenByUser(4), sheet.getRange('D1').getValue()];
      sheet.showColumns(4);
      var error = '';
      try { sheet.hideColumns(500); } catch (e) { error = e.message; }
      return { hidden: hidden, moved: moved, shown: sheet.isColumnHiddenByUser(4), error: error };
    }`,
    { oauthScopes: [Scope.spreadsheets] },
  );
  try {
    const ssId = rt.createSpreadsheet('Hidden', 'a@example.com');
    const result = await rt.run('run', { user: 'a@example.com', spreadsheetId: ssId });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({
      hidden: [false, true],
      moved: [false, true, 'kept'],
      shown: false,
      error: expect.stringMatching(/out of bounds|outside/i),
    });
  } finally {
    await rt.close();
  }
});
