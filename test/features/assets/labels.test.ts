/**
 * Request labels through dist/Code.js: administrators open the dialog and get one label per active
 * asset and per location, each the intake form's link pre-filled by Forms itself (the entry ids come
 * from Form.createResponse … toPrefilledUrl); a request made from such a link arrives tagged with the
 * asset and its location. Everyone else is refused, from the menu and from the console.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import type { LabelsLoadResponse } from '../../../src/shared/labels';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  const paste = await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
    ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ['AHU 2'.replace(' ', '-'), 'Air handling unit & fan', 'Annex', 'HVAC', '', ''],
    ['OLD-9', 'Retired', 'Warehouse', '', '', 'FALSE'],
  ]);
  paste.executions.forEach(expectOk);
});
afterAll(() => wb.close());

async function labels(user = ADMIN): Promise<LabelsLoadResponse> {
  return expectOk(await wb.call(user, 'labelsLoad')).value as LabelsLoadResponse;
}

/** The answers a pre-filled link carries, by question title (entry.<item id> → the form's item). */
function answersOf(url: string): Record<string, string> {
  const form = wb.rt.world.forms.require(wb.formId);
  const params = new URL(url).searchParams;
  expect(params.get('usp')).toBe('pp_url');
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    const m = /^entry\.(\d+)$/.exec(key);
    if (!m) continue;
    const item = form.items.find((i) => String(i.id) === m[1]);
    if (!item) throw new Error(`no item ${key}`);
    out[item.title] = value;
  }
  return out;
}

test('one label per active asset, then per location, each a pre-filled link to the request form', async () => {
  const reply = await labels();
  if (!reply.ok) throw new Error(reply.message);
  expect(reply.labels.map((l) => `${l.kind}:${l.code}`)).toEqual([
    'asset:PUMP-01',
    'asset:AHU-2',
    'location:Main Building',
    'location:Annex',
    'location:Warehouse',
    'location:Car Park',
    'location:Grounds',
  ]);
  const form = wb.rt.world.forms.require(wb.formId);
  for (const label of reply.labels)
    expect(label.url.startsWith(`https://docs.google.com/forms/d/e/${form.publishedId}/viewform?`)).toBe(
      true,
    );
  expect(answersOf(reply.labels[1]!.url)).toEqual({
    Location: 'Annex',
    Asset: 'AHU-2 — Air handling unit & fan (Annex)',
  });
  expect(answersOf(reply.labels[3]!.url)).toEqual({ Location: 'Annex' });
  expect(reply.labels[0]!.subtitle).toBe('PUMP-01 · Main Building · Plumbing');
});

test('a request made from an asset label arrives tagged with the asset and its location', async () => {
  const reply = await labels();
  if (!reply.ok) throw new Error(reply.message);
  const prefilled = answersOf(reply.labels[0]!.url);
  const answers = { ...wb.answers({ description: 'Pump is leaking' }), ...prefilled };
  (await wb.rt.submitForm(wb.formId, { respondentEmail: REQUESTOR, answers })).executions.forEach(expectOk);
  const order = wb.register().at(-1)!.order;
  expect([order.asset, order.location, order.reviewFlag]).toEqual(['PUMP-01', 'Main Building', '']);
});

test('only administrators print labels: menu and console refused for others', async () => {
  for (const user of [SUPERVISOR, TECH]) {
    const reply = await labels(user);
    expect(reply).toEqual({
      ok: false,
      // Whom to ask, by name: a refusal with a next step.
      message: `Only an active Administrator on the Staff tab can print request labels. You are signed in as ${user}. If it should be done, ask an administrator (${ADMIN}) to do it, or to make you an active Administrator on the Staff tab.`,
    });
    expectOk(await wb.menu(user, 'openLabelsDialog'));
    expect(wb.rt.world.ui.ofKind('alert').at(-1)!.prompt).toMatch(
      /^Only an active Administrator on the Staff tab can print request labels\..* ask an administrator/,
    );
  }
  expectOk(await wb.menu(ADMIN, 'openLabelsDialog'));
  const dialog = wb.rt.world.ui.ofKind('dialog').at(-1)!;
  expect(dialog).toMatchObject({ user: ADMIN, title: 'Request labels' });
});
