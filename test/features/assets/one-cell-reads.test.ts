/**
 * A single-cell edit of the Assets tab, through dist/Code.js: its old value comes with the event, so
 * the tab as last accepted is not read from document properties (a paste still reads it, once, for
 * both the judgement and the check of what still names a dropped Asset ID). An Asset ID renamed in one
 * cell is still found left behind by open orders.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution, sidebarAct, submitOne, toastsOf, type } from '../../support/edits';

const ASSETS = SHEET_NAMES.assets;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** The edit, and how many times it read the accepted copy of the Assets tab (its first piece). */
async function edit(row: number, column: number, values: string[][]): Promise<number> {
  const store = wb.rt.world.properties.document(wb.ssId);
  const get = jest.spyOn(store, 'get');
  try {
    expectOk(onlyExecution((await wb.edit(ADMIN, ASSETS, row, column, values)).executions));
    return get.mock.calls.filter(([key]) => key === PROPERTY_KEYS.acceptedAssets).length;
  } finally {
    get.mockRestore();
  }
}

test('a one-cell Assets edit does not read the accepted copy; a paste reads it once', async () => {
  expect(
    await edit(2, 1, [['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE']]),
  ).toBe(1);
  // A refused paste puts its cells back from the copy read for the check: still one read.
  expect(await edit(3, 1, [['FAN-02', 'Roof fan', 'Main Building', 'HVAC', 'Catastrophic', 'TRUE']])).toBe(1);
  expect(wb.values(ASSETS)[2]?.every((v) => v === '') ?? true).toBe(true);

  const id = await submitOne(wb);
  await sidebarAct(wb, {
    action: 'approve',
    id,
    revision: wb.order(id).revision,
    category: 'Plumbing',
    priority: 'P3 Routine',
  });
  expectOk(await type(wb, SUPERVISOR, id, 'Asset', 'PUMP-01'));
  expect(await edit(2, 2, [['Boiler feed pump 1']])).toBe(0);
  expect(await edit(2, 1, [['PUMP-1']])).toBe(0);
  expect(toastsOf(wb, ADMIN).at(-1)).toMatch(
    /^Asset ID "PUMP-01" is no longer on the Assets tab; still naming it: 1 open work order/,
  );
});
