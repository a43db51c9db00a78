import { LocalAppsScript, Scope } from '../../../runtime';

/**
 * ListItem.createResponse (developers.google.com/apps-script/reference/forms/list-item): an
 * ItemResponse for a pre-filled link; "Throws Error — if the value does not match a valid choice for
 * this item".
 */
const source = `
function prefill() {
  var form = FormApp.create('Requests');
  var where = form.addListItem().setTitle('Location').setChoiceValues(['Main Building', 'Annex & Yard']);
  var url = form.createResponse().withItemResponse(where.createResponse('Annex & Yard')).toPrefilledUrl();
  var bad;
  try { where.createResponse('Elsewhere'); } catch (e) { bad = e.message; }
  return { url: url, published: form.getPublishedUrl(), id: where.getId(), bad: bad };
}
`;

test('a list answer pre-fills its link; an answer that is not a choice is refused', async () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms], timeZone: 'Etc/UTC' });
  try {
    const record = await rt.run('prefill', { user: 'admin@example.com', spreadsheetId: null, args: [] });
    expect(record.error).toBeUndefined();
    const value = record.value as Record<string, string>;
    expect(value.url).toBe(`${value.published}?usp=pp_url&entry.${value.id}=Annex%20%26%20Yard`);
    expect(value.bad).toMatch(/not a choice/);
  } finally {
    await rt.close();
  }
});
