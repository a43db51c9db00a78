/**
 * Setup's records over several runs in a workbook not sealed yet (updated from before seals): some
 * rows keep unsealed records, some have none. The workbook was marked sealed only by the run that went
 * round every row, so between runs days apart an unsealed record was still a record: a script could
 * write forged cells with a matching unsealed record on a row not recorded yet, have the technician it
 * named act on it, and have the next run seal it as the add-on's. Now the first run seals every record
 * the rows have and marks the workbook sealed at once; the rows it did not reach are filled by later
 * runs only when their request's cells are as the request gave them. Through dist/Code.js.
 */
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ROW_STATE_HEADER, serializeRowState } from '../../../src/server/adapters/row-state';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { beforeSeals, stateCell, unsealed } from '../../support/row-state';
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
let ids: string[];
beforeEach(async () => {
  wb = await setUpWorkbook();
  ids = [];
  for (let i = 0; i < 6; i++) ids.push(await assignedOrder(wb, TECH));
  // From before seals: the first three rows keep unsealed records, the last three have none.
  beforeSeals(wb);
  for (const [i, id] of ids.entries())
    writeOutside(id, ROW_STATE_HEADER, i < 3 ? unsealed(stateCell(wb, id)) : '');
  wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.rowStateBackfillRowsPerRun, '2');
}, 120_000);
afterEach(() => wb.close());

function writeOutside(id: string, header: string, value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

const sealedFlag = (): string | null =>
  wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.rowStatesSealed);

async function setUp(): Promise<string> {
  return String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
}

async function start(user: string, id: string): Promise<{ ok: boolean; message?: string }> {
  const request = { id, revision: wb.order(id).revision, action: 'start' };
  return expectOk(await wb.call(user, 'myWorkAct', request)).value as { ok: boolean; message?: string };
}

test('the first run seals the records rows have and the workbook; a record forged between runs is no record', async () => {
  const first = await setUp();
  expect(first).toMatch(/sealed the hidden "Last Known State" of every row that had one \(3 rewritten\)/);
  expect(first).toMatch(/1 row\(s\) of the register still have no "Last Known State"/);
  expect(sealedFlag()).not.toBeNull();
  for (const id of ids.slice(0, 5)) expect(stateCell(wb, id)).toMatch(/^S\|/);
  const forged = ids[5] as string;
  expect(stateCell(wb, forged)).toBe('');

  // Days later, a script forges the row not recorded yet, with an unsealed record to match.
  writeOutside(forged, 'Description', 'Forged text');
  writeOutside(forged, 'Assignee', TECH2);
  writeOutside(forged, ROW_STATE_HEADER, serializeRowState(wb.order(forged)));
  const refused = await start(TECH2, forged);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/Last Known State/);
  expect(wb.order(forged).status).toBe('Assigned');

  // The next run does not seal it: its cells are not what its request gave.
  const second = await setUp();
  expect(second).toContain(forged);
  expect(second).toMatch(/not what the request's answers give/);
  expect(stateCell(wb, forged)).not.toMatch(/^S\|/);
  // The honest rows recorded by the first run still work.
  expect(await start(TECH, ids[4] as string)).toMatchObject({ ok: true });
}, 120_000);

test('one run that reaches every row still seals them all as before', async () => {
  wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.rowStateBackfillRowsPerRun, '10');
  const summary = await setUp();
  expect(summary).toMatch(/sealed the hidden "Last Known State" of every row \(3 rewritten\)/);
  expect(summary).not.toMatch(/still have no/);
  expect(sealedFlag()).not.toBeNull();
  for (const id of ids) expect(stateCell(wb, id)).toMatch(/^S\|/);
}, 120_000);
