/**
 * The hidden Last Known State is sealed with the add-on's key (src/server/adapters/row-state-seal.ts):
 * a technician's own script that rewrites a cell AND the row's record consistently (Assignee = TECH2
 * in both) no longer gets an action through, whether the record is made with the add-on's own
 * serializer (which, without the key, writes it unsealed) or is the add-on's sealed record edited.
 * Records written before seals keep working until setup has sealed every row; after that, an
 * unsealed record (a replayed old one included) is refused like a missing one. Through dist/Code.js.
 */
import {
  ROW_STATE_HEADER,
  serializeRowState,
  serializeRowStateV1,
} from '../../../src/server/adapters/row-state';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { recordOf, stateCell } from '../../support/row-state';
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { documentProperties, writesSnapshot } from '../review/fixtures';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

/** Writes a register cell as a script or the Sheets API would: no edit trigger runs. */
function writeOutside(id: string, header: string, value: unknown): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as string]]);
}

type Reply = { ok: boolean; message?: string };

async function start(user: string, id: string): Promise<Reply> {
  const request = { id, revision: wb.order(id).revision, action: 'start' };
  return expectOk(await wb.call(user, 'myWorkAct', request)).value as Reply;
}

async function verify(): Promise<{ ok: boolean; message: string }> {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
}

const NO_RECORD =
  /its Last Known State .* not a record the add-on writes\. It was changed outside Work Orders, so nothing was changed: an administrator can run Verify audit log/;
const sealedFlag = (): string | undefined => documentProperties(wb)[PROPERTY_KEYS.rowStatesSealed];

test('a workbook set up afresh is sealed from the start: every record the add-on writes carries a seal', async () => {
  expect(sealedFlag()).toBeDefined();
  const id = await assignedOrder(wb, TECH);
  expect(stateCell(wb, id)).toMatch(/^S\|[A-Za-z0-9_-]{8}/);
}, 60_000);

test("TECH2 rewrites the Assignee and the record consistently (the product's serializer, no key): refused, nothing written; Verify puts it back", async () => {
  const id = await assignedOrder(wb, TECH);
  // The forger's record agrees with the forged cell in every field: only its seal is missing.
  const forged = serializeRowState({ ...wb.order(id), assignee: TECH2 });
  expect(forged.startsWith('W|')).toBe(true);
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, ROW_STATE_HEADER, forged);
  const before = writesSnapshot(wb);

  const refused = await start(TECH2, id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(NO_RECORD);
  expect(writesSnapshot(wb)).toBe(before);
  expect(wb.order(id).status).toBe('Assigned');

  // Verify names the record and the Assignee, and puts the row back from the change log.
  const verdict = await verify();
  expect(verdict.ok).toBe(false);
  expect(verdict.message).toContain(ROW_STATE_HEADER);
  expect(wb.order(id).assignee).toBe(TECH);
  expect(stateCell(wb, id)).toMatch(/^S\|/);
  expect(await start(TECH, id)).toMatchObject({ ok: true });
  expect(wb.order(id).status).toBe('In Progress');
}, 60_000);

test("the add-on's own sealed record edited to agree with a forged Assignee: its seal no longer holds, refused", async () => {
  const id = await assignedOrder(wb, TECH);
  const sealed = stateCell(wb, id);
  expect(sealed).toContain(TECH);
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, ROW_STATE_HEADER, sealed.replace(TECH, TECH2));
  const before = writesSnapshot(wb);
  const refused = await start(TECH2, id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(NO_RECORD);
  expect(writesSnapshot(wb)).toBe(before);

  await verify();
  expect(wb.order(id).assignee).toBe(TECH);
  expect(await start(TECH, id)).toMatchObject({ ok: true });
}, 60_000);

test("another order's sealed record, its Request ID rewritten to this row's, is refused", async () => {
  const id = await assignedOrder(wb, TECH);
  const other = await assignedOrder(wb, TECH2);
  const copied = stateCell(wb, other);
  // The other order's record with this order's id put in: its body is this order's, its seal is not.
  const idSlot = (n: string): string => parseInt(n.replace(/\D/g, ''), 10).toString(36);
  writeOutside(id, ROW_STATE_HEADER, copied.replace(`|${idSlot(other)}|`, `|${idSlot(id)}|`));
  writeOutside(id, 'Assignee', TECH2);
  const refused = await start(TECH2, id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(NO_RECORD);
}, 60_000);

test('after sealing, an old unsealed record replayed with honest values is refused too, compact or JSON', async () => {
  const id = await assignedOrder(wb, TECH);
  for (const old of [serializeRowState(wb.order(id)), serializeRowStateV1(wb.order(id))]) {
    writeOutside(id, ROW_STATE_HEADER, old);
    const before = writesSnapshot(wb);
    const refused = await start(TECH, id);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(NO_RECORD);
    expect(writesSnapshot(wb)).toBe(before);
  }
  await verify();
  expect(stateCell(wb, id)).toMatch(/^S\|/);
  expect(await start(TECH, id)).toMatchObject({ ok: true });
}, 60_000);

test.each([
  ['a record made without the key', (id: string) => serializeRowState({ ...wb.order(id), assignee: TECH2 })],
  ['an emptied record', () => ''],
])(
  'a forged Assignee with %s, then one cell typed in the row: not taken as the row, no record sealed for it; Verify puts it back',
  async (_what, forge) => {
    const id = await assignedOrder(wb, TECH);
    writeOutside(id, ROW_STATE_HEADER, forge(id));
    writeOutside(id, 'Assignee', TECH2);
    const forged = stateCell(wb, id);
    const typed = await wb.edit(TECH2, REGISTER, rowOf(wb, id), wb.registerColumn('Progress Notes'), [
      ['looking'],
    ]);
    typed.executions.forEach(expectOk);
    // Left as it is and reported: the forged cells were not made the row's record.
    expect(stateCell(wb, id)).toBe(forged);
    const reported = wb
      .changeLogEntries()
      .filter((e) => e.recordId === id && e.field === 'Row (not checked)');
    expect(reported.map((e) => e.newValue)).toEqual([
      expect.stringMatching(/was not written by Work Orders/),
    ]);
    const refused = await start(TECH2, id);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/its Last Known State/);
    expect(wb.order(id).status).toBe('Assigned');

    await verify();
    expect(wb.order(id).assignee).toBe(TECH);
    expect(stateCell(wb, id)).toMatch(/^S\|/);
    expect(await start(TECH, id)).toMatchObject({ ok: true });
  },
  60_000,
);

test("a forged Assignee, then a paste over the row's Revision and hidden record: put back from the log, the new record does not take the forged cell", async () => {
  const id = await assignedOrder(wb, TECH);
  writeOutside(id, 'Assignee', TECH2);
  const row = rowOf(wb, id);
  const column = wb.registerColumn('Revision');
  const revision = String(wb.sheet(REGISTER).valueAt(row, column));
  const pasted = await wb.edit(TECH2, REGISTER, row, column, [[revision, 'anything']]);
  pasted.executions.forEach(expectOk);
  expect(stateCell(wb, id)).toMatch(/^S\|/);
  expect(recordOf(wb, stateCell(wb, id))?.order.assignee).toBe(TECH);
  const refused = await start(TECH2, id);
  expect(refused.ok).toBe(false);
  expect(refused.message).toContain(`its Assignee reads "${TECH2}" but Work Orders last recorded "${TECH}"`);

  await verify();
  expect(wb.order(id).assignee).toBe(TECH);
  expect(await start(TECH, id)).toMatchObject({ ok: true });
}, 60_000);

test('migration: unsealed records keep working until setup seals every row; then an unsealed one is refused', async () => {
  const a = await assignedOrder(wb, TECH);
  const b = await assignedOrder(wb, TECH);
  const c = await assignedOrder(wb, TECH);
  // A workbook from before seals: no mark, records unsealed (compact) or version 1 (JSON).
  wb.rt.world.properties.document(wb.ssId).delete(PROPERTY_KEYS.rowStatesSealed);
  const oldA = serializeRowState(wb.order(a));
  writeOutside(a, ROW_STATE_HEADER, oldA);
  writeOutside(b, ROW_STATE_HEADER, serializeRowStateV1(wb.order(b)));
  const oldC = serializeRowState(wb.order(c));
  writeOutside(c, ROW_STATE_HEADER, oldC);

  // Before setup runs again, they are records as before: checked, and an honest step goes through.
  expect(await start(TECH, a)).toMatchObject({ ok: true });
  expect(stateCell(wb, a)).toMatch(/^S\|/);
  writeOutside(b, 'Assignee', TECH2);
  const checked = await start(TECH2, b);
  expect(checked.message).toContain(`its Assignee reads "${TECH2}" but Work Orders last recorded "${TECH}"`);
  writeOutside(b, 'Assignee', TECH);

  // Setup seals every row from its own record, and marks the workbook sealed.
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(/sealed the hidden "Last Known State" of every row \(2 rewritten\)/);
  expect(sealedFlag()).toBeDefined();
  expect(stateCell(wb, b)).toMatch(/^S\|/);
  expect(stateCell(wb, c)).toMatch(/^S\|/);
  expect(await start(TECH, b)).toMatchObject({ ok: true });

  // From now on the old unsealed record is no record.
  writeOutside(c, ROW_STATE_HEADER, oldC);
  const refused = await start(TECH, c);
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(NO_RECORD);
  await verify();
  expect(stateCell(wb, c)).toMatch(/^S\|/);
  expect(await start(TECH, c)).toMatchObject({ ok: true });
  // Setup again: nothing more to seal, nothing said about it.
  const again = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(again).not.toMatch(/sealed the hidden/);
}, 120_000);
