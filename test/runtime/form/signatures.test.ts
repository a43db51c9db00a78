/**
 * Signature errors of the Forms classes, as live Apps Script words them: the class and each object
 * argument named with its service, e.g. "The parameters (FormApp.MultipleChoiceItem,number) don't
 * match the method signature for FormApp.Form.moveItem." (quoted by scripts that hit it: a typed item
 * is not the generic Item that moveItem and deleteItem take).
 */
import { LocalAppsScript, Scope } from '../../../runtime';

const source = String.raw`
function typedMove() { var f = FormApp.create('F'); f.addTextItem(); f.moveItem(f.addMultipleChoiceItem(), 0); }
function typedDelete() { var f = FormApp.create('F'); f.deleteItem(f.addListItem()); }
function genericMove() {
  var f = FormApp.create('F');
  f.addTextItem().setTitle('a');
  f.addMultipleChoiceItem().setTitle('b');
  f.moveItem(f.getItems()[1], 0);
  return f.getItems().map(function (i) { return i.getTitle(); });
}
function badTitle() { FormApp.create('F').setTitle(7); }
function badEdits() { FormApp.create('F').setAllowResponseEdits('yes'); }
`;

describe('Forms signature errors', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms] });
  afterAll(() => rt.close());
  const errorOf = async (entry: string) =>
    (await rt.run(entry, { user: 'admin@example.com', spreadsheetId: null })).error?.message;

  test('a typed item passed to moveItem or deleteItem is refused; the generic Item moves', async () => {
    expect(await errorOf('typedMove')).toBe(
      "The parameters (FormApp.MultipleChoiceItem,number) don't match the method signature for FormApp.Form.moveItem.",
    );
    expect(await errorOf('typedDelete')).toBe(
      "The parameters (FormApp.ListItem) don't match the method signature for FormApp.Form.deleteItem.",
    );
    const moved = await rt.run('genericMove', { user: 'admin@example.com', spreadsheetId: null });
    expect(moved.value).toEqual(['b', 'a']);
  });

  test('the class is named FormApp.<Class>', async () => {
    expect(await errorOf('badTitle')).toBe(
      "The parameters (number) don't match the method signature for FormApp.Form.setTitle.",
    );
    expect(await errorOf('badEdits')).toBe(
      "The parameters (String) don't match the method signature for FormApp.Form.setAllowResponseEdits.",
    );
  });
});
