/**
 * Conformance: a new form's settings and "Allow response editing"
 * (developers.google.com/apps-script/reference/forms/form: canEditResponse, setAllowResponseEdits,
 * isAcceptingResponses, collectsEmail, getEmailCollectionType, hasLimitOneResponsePerUser,
 * getPublishedUrl, getEditUrl). A form FormApp.create makes accepts responses, collects no email,
 * allows no response editing and has no description or confirmation message; its published URL
 * carries an id of its own (/forms/d/e/<id>/viewform), not the form's. setAllowResponseEdits takes a
 * Boolean only.
 */
import { LocalAppsScript, Scope } from '../../../runtime';

const source = String.raw`
function defaults() {
  var f = FormApp.create('Requests');
  return [f.canEditResponse(), f.isAcceptingResponses(), f.collectsEmail(), String(f.getEmailCollectionType()),
    f.hasLimitOneResponsePerUser(), f.getDescription(), f.getConfirmationMessage(), f.getEditUrl(), f.getPublishedUrl(), f.getId()];
}
function edits() {
  var f = FormApp.create('Requests');
  var chained = f.setAllowResponseEdits(true) === f;
  var on = FormApp.openById(f.getId()).canEditResponse();
  f.setAllowResponseEdits(false);
  return [chained, on, f.canEditResponse()];
}
function badEdits(value) { FormApp.create('Requests').setAllowResponseEdits(value); }
`;

describe('a new form and response editing', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms] });
  afterAll(() => rt.close());
  const run = (entry: string, args: unknown[] = []) =>
    rt.run(entry, { user: 'admin@example.com', spreadsheetId: null, args });

  test('defaults: accepting, no email, no response editing; the published URL has its own id', async () => {
    const r = await run('defaults');
    const [edit, accepting, email, type, once, description, confirmation, editUrl, publishedUrl, id] =
      r.value as [boolean, boolean, boolean, string, boolean, string, string, string, string, string];
    expect([edit, accepting, email, type, once, description, confirmation]).toEqual([
      false,
      true,
      false,
      'DO_NOT_COLLECT',
      false,
      '',
      '',
    ]);
    expect(editUrl).toBe(`https://docs.google.com/forms/d/${id}/edit`);
    expect(publishedUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[A-Za-z0-9_-]+\/viewform$/);
    expect(publishedUrl).not.toContain(id);
  });

  test('setAllowResponseEdits turns editing on and off, kept on the form, and returns the form', async () => {
    expect((await run('edits')).value).toEqual([true, true, false]);
  });

  test('setAllowResponseEdits takes a Boolean: a string or nothing is a signature mismatch', async () => {
    expect((await run('badEdits', ['true'])).error?.message).toBe(
      "The parameters (String) don't match the method signature for FormApp.Form.setAllowResponseEdits.",
    );
  });
});
