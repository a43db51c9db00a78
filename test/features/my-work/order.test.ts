/**
 * Which cards My work shows and in what order (overdue, due soon, then priority and due), and what
 * opening it costs: the orders are found through the review queue and remembered rows, never by reading
 * the register, and still found after people sort the sheet.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { appendDirectly, makeOrder } from '../review/fixtures';
import { sheetCalls } from '../review/helpers';
import { load, myView } from './helpers';

const HOUR = 3_600_000;

describe('the order of the cards and the cost of opening', () => {
  let wb: TestWorkbook;
  const now = Date.now();
  beforeAll(async () => {
    wb = await setUpWorkbook();
    const filler = Array.from({ length: 1200 }, (_, i) =>
      makeOrder(i + 1001, { status: 'Closed', woNumber: `WO-2026-${String(i + 1001).padStart(5, '0')}` }),
    );
    const mine = (
      seq: number,
      status: 'Assigned' | 'In Progress' | 'On Hold' | 'Completed' | 'Closed',
      priority: string,
      dueInHours: number,
    ) =>
      makeOrder(seq, {
        status,
        priority,
        category: 'Electrical',
        assignee: TECH,
        woNumber: `WO-2026-${String(seq).padStart(5, '0')}`,
        due: new Date(now + dueInHours * HOUR),
        reason: status === 'On Hold' ? 'Waiting for parts' : '',
      });
    appendDirectly(wb, [
      ...filler.slice(0, 300),
      mine(701, 'Assigned', 'P4 Scheduled', 24 * 20), // later, lowest priority
      mine(702, 'In Progress', 'P1 Emergency', 24 * 3), // highest priority, not soon
      mine(703, 'On Hold', 'P4 Scheduled', -5), // past due, but On Hold stops the SLA clock: not overdue
      mine(704, 'Assigned', 'P3 Routine', 3), // due soon
      { ...mine(705, 'Assigned', 'P1 Emergency', 24 * 2), assignee: TECH2 },
      mine(706, 'Completed', 'P2 Urgent', 24),
      mine(707, 'Closed', 'P2 Urgent', 24),
      ...filler.slice(300),
      mine(708, 'In Progress', 'P2 Urgent', 24 * 3),
    ]);
  });
  afterAll(() => wb.close());

  test('overdue first, then due soon, then by priority and due; completed work shown apart; others’ work left out', async () => {
    const view = await myView(wb, TECH);
    expect(view.open.map((c) => c.id)).toEqual([
      'REQ-000704',
      'REQ-000702',
      'REQ-000708',
      'REQ-000703',
      'REQ-000701',
    ]);
    expect(view.open[3]).toMatchObject({
      overdue: false,
      reason: 'Waiting for parts',
      steps: ['resume', 'note'],
    });
    expect(view.open[0]).toMatchObject({ overdue: false, dueSoon: true });
    expect(view.awaitingClose.map((c) => c.id)).toEqual(['REQ-000706']);
    expect(view.awaitingClose[0]?.steps).toEqual(['note']);
  });

  test('a warm opening reads the remembered rows only, not the register', async () => {
    await myView(wb, TECH);
    const { record } = await load(wb, TECH);
    const register = wb.sheet(SHEET_NAMES.register);
    // Its last row, the header, and one read per span of rows close together (the 900 rows between the
    // two groups of orders cost more than a second call, so they are not read); the sheet itself is
    // found through a local accessor (adapters/register-tab.ts).
    // And the spreadsheet's time zone, checked first (features/errors/zone-guard.ts).
    expect(sheetCalls(record)).toBe(5);
    expect(record.stats.calls['Range.getValues']).toBe(3);
    expect(record.stats.cellsRead).toBeLessThan(register.lastColumn() * 20);
  });

  test('after the register is sorted, every order is found again by one read of the id column', async () => {
    const sheet = wb.sheet(SHEET_NAMES.register);
    const last = sheet.lastRow();
    const width = sheet.lastColumn();
    const rows = sheet.readValues(2, 1, last - 1, width);
    sheet.writeValues(2, 1, [...rows].reverse());
    const { reply } = await load(wb, TECH);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.view.open.map((c) => c.id)).toEqual([
      'REQ-000704',
      'REQ-000702',
      'REQ-000708',
      'REQ-000703',
      'REQ-000701',
    ]);
    const reversed = [...rows].reverse();
    for (const card of reply.view.open)
      expect(card.rowHint).toBe(reversed.findIndex((r) => r.includes(card.id)) + 2);
    // Remembered again: the next opening does not read the id column.
    const again = await load(wb, TECH);
    expect(again.record.stats.cellsRead).toBeLessThan(width * 20);
  });
});
