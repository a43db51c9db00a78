import { LocalAppsScript, Scope } from '../../../runtime';

/**
 * FormResponse as a builder of pre-filled links (developers.google.com/apps-script/reference/forms/
 * form-response): Form.createResponse() gives an empty response, TextItem.createResponse(text) an
 * answer, withItemResponse adds it, and toPrefilledUrl() "generates a URL for the form in which the
 * answers are pre-filled": the published viewform URL with usp=pp_url and one entry.<id>=<answer>
 * each, URL-encoded. Nothing is submitted. And Form.setEmailCollectionType(VERIFIED), kept as such.
 */
const source = `
function prefill() {
  var form = FormApp.create('Work order update');
  var order = form.addTextItem().setTitle('Work order');
  form.addParagraphTextItem().setTitle('Note');
  var url = form.createResponse()
    .withItemResponse(order.createResponse('REQ-000001'))
    .withItemResponse(order.createResponse('REQ 7 & co'))
    .toPrefilledUrl();
  var empty = form.createResponse().toPrefilledUrl();
  var bad;
  try { form.createResponse().withItemResponse('REQ-1'); } catch (e) { bad = e.message; }
  return { url: url, empty: empty, published: form.getPublishedUrl(), orderId: order.getId(),
    responses: form.getResponses().length, bad: bad };
}
function emailCollection() {
  var form = FormApp.create('Verified');
  var before = form.getEmailCollectionType();
  form.setEmailCollectionType(FormApp.EmailCollectionType.VERIFIED);
  var verified = [form.getEmailCollectionType(), form.collectsEmail()];
  form.setCollectEmail(true);
  return { before: before, verified: verified, typed: form.getEmailCollectionType() };
}
`;

describe('FormResponse.toPrefilledUrl and EmailCollectionType', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms], timeZone: 'Etc/UTC' });
  afterAll(() => rt.close());
  const run = (entry: string) => rt.run(entry, { user: 'admin@example.com', spreadsheetId: null, args: [] });

  test('a pre-filled link: the last answer to a question wins, encoded; nothing is submitted', async () => {
    const record = await run('prefill');
    expect(record.error).toBeUndefined();
    const value = record.value as Record<string, string | number>;
    expect(value.url).toBe(`${value.published}?usp=pp_url&entry.${value.orderId}=REQ%207%20%26%20co`);
    expect(value.empty).toBe(`${value.published}?usp=pp_url`);
    expect(value.responses).toBe(0);
    expect(value.bad).toMatch(/withItemResponse/);
  });

  test('VERIFIED is remembered as VERIFIED; setCollectEmail(true) is responder input', async () => {
    const record = await run('emailCollection');
    expect(record.value).toEqual({
      before: 'DO_NOT_COLLECT',
      verified: ['VERIFIED', true],
      typed: 'RESPONDER_INPUT',
    });
  });
});
