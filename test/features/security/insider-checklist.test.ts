/**
 * A technician who wants to complete without doing the checklist, through dist/Code.js. The Checklist
 * Items tab must stay writable by technicians (My work ticks as them), so its rows are sealed; a tick
 * typed by hand was already left out, but the row's other cells were taken at their word: a Required
 * "Yes" typed over with "No", or the rows after the first deleted and its "1 of 3" typed as "1 of 1",
 * let Completed through, and ticking such a row from My work sealed the forgery as the add-on's own.
 * Now a row changed by hand is held to as required, named in the refusal, and cannot be ticked.
 */
import { TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { noteAt, type } from '../../support/edits';
import { assignedOrders, step } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from '../checklists/helpers';

const ITEMS = 'Checklist Items';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
});
afterAll(() => wb.close());

/** A started order whose first required item is ticked from My work; the second is not. */
async function startedOrder(): Promise<string> {
  const [id] = (await assignedOrders(wb, [TECH])) as [string];
  expect((await step(wb, TECH, { action: 'start', id, revision: wb.order(id).revision })).reply.ok).toBe(
    true,
  );
  const ticked = await record(wb, TECH, {
    kind: 'tick',
    id,
    number: 1,
    item: 'Isolate the circuit',
    done: true,
  });
  expect(ticked.ok).toBe(true);
  return id;
}

/** Sheet rows (1-based) of the order's checklist rows, in order. */
function itemRows(id: string): number[] {
  return wb
    .values(ITEMS)
    .flatMap((r, i) => (r[0] === id ? [i + 1] : []))
    .sort((a, b) => a - b);
}

async function complete(id: string) {
  const order = wb.order(id);
  return (
    await step(wb, TECH, {
      action: 'complete',
      id,
      revision: order.revision,
      results: 'Works',
      actionsTaken: 'Fixed',
    })
  ).reply;
}

test('Required "Yes" typed over with "No": Completed is still refused, from My work and from the sheet', async () => {
  const id = await startedOrder();
  const second = itemRows(id)[1]!;
  await wb.edit(TECH, ITEMS, second, 4, [['No']]);
  expect(await complete(id)).toEqual({
    ok: false,
    message: expect.stringMatching(
      /"Test with a voltage tester \(its row on the Checklist Items tab was changed by hand/,
    ),
  });
  await type(wb, TECH, id, 'Results', 'Works');
  await type(wb, TECH, id, 'Actions Taken', 'Fixed');
  await type(wb, TECH, id, 'Status', 'Completed');
  expect(wb.order(id).status).toBe('In Progress');
  expect(noteAt(wb, id, 'Status')).toMatch(/Test with a voltage tester \(its row .* changed by hand/);
});

test('the forged row cannot be ticked from My work, which would seal the "No" as the add-on’s', async () => {
  const id = await startedOrder();
  const second = itemRows(id)[1]!;
  await wb.edit(TECH, ITEMS, second, 4, [['No']]);
  const tick = { kind: 'tick', id, number: 2, item: 'Test with a voltage tester' };
  expect(await record(wb, TECH, { ...tick, done: true })).toMatchObject({
    ok: false,
    message: expect.stringMatching(
      /changed by hand; type its cells back as they were: File › Version history shows them; put back only this row, not a whole version, which would undo every later change\) cannot be ticked/,
    ),
  });
  expect(await record(wb, TECH, { ...tick, done: false })).toMatchObject({ ok: false });
  expect(wb.sheet(ITEMS).valueAt(second, 4)).toBe('No');
  expect((await complete(id)).ok).toBe(false);
  expect(wb.order(id).status).toBe('In Progress');
});

test('the rows after the first deleted and "1 of 3" typed as "1 of 1": Completed is refused', async () => {
  const id = await startedOrder();
  const [first, second] = itemRows(id) as [number, number];
  wb.sheet(ITEMS).deleteRows(second, 2);
  await wb.edit(TECH, ITEMS, first, 2, [['1 of 1']]);
  const reply = await complete(id);
  expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/Isolate the circuit \(its row/) });
  expect(wb.order(id).status).toBe('In Progress');
});

test('negative control: a tick typed by hand over a row is still put right by ticking from My work', async () => {
  const id = await startedOrder();
  const second = itemRows(id)[1]!;
  await wb.edit(TECH, ITEMS, second, 5, [['TRUE']]);
  expect((await complete(id)).ok).toBe(false);
  const ticked = await record(wb, TECH, {
    kind: 'tick',
    id,
    number: 2,
    item: 'Test with a voltage tester',
    done: true,
  });
  expect(ticked.ok).toBe(true);
  expect(await complete(id)).toMatchObject({ ok: true });
  expect(wb.order(id).status).toBe('Completed');
});
