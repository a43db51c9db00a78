/**
 * A number JSON cannot hold (NaN, Infinity) reaches a service as itself: the runtime's wire between the
 * script's sandbox and the services is JSON, which would turn it into null. On live Apps Script a
 * String parameter gets JavaScript's text of the number ("NaN"), and an Integer parameter Java's
 * narrowing of it (NaN is 0).
 */
import { LocalAppsScript, Scope } from '../../runtime';

const source = `
function nonFinite() {
  var props = PropertiesService.getScriptProperties();
  props.setProperty('nan', NaN);
  props.setProperties({ inf: -Infinity });
  CacheService.getScriptCache().put('cached', NaN);
  var out = {
    nan: props.getProperty('nan'),
    inf: props.getProperty('inf'),
    cached: CacheService.getScriptCache().get('cached'),
    formatted: Utilities.formatString('%s|%s|%s', NaN, Infinity, 1.5),
  };
  try { SpreadsheetApp.getActiveSheet().getRange(NaN, 1); } catch (e) { out.range = e.message; }
  return out;
}
`;

const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
afterAll(() => rt.close());

test('NaN and the infinities cross to the services as numbers, not as null', async () => {
  const id = rt.createSpreadsheet('Wire', 'owner@example.com');
  const r = await rt.run('nonFinite', { user: 'owner@example.com', spreadsheetId: id, args: [] });
  expect(r.error).toBeUndefined();
  expect(r.value).toEqual({
    nan: 'NaN',
    inf: '-Infinity',
    cached: 'NaN',
    formatted: 'NaN|Infinity|1.5',
    range: 'The starting row of the range is too small.',
  });
});
