import { LocalAppsScript, Scope } from '../../../runtime';
import { FormSubmitError } from '../../../runtime/host/form';

/**
 * FormApp conformance (developers.google.com/apps-script/reference/forms) and the responses sheet
 * as Google Forms writes it: a "Form Responses N" tab inserted first, "Timestamp", then "Email
 * Address" when emails are collected, then one column per question; later questions at the end;
 * checkbox answers joined with ", ".
 */
const source = `
function build(spreadsheetId) {
  var form = FormApp.create('Maintenance request');
  var untitled = form.getTitle();
  form.setTitle('Maintenance request');
  form.setDescription('Tell us what is broken').setCollectEmail(true).setConfirmationMessage('Thanks!');
  form.addParagraphTextItem().setTitle('Description').setHelpText('What happened?').setRequired(true);
  form.addListItem().setTitle('Location').setChoiceValues(['Building A', 'Building B']).setRequired(true);
  var urgency = form.addMultipleChoiceItem().setTitle('Urgency');
  urgency.setChoices([urgency.createChoice('Emergency'), urgency.createChoice('Routine')]);
  form.addCheckboxItem().setTitle('Resources').setChoiceValues(['Ladder', 'Electrician', 'Plumber']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  return { untitled: untitled, id: form.getId(), destination: form.getDestinationId(), type: form.getDestinationType(),
    edit: form.getEditUrl(), published: form.getPublishedUrl(), collects: form.collectsEmail(),
    items: form.getItems().map(function (i) { return [i.getIndex(), i.getType(), i.getTitle()]; }) };
}
function addQuestion(formId, title) {
  var form = FormApp.openById(formId);
  form.addTextItem().setTitle(title);
  form.getItems()[0].setTitle('Problem description');
}
function readResponses(formId) {
  return FormApp.openById(formId).getResponses().map(function (r) {
    return { email: r.getRespondentEmail(), at: r.getTimestamp(), id: r.getId(),
      answers: r.getItemResponses().map(function (ir) { return [ir.getItem().getTitle(), ir.getResponse()]; }) };
  });
}
function items(formId) {
  var form = FormApp.openById(formId);
  var list = form.getItems();
  var mc = form.getItemById(list[2].getId()).asMultipleChoiceItem();
  var out = { choices: mc.getChoices().map(function (c) { return c.getValue(); }), required: mc.isRequired() };
  out.listChoices = list[1].asListItem().getChoices().map(function (c) { return c.getValue(); });
  try { list[0].asTextItem(); } catch (e) { out.castError = e.message; }
  form.moveItem(list[3], 0);
  out.afterMove = form.getItems().map(function (i) { return i.getTitle(); });
  form.deleteItem(0);
  out.afterDelete = form.getItems().map(function (i) { return i.getTitle(); });
  out.textItems = form.getItems(FormApp.ItemType.PARAGRAPH_TEXT).length;
  return out;
}
function missing() { return FormApp.openById('nope'); }
function active() { return FormApp.getActiveForm(); }
function byUrl(url) { return FormApp.openByUrl(url).getTitle(); }
function formTrigger(formId) {
  return ScriptApp.newTrigger('onRequest').forForm(FormApp.openById(formId)).onFormSubmit().create().getTriggerSourceId();
}
`;

describe('FormApp', () => {
  const rt = LocalAppsScript.fromSource(source, {
    oauthScopes: [Scope.forms, Scope.spreadsheets, Scope.scriptApp],
    timeZone: 'Etc/UTC',
  });
  afterAll(() => rt.close());
  const run = (entry: string, args: unknown[] = []) =>
    rt.run(entry, { user: 'admin@example.com', spreadsheetId: null, args });

  async function setup() {
    const ss = rt.world.spreadsheets.create('Work Orders', 'admin@example.com', {
      timeZone: 'America/New_York',
    });
    const built = await run('build', [ss.id]);
    expect(built.error).toBeUndefined();
    return { ss, built: built.value as { id: string; destination: string; [k: string]: unknown } };
  }

  test('setDestination inserts "Form Responses 1" first with Google\'s header row and links the form', async () => {
    const { ss, built } = await setup();
    expect(built).toMatchObject({
      untitled: '', // FormApp.create names the file only: see live-facts.test.ts
      destination: ss.id,
      type: 'SPREADSHEET',
      collects: true,
      items: [
        [0, 'PARAGRAPH_TEXT', 'Description'],
        [1, 'LIST', 'Location'],
        [2, 'MULTIPLE_CHOICE', 'Urgency'],
        [3, 'CHECKBOX', 'Resources'],
      ],
    });
    expect(built.edit).toBe(`https://docs.google.com/forms/d/${built.id}/edit`);
    expect(ss.sheetModels().map((s) => s.name)).toEqual(['Form Responses 1', 'Sheet1']);
    const sheet = ss.sheetModel('Form Responses 1')!;
    expect(sheet.readValues(1, 1, 1, 6)).toEqual([
      ['Timestamp', 'Email Address', 'Description', 'Location', 'Urgency', 'Resources'],
    ]);
    expect(ss.formUrl).toContain(built.id);
    expect(sheet.formUrl).toBe(ss.formUrl);
    expect(rt.world.forms.linkedTo(ss.id)?.id).toBe(built.id);
    expect((await run('byUrl', [ss.formUrl])).value).toBe('Maintenance request');
    expect((await run('byUrl', [built.published])).value).toBe('Maintenance request');
    expect(rt.world.forms.describe(built.id)).toMatchObject({
      title: 'Maintenance request',
      description: 'Tell us what is broken',
      collectEmail: true,
      items: [
        {
          type: 'PARAGRAPH_TEXT',
          title: 'Description',
          helpText: 'What happened?',
          required: true,
          choices: [],
        },
        { type: 'LIST', title: 'Location', required: true, choices: ['Building A', 'Building B'] },
        { type: 'MULTIPLE_CHOICE', title: 'Urgency', required: false, choices: ['Emergency', 'Routine'] },
        { type: 'CHECKBOX', title: 'Resources', choices: ['Ladder', 'Electrician', 'Plumber'] },
      ],
    });
  });

  test('a second form into the same spreadsheet gets "Form Responses 2", also inserted first', async () => {
    const { ss } = await setup();
    await run('build', [ss.id]);
    expect(ss.sheetModels().map((s) => s.name)).toEqual(['Form Responses 2', 'Form Responses 1', 'Sheet1']);
  });

  test('submit appends a row and returns e.values / e.namedValues as the trigger event carries them', async () => {
    const { ss, built } = await setup();
    const at = new Date(Date.UTC(2024, 6, 4, 13, 5, 9));
    const result = rt.world.forms.submit(built.id, {
      respondentEmail: 'req@example.com',
      answers: { Description: 'Leak under sink', Location: 'Building B', Resources: ['Plumber', 'Ladder'] },
      at,
    });
    expect(result).toMatchObject({ spreadsheetId: ss.id, sheetName: 'Form Responses 1', row: 2 });
    // 13:05:09 UTC is 9:05:09 in New York (EDT), the spreadsheet's zone.
    expect(result.values).toEqual([
      '7/4/2024 9:05:09',
      'req@example.com',
      'Leak under sink',
      'Building B',
      '',
      'Ladder, Plumber',
    ]);
    expect(result.namedValues).toEqual({
      Timestamp: ['7/4/2024 9:05:09'],
      'Email Address': ['req@example.com'],
      Description: ['Leak under sink'],
      Location: ['Building B'],
      Urgency: [''],
      Resources: ['Ladder, Plumber'],
    });
    const row = ss.sheetModel('Form Responses 1')!.readValues(2, 1, 1, 6)[0]!;
    expect(row[0]).toEqual(at);
    expect(row.slice(1)).toEqual(['req@example.com', 'Leak under sink', 'Building B', '', 'Ladder, Plumber']);
    const second = rt.world.forms.submit(built.id, {
      respondentEmail: 'other@example.com',
      answers: { Description: 'Light out', Location: 'Building A', Urgency: 'Routine' },
    });
    expect(second.row).toBe(3);
  });

  test('the form page refuses a missing required answer, a choice not offered, an unknown question, no email', async () => {
    const { ss, built } = await setup();
    const ok = { Description: 'x', Location: 'Building A' };
    const refuse = (s: Parameters<typeof rt.world.forms.submit>[1]) => () =>
      rt.world.forms.submit(built.id, s);
    expect(refuse({ respondentEmail: 'r@example.com', answers: { Location: 'Building A' } })).toThrow(
      'Description: This is a required question',
    );
    expect(refuse({ respondentEmail: 'r@example.com', answers: { ...ok, Description: '   ' } })).toThrow(
      FormSubmitError,
    );
    expect(refuse({ respondentEmail: 'r@example.com', answers: { ...ok, Location: 'Building Z' } })).toThrow(
      /not one of the choices/,
    );
    expect(refuse({ respondentEmail: 'r@example.com', answers: { ...ok, Resources: ['Crane'] } })).toThrow(
      /not one of the choices/,
    );
    expect(refuse({ respondentEmail: 'r@example.com', answers: { ...ok, Colour: 'red' } })).toThrow(
      /no question/,
    );
    expect(refuse({ answers: ok })).toThrow('Email: This is a required question');
    expect(ss.sheetModel('Form Responses 1')!.lastRow()).toBe(1);
    expect(rt.world.forms.get(built.id)!.responses).toHaveLength(0);
  });

  test('a question added later gets a new column at the end; a renamed question renames its header', async () => {
    const { ss, built } = await setup();
    rt.world.forms.submit(built.id, {
      respondentEmail: 'a@example.com',
      answers: { Description: 'one', Location: 'Building A' },
    });
    await run('addQuestion', [built.id, 'Asset tag']);
    const r = rt.world.forms.submit(built.id, {
      respondentEmail: 'b@example.com',
      answers: { 'Problem description': 'two', Location: 'Building A', 'Asset tag': 'AT-9' },
    });
    const sheet = ss.sheetModel('Form Responses 1')!;
    expect(sheet.readValues(1, 1, 1, 7)[0]).toEqual([
      'Timestamp',
      'Email Address',
      'Problem description',
      'Location',
      'Urgency',
      'Resources',
      'Asset tag',
    ]);
    expect(sheet.readValues(2, 7, 2, 1)).toEqual([[''], ['AT-9']]);
    expect(r.namedValues['Asset tag']).toEqual(['AT-9']);
  });

  test('FormResponse and ItemResponse read back what was submitted', async () => {
    const { built } = await setup();
    const at = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
    rt.world.forms.submit(built.id, {
      respondentEmail: 'a@example.com',
      answers: { Description: 'one', Location: 'Building A', Resources: ['Electrician'] },
      at,
    });
    const r = await run('readResponses', [built.id]);
    const [response] = r.value as { email: string; at: Date; id: string; answers: unknown[] }[];
    expect(response!.email).toBe('a@example.com');
    expect(response!.at).toEqual(at);
    expect(response!.answers).toEqual([
      ['Description', 'one'],
      ['Location', 'Building A'],
      ['Resources', ['Electrician']],
    ]);
  });

  test('items: typed access by id, casting errors, moveItem, deleteItem, filter by type', async () => {
    const { built } = await setup();
    const r = await run('items', [built.id]);
    expect(r.value).toEqual({
      choices: ['Emergency', 'Routine'],
      required: false,
      listChoices: ['Building A', 'Building B'],
      castError: 'Invalid conversion for item type: PARAGRAPH_TEXT',
      afterMove: ['Resources', 'Description', 'Location', 'Urgency'],
      afterDelete: ['Description', 'Location', 'Urgency'],
      textItems: 1,
    });
  });

  test('openById of an unknown id, getActiveForm in a spreadsheet add-on, forms scope', async () => {
    expect((await run('missing')).error?.message).toBe(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    expect((await run('active')).value).toBeNull();
    const noScope = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
    try {
      const r = await noScope.run('missing', { user: 'a@example.com', spreadsheetId: null });
      expect(r.error?.message).toMatch(/^You do not have permission to call FormApp.openById/);
    } finally {
      await noScope.close();
    }
  });

  test('a form-submit trigger can be created for a Form object', async () => {
    const { built } = await setup();
    rt.world.triggers.clear();
    expect((await run('formTrigger', [built.id])).value).toBe(built.id);
    expect(rt.world.triggers.matching('ON_FORM_SUBMIT', 'FORMS', built.id)).toHaveLength(1);
  });
});
