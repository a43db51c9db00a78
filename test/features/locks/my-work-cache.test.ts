/**
 * My work opens without reading a technician's rows again: the orders shown last time are remembered
 * (document cache) and checked against the register's Request ID and Revision columns, two reads
 * whatever the number of orders or how far apart their rows are. A change the add-on accepts raises
 * the Revision, so the card shows it at once; a row moved by a sort is found again by id.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, rowOf, type } from '../../support/edits';
import { appendDirectly, makeOrder } from '../review/fixtures';
import { sheetCalls } from '../review/helpers';
import { assignedOrders, cardIn, load } from '../my-work/helpers';

const FILLER = 1_200;
let wb: TestWorkbook;
let ids: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  // Four orders of TECH's, with thousands of closed rows between each: far apart in the register.
  ids = [];
  for (let round = 0; round < 4; round++) {
    ids.push(...(await assignedOrders(wb, [TECH])));
    const base = 1_000 + round * FILLER;
    appendDirectly(
      wb,
      Array.from({ length: FILLER }, (_, i) =>
        makeOrder(base + i, { status: 'Closed', woNumber: `WO-2025-${i}` }),
      ),
    );
  }
}, 180_000);
afterAll(() => wb.close());

async function open() {
  const { reply, record } = await load(wb, TECH);
  if (!reply.ok) throw new Error(reply.message);
  return { view: reply.view, calls: sheetCalls(record), cells: record.stats.cellsRead };
}

test('the second opening reads two columns, not the rows; what it shows is the register as it is', async () => {
  const first = await open();
  expect(first.view.open.map((c) => c.id).sort()).toEqual([...ids].sort());
  const second = await open();
  expect(second.view.open).toEqual(first.view.open);
  // Two cells a row over the span of the four orders' rows (~3,600), never all their columns (the header
  // row is read once).
  const span = rowOf(wb, ids[3]!) - rowOf(wb, ids[0]!) + 1;
  const width = wb.sheet(REGISTER).lastColumn();
  expect(second.cells).toBeLessThanOrEqual(2 * span + width);
  expect(second.calls).toBeLessThan(first.calls);
  const third = await open();
  expect(third.calls).toBe(second.calls);
});

test('an accepted change (a note typed in the sheet) raises the revision: the next opening shows it', async () => {
  await open();
  const id = ids[1]!;
  const before = wb.order(id).revision;
  await type(wb, TECH, id, 'Progress Notes', 'Parts ordered');
  expect(wb.order(id).revision).toBeGreaterThan(before);
  const { view } = await open();
  expect(cardIn(view, id)).toMatchObject({
    notes: expect.stringContaining('Parts ordered'),
    revision: wb.order(id).revision,
  });
});

test('rows moved (a row inserted above them) are found again by id', async () => {
  await open();
  wb.sheet(REGISTER).insertRows(2, 1, 'none');
  const { view } = await open();
  for (const id of ids) expect(cardIn(view, id)).toMatchObject({ id, rowHint: rowOf(wb, id) });
  expect(wb.sheet(SHEET_NAMES.register).lastRow()).toBeGreaterThan(4 * FILLER);
});
