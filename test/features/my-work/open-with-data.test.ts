/**
 * My work opens with the technician's cards in the page (through dist/Code.js): the menu item's
 * sidebar carries the view myWorkLoad returns, so the page needs no first call; a description that
 * tries to close the script element stays inert data. Later openings carry the cards remembered from
 * the last one, marked unchecked and read without the register; a first opening carries the review
 * queue's summaries of the same orders, also unchecked. The page's check (myWorkLoad) reads the rows,
 * shows what changed since and is remembered for the next opening.
 */
import { isMyWorkReply, type MyWorkLoadResponse, type MyWorkView } from '../../../src/shared/my-work-types';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { shownSidebar } from '../../support/first-data';
import { assignedOrders, cardIn, load, step, targetOf } from './helpers';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';

const HOSTILE = '</script><script>alert("x")</script><!-- <script> & done';

async function openedView(wb: TestWorkbook, user: string): Promise<MyWorkView> {
  expect((await wb.menu(user, 'openMyWork')).ok).toBe(true);
  const page = shownSidebar(wb, user);
  expect(page.blockText).not.toMatch(/[<>&]/);
  expect(isMyWorkReply('myWorkLoad', page.data)).toBe(true);
  const reply = page.data as MyWorkLoadResponse;
  if (!reply.ok) throw new Error(reply.message);
  return reply.view;
}

describe('the My work sidebar opens with its cards', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await assignedOrders(wb, [TECH, TECH2]);
    const [hostile] = await submitRequests(wb, [{ description: HOSTILE }]);
    const view = await viewFor(wb, SUPERVISOR);
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(itemIn(view, hostile!)),
      category: 'Electrical',
      priority: 'P2 Urgent',
      assignee: TECH,
    });
    if (!reply.ok) throw new Error(reply.message);
    ids.push(hostile!);
  });
  afterAll(() => wb.close());

  test('a first opening carries every card from the queue, unchecked, without reading the register', async () => {
    const menu = await wb.menu(TECH, 'openMyWork');
    expect(menu.stats.calls['Range.getValues'] ?? 0).toBe(0);
    const embedded = await openedView(wb, TECH);
    expect(embedded.unchecked).toBe(true);
    expect(embedded.open.map((c) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
    for (const card of embedded.open) {
      // A summary's revision is unknown (0, which no row has): a step sent with it would be refused.
      expect(card).toMatchObject({ summary: true, revision: 0, notes: '' });
    }
    expect(cardIn(embedded, ids[2]!).description).toContain(
      '</script><script>alert("x")</script><!-- <script> &',
    );
    // The page's check reads the rows: the same cards in the same order, now whole and checked.
    const { reply } = await load(wb, TECH);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.view.unchecked).toBeUndefined();
    expect(reply.view.open.map((c) => c.id)).toEqual(embedded.open.map((c) => c.id));
    for (const card of reply.view.open) {
      expect(card.summary).toBeUndefined();
      expect(card.revision).toBeGreaterThan(0);
      const first = cardIn(embedded, card.id);
      expect({ ...first, summary: undefined, revision: card.revision }).toEqual({
        ...card,
        summary: undefined,
      });
    }
  });

  test('later openings carry the remembered cards, marked unchecked, read without the register', async () => {
    const menu = await wb.menu(TECH, 'openMyWork');
    expect(menu.stats.calls['Range.getValues'] ?? 0).toBe(0);
    const embedded = await openedView(wb, TECH);
    expect(embedded.unchecked).toBe(true);
    const { reply } = await load(wb, TECH);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.view.unchecked).toBeUndefined();
    expect({ ...embedded, unchecked: undefined, generatedAt: '' }).toEqual({
      ...reply.view,
      generatedAt: '',
    });
  });

  test('a change made since is shown by the check the page makes, and carried from then on', async () => {
    const before = await openedView(wb, TECH);
    const card = cardIn(before, ids[0]!);
    const { reply } = await step(wb, TECH, { action: 'start', ...targetOf(card) });
    if (!reply.ok) throw new Error(reply.message);
    // Remembered before the step, but the queue's summary has moved on: drawn from the summary ...
    const stale = await openedView(wb, TECH);
    expect(stale.unchecked).toBe(true);
    expect(cardIn(stale, ids[0]!)).toMatchObject({ status: 'In Progress', summary: true, revision: 0 });
    // ... while the order that did not change is drawn whole, as remembered.
    expect(cardIn(stale, ids[2]!).summary).toBeUndefined();
    expect(cardIn(stale, ids[2]!).revision).toBeGreaterThan(0);
    // ... and the page's check shows the step, which later openings then carry.
    const checked = await load(wb, TECH);
    if (!checked.reply.ok) throw new Error(checked.reply.message);
    expect(cardIn(checked.reply.view, ids[0]!)).toMatchObject({
      status: 'In Progress',
      revision: card.revision + 1,
    });
    const after = await openedView(wb, TECH);
    expect(cardIn(after, ids[0]!)).toMatchObject({ status: 'In Progress', revision: card.revision + 1 });
  });

  test('the view a page carries is checked: a malformed one is not taken for a reply', () => {
    expect(isMyWorkReply('myWorkLoad', { ok: true, view: { open: 'x' } })).toBe(false);
    expect(isMyWorkReply('myWorkLoad', { ok: true })).toBe(false);
    expect(isMyWorkReply('myWorkLoad', { ok: false, message: 'No.' })).toBe(true);
  });
});
