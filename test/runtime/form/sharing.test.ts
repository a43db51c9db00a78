/**
 * Conformance: who may open a form. FormApp.create makes a Drive file owned by the user who ran it and
 * private to them; FormApp.openById/openByUrl by another account fails with Drive's "No item with the
 * given ID could be found, or you do not have permission to access it." (the same as for an id that
 * names nothing), and linking the form to a shared spreadsheet shares nothing. Form.addEditor(s) shares
 * it; removeEditor takes it back; getEditors lists the owner and the editors.
 * Reference: developers.google.com/apps-script/reference/forms/form-app (openById, openByUrl),
 * /forms/form (addEditor, addEditors, getEditors, removeEditor).
 */
import { LocalAppsScript, Scope } from '../../../runtime';
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { NO_SUCH_ITEM } from '../../../runtime/host/form/form';

const OWNER = 'owner@example.com';
const OTHER = 'other@example.com';

const source = String.raw`
function make(spreadsheetId) {
  var form = FormApp.create('Requests');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  return [form.getId(), form.getPublishedUrl(), form.getEditors().map(function (u) { return u.getEmail(); })];
}
function byId(id) { return FormApp.openById(id).getId(); }
function byUrl(url) { return FormApp.openByUrl(url).getId(); }
function share(id, who) {
  var form = FormApp.openById(id).addEditor(who).addEditors([who, '${OWNER}']);
  return form.getEditors().map(function (u) { return u.getEmail(); });
}
function unshare(id, who) { return FormApp.openById(id).removeEditor(who).getEditors().length; }
function badEmail(id) { FormApp.openById(id).addEditor('not an email'); }
`;

describe('forms are private to their creator until shared', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.forms, Scope.spreadsheets] });
  afterAll(() => rt.close());
  const ssId = rt.world.spreadsheets.create('Team workbook', OWNER).id;
  const run = async (entry: string, user: string, args: unknown[]) => {
    const r = await rt.run(entry, { user, spreadsheetId: null, args });
    return r.ok ? { value: r.value } : { error: r.error?.message };
  };
  let id = '';
  let url = '';

  test('the creator opens it; another editor of the linked spreadsheet cannot, by id or URL', async () => {
    const made = (await run('make', OWNER, [ssId])).value as [string, string, string[]];
    [id, url] = made;
    expect(made[2]).toEqual([OWNER]);
    expect(await run('byId', OWNER, [id])).toEqual({ value: id });
    expect(await run('byId', OTHER, [id])).toEqual({ error: NO_SUCH_ITEM });
    expect(await run('byUrl', OTHER, [url])).toEqual({ error: NO_SUCH_ITEM });
  });

  test('addEditor/addEditors share it (the owner is not added twice); removeEditor takes it back', async () => {
    expect(await run('share', OWNER, [id, OTHER])).toEqual({ value: [OWNER, OTHER] });
    expect(await run('byUrl', OTHER, [url])).toEqual({ value: id });
    expect(await run('badEmail', OWNER, [id])).toEqual({ error: 'Invalid email: not an email' });
    importWorld(rt.world, decodeWorldState(encodeWorldState(exportWorld(rt.world))));
    expect(await run('byId', OTHER, [id])).toEqual({ value: id });
    expect(await run('unshare', OWNER, [id, OTHER])).toEqual({ value: 1 });
    expect(await run('byId', OTHER, [id])).toEqual({ error: NO_SUCH_ITEM });
  });
});
