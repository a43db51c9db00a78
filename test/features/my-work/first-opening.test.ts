/**
 * What My work draws before reading the register (the review queue's summaries, or the cards
 * remembered from the last check) is only a hint (through dist/Code.js): nothing assigned since is
 * missed, what moved away is not drawn, the page's check shows the register as it is, and a forged
 * sheet cannot put an order in someone's My work nor let a step through on a summary's revision.
 */
import type { MyWorkLoadResponse, MyWorkView } from '../../../src/shared/my-work-types';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { shownSidebar } from '../../support/first-data';
import { REGISTER, cell, insertRowsAt, rowOf, sortRegister } from '../../support/edits';
import { act, find, target } from '../review/helpers';
import { assignedOrders, cardIn, load, myView, step, targetOf } from './helpers';

async function opened(wb: TestWorkbook, user: string): Promise<MyWorkView> {
  expect((await wb.menu(user, 'openMyWork')).ok).toBe(true);
  const reply = shownSidebar(wb, user).data as MyWorkLoadResponse;
  if (!reply.ok) throw new Error(reply.message);
  expect(reply.view.unchecked).toBe(true);
  return reply.view;
}

const idsOf = (view: MyWorkView): string[] => [...view.open, ...view.awaitingClose].map((c) => c.id).sort();

/** Writes one register cell as an editor would with the add-on's trigger missing: no event fires. */
function forge(wb: TestWorkbook, id: string, header: string, value: unknown): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as never]]);
}

describe('My work before and after its check', () => {
  let wb: TestWorkbook;
  let mine: string[];
  let theirs: string[];
  beforeEach(async () => {
    wb = await setUpWorkbook();
    const ids = await assignedOrders(wb, [TECH, TECH, TECH2]);
    mine = ids.slice(0, 2);
    theirs = ids.slice(2);
    // A checked opening: the cards are remembered from here on.
    expect(idsOf(await myView(wb, TECH))).toEqual([...mine].sort());
  });
  afterEach(() => wb.close());

  test('an order assigned after the cards were remembered is drawn at once, then checked', async () => {
    const [added] = await assignedOrders(wb, [TECH]);
    const first = await opened(wb, TECH);
    expect(idsOf(first)).toEqual([...mine, added!].sort());
    expect(cardIn(first, added!).summary).toBe(true);
    for (const id of mine) expect(cardIn(first, id).summary).toBeUndefined();
    const checked = await myView(wb, TECH);
    expect(idsOf(checked)).toEqual([...mine, added!].sort());
    expect(cardIn(checked, added!).summary).toBeUndefined();
    expect(cardIn(checked, added!).status).toBe('Assigned');
    expect(cardIn(checked, added!).revision).toBeGreaterThan(0);
  });

  test('an order reassigned since is drawn for its new technician only', async () => {
    const moved = mine[0]!;
    const found = await find(wb, SUPERVISOR, wb.order(moved).woNumber);
    if (!found.reply.ok) throw new Error(found.reply.message);
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reassign',
      ...target(found.reply.item),
      assignee: TECH2,
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(idsOf(await opened(wb, TECH))).toEqual([mine[1]!]);
    expect(idsOf(await myView(wb, TECH))).toEqual([mine[1]!]);
    expect(idsOf(await opened(wb, TECH2))).toEqual([...theirs, moved].sort());
    expect(idsOf(await myView(wb, TECH2))).toEqual([...theirs, moved].sort());
  });

  test('a remembered card the queue has moved on from (priority changed) is drawn from the queue', async () => {
    const changed = mine[0]!;
    const found = await find(wb, SUPERVISOR, wb.order(changed).woNumber);
    if (!found.reply.ok) throw new Error(found.reply.message);
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reprioritize',
      ...target(found.reply.item),
      priority: 'P1 Emergency',
      reason: 'Water on the floor',
    });
    if (!reply.ok) throw new Error(reply.message);
    const first = await opened(wb, TECH);
    expect(cardIn(first, changed)).toMatchObject({ priority: 'P1 Emergency', summary: true });
    expect(cardIn(first, mine[1]!).summary).toBeUndefined();
    // Emergencies first, as the checked view orders them.
    expect(first.open[0]?.id).toBe(changed);
    expect((await myView(wb, TECH)).open.map((c) => c.id)).toEqual(first.open.map((c) => c.id));
  });

  test('rows sorted since are found again by id', async () => {
    sortRegister(wb, (o) => o.id, true);
    expect(idsOf(await opened(wb, TECH))).toEqual([...mine].sort());
    const checked = await myView(wb, TECH);
    for (const id of mine) expect(cardIn(checked, id).rowHint).toBe(rowOf(wb, id));
  });

  test('a forged Assignee puts nobody else’s order in My work', async () => {
    forge(wb, theirs[0]!, 'Assignee', TECH);
    expect(idsOf(await opened(wb, TECH))).toEqual([...mine].sort());
    expect(idsOf(await myView(wb, TECH))).toEqual([...mine].sort());
    // And its technician's check, which reads the row, no longer shows it as theirs.
    expect(idsOf(await myView(wb, TECH2))).toEqual([]);
  });

  test('a forged Status and Revision: drawn as the queue knows it, dropped by the check', async () => {
    const forged = mine[0]!;
    const revision = Number(cell(wb, forged, 'Revision'));
    forge(wb, forged, 'Status', 'Closed');
    forge(wb, forged, 'Revision', revision + 5);
    // Drawn (unchecked) from what the add-on last accepted ...
    expect(idsOf(await opened(wb, TECH))).toEqual([...mine].sort());
    // ... and the check reads the row: it is no open work of theirs now.
    expect(idsOf(await myView(wb, TECH))).toEqual([mine[1]!]);
  });

  test('a summary carries no revision to act on: a step waits for the check', async () => {
    const [fresh] = await assignedOrders(wb, [TECH]);
    const summary = cardIn(await opened(wb, TECH), fresh!);
    expect(summary).toMatchObject({ summary: true, revision: 0 });
    // A step sent with a summary's revision (as a console caller could) is refused; nothing changes.
    const refused = await step(wb, TECH, { action: 'start', ...targetOf(summary) });
    expect(refused.reply.ok).toBe(false);
    expect(cell(wb, fresh!, 'Status')).toBe('Assigned');
    // The page's check carries the row's revision, with which the step goes through.
    const checked = cardIn(await myView(wb, TECH), fresh!);
    const started = await step(wb, TECH, { action: 'start', ...targetOf(checked) });
    expect(started.reply.ok).toBe(true);
    expect(cell(wb, fresh!, 'Status')).toBe('In Progress');
  });
});

describe('remembered cards checked column by column', () => {
  let wb: TestWorkbook;
  let mine: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    mine = await assignedOrders(wb, [TECH, TECH, TECH, TECH, TECH]);
    // Far apart (hundreds of rows between them), a check reads a few columns over them rather than
    // each one's row.
    for (const id of [...mine].reverse().slice(0, 4)) insertRowsAt(wb, rowOf(wb, id), 400);
    expect(idsOf(await myView(wb, TECH))).toEqual([...mine].sort());
  });
  afterAll(() => wb.close());

  test('an unchanged check reads columns, not rows', async () => {
    const { record } = await load(wb, TECH);
    // Four narrow reads over the span (and the header), no row read in full.
    expect(record.stats.cellsRead).toBeLessThan(4 * (rowOf(wb, mine[4]!) - rowOf(wb, mine[0]!) + 1) + 100);
  });

  test('an Assignee or Status typed over a remembered order without the add-on is not taken for it', async () => {
    forge(wb, mine[0]!, 'Assignee', TECH2);
    forge(wb, mine[1]!, 'Status', 'Closed');
    const checked = await myView(wb, TECH);
    expect(idsOf(checked)).toEqual(mine.slice(2).sort());
  });
});

describe('a remembered order far from the rest', () => {
  let wb: TestWorkbook;
  let mine: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    mine = await assignedOrders(wb, Array<string>(10).fill(TECH));
    for (const id of mine.slice(1, 9).reverse()) insertRowsAt(wb, rowOf(wb, id), 400);
    // The last order thousands of rows below the others.
    insertRowsAt(wb, rowOf(wb, mine[9]!), 3000);
    expect(idsOf(await myView(wb, TECH))).toEqual([...mine].sort());
  });
  afterAll(() => wb.close());

  test('is read in its row, the columns read only over the rest', async () => {
    const { record, reply } = await load(wb, TECH);
    if (!reply.ok) throw new Error(reply.message);
    expect(idsOf(reply.view)).toEqual([...mine].sort());
    const near = rowOf(wb, mine[8]!) - rowOf(wb, mine[0]!) + 1;
    const all = rowOf(wb, mine[9]!) - rowOf(wb, mine[0]!) + 1;
    // Four columns over the near orders' rows, the far one's row and the header: far less than four
    // columns over all of them.
    expect(record.stats.cellsRead).toBeLessThan(4 * near + 200);
    expect(4 * near + 200).toBeLessThan(4 * all);
    // Nothing moved: nothing remembered is written again (a cache write costs as much as a read call).
    expect(record.stats.calls['Cache.put'] ?? 0).toBe(0);
    expect(record.stats.calls['Cache.putAll'] ?? 0).toBe(0);
  });
});
