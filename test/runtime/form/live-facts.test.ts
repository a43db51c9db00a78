/**
 * FormApp behaviour that Google's reference does not state but live Apps Script shows. Sources:
 * gas-fakes (github.com/brucemcpherson/gas-fakes), whose test suite runs on live Apps Script:
 * test/testform.js ("FormApp basics", "Form.addCheckboxItem", "Form.addMultipleChoiceItem", "Form
 * Destination") and notes/oddities.md ("Discrepancy between FormApp.create(title) and Forms API
 * behavior", "Default Choice Values for New Items"); Google issue tracker 442747794.
 */
import { LocalAppsScript, Scope } from '../../../runtime';

const source = `
function created() {
  var form = FormApp.create('Work order request');
  return { title: form.getTitle(), reopened: FormApp.openById(form.getId()).getTitle(), id: form.getId() };
}
function defaults() {
  var form = FormApp.create('Defaults');
  var read = function (item) { return item.getChoices().map(function (c) { return c.getValue(); }); };
  return [read(form.addListItem()), read(form.addMultipleChoiceItem()), read(form.addCheckboxItem())];
}
function unlinked(spreadsheetId) {
  var form = FormApp.create('Unlinked');
  var out = {};
  try { form.getDestinationId(); out.neverLinked = 'answered'; } catch (e) { out.neverLinked = 'threw'; }
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  out.linked = SpreadsheetApp.openById(spreadsheetId).getFormUrl() !== null;
  form.removeDestination();
  out.afterRemove = form.getDestinationId();
  out.typeAfterRemove = form.getDestinationType();
  out.spreadsheetFormUrl = SpreadsheetApp.openById(spreadsheetId).getFormUrl();
  return out;
}
function badUrl() { return FormApp.openByUrl('http://invalid.url/'); }
`;

describe('FormApp, as live Apps Script behaves', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms, Scope.spreadsheets] });
  afterAll(() => rt.close());
  const run = (entry: string, args: unknown[] = []) =>
    rt.run(entry, { user: 'admin@example.com', spreadsheetId: null, args });

  test('FormApp.create(title) names the Drive file; the form itself stays untitled', async () => {
    const r = await run('created');
    const { title, reopened, id } = r.value as { title: string; reopened: string; id: string };
    expect([title, reopened]).toEqual(['', '']);
    expect(rt.world.forms.require(id).fileName).toBe('Work order request');
  });

  test("a new list, multiple-choice or checkbox item has one choice, ''", async () => {
    expect((await run('defaults')).value).toEqual([[''], [''], ['']]);
  });

  test('after removeDestination the form still answers the old id; the spreadsheet knows it is unlinked', async () => {
    const ss = rt.world.spreadsheets.create('Responses', 'admin@example.com');
    const r = await run('unlinked', [ss.id]);
    expect(r.value).toEqual({
      neverLinked: 'threw',
      linked: true,
      afterRemove: ss.id,
      typeAfterRemove: 'SPREADSHEET',
      spreadsheetFormUrl: null,
    });
  });

  test('openByUrl of a URL that is not a form\'s: "Invalid argument: url"', async () => {
    expect((await run('badUrl')).error?.message).toBe('Invalid argument: url');
  });
});
