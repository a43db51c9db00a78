/**
 * Two questions with one title, as the spreadsheet's form-submit event carries them.
 *
 * Sources:
 * - Events guide (developers.google.com/apps-script/guides/triggers/events), Google Sheets "Form
 *   submit": `namedValues` is "An object containing the question names and values from the form
 *   submission", each value an array (`{'First Name': ['Jane'], …}`); `values` is "Array with values in
 *   the same order as they appear in the spreadsheet".
 * - Forms allow two questions with the same title; the responses tab then has two columns with that
 *   header. On live Apps Script (reported by developers who hit it, e.g. a repeated "Name" in two
 *   sections) `e.namedValues` has the title once, its array holding both answers in column order,
 *   where the local runtime kept only the last.
 */
import { LocalAppsScript, Scope } from '../../../runtime';
import { FormSubmitError } from '../../../runtime/host/form';

const OWNER = 'owner@example.com';

const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onSubmitInstalled').forSpreadsheet(ss).onFormSubmit().create();
  var form = FormApp.create('Visit');
  form.addTextItem().setTitle('Name');
  form.addTextItem().setTitle('Phone');
  form.addTextItem().setTitle('Name');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return form.getId();
}
function onSubmitInstalled(e) {
  PropertiesService.getDocumentProperties().setProperty('lastSubmit', JSON.stringify({
    values: e.values, namedValues: e.namedValues,
  }));
}
`;

async function world() {
  const rt = LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: [Scope.spreadsheets, Scope.forms, Scope.scriptApp],
  });
  const ssId = rt.createSpreadsheet('Visits', OWNER);
  const install = await rt.run('install', { user: OWNER, spreadsheetId: ssId });
  if (!install.ok) throw new Error(install.error?.message);
  const formId = install.value as string;
  const [host, phone, guest] = rt.world.forms.get(formId)!.items.map((i) => i.id);
  return { rt, ssId, formId, ids: { host: host!, phone: phone!, guest: guest! } };
}

test('namedValues gives a shared title once, with each question’s answer in column order', async () => {
  const { rt, ssId, formId, ids } = await world();
  try {
    await rt.submitForm(formId, {
      answers: {},
      byItemId: { [ids.guest]: 'Guest Green', [ids.host]: 'Host Hill', [ids.phone]: '555-0100' },
    });
    const sheet = rt.world.spreadsheets.require(ssId).requireSheet('Form Responses 1');
    expect(sheet.readValues(1, 1, 1, 4)[0]).toEqual(['Timestamp', 'Name', 'Phone', 'Name']);
    const event = JSON.parse(rt.world.properties.document(ssId).get('lastSubmit') ?? 'null');
    expect(event.values.slice(1)).toEqual(['Host Hill', '555-0100', 'Guest Green']);
    expect(Object.keys(event.namedValues)).toEqual(['Timestamp', 'Name', 'Phone']);
    expect(event.namedValues.Name).toEqual(['Host Hill', 'Guest Green']);
    expect(event.namedValues.Phone).toEqual(['555-0100']);
    expect(event.namedValues.Timestamp).toEqual([event.values[0]]);

    // An unanswered one keeps its place, blank.
    await rt.submitForm(formId, { answers: { Phone: '555-0101' }, byItemId: { [ids.guest]: 'Guest Gray' } });
    const second = JSON.parse(rt.world.properties.document(ssId).get('lastSubmit') ?? 'null');
    expect(second.namedValues.Name).toEqual(['', 'Guest Gray']);
  } finally {
    await rt.close();
  }
});

test('a shared title cannot be answered by title: the test must say which question', async () => {
  const { rt, formId } = await world();
  try {
    await expect(rt.submitForm(formId, { answers: { Name: 'Who?' } })).rejects.toThrow(FormSubmitError);
    await expect(rt.submitForm(formId, { answers: { Name: 'Who?' } })).rejects.toThrow(
      '2 questions are titled "Name": answer each by its item id (byItemId).',
    );
    await expect(rt.submitForm(formId, { answers: {}, byItemId: { 12345: 'x' } })).rejects.toThrow(
      'The form has no question with item id 12345.',
    );
    expect(rt.world.forms.get(formId)!.responses).toHaveLength(0);
  } finally {
    await rt.close();
  }
});
