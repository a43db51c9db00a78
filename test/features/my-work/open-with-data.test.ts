/**
 * My work opens with the technician's cards in the page (through dist/Code.js): the menu item's
 * sidebar carries the view myWorkLoad returns, so the page needs no first call; a description that
 * tries to close the script element stays inert data. Later openings carry the cards remembered from
 * the last one, marked unchecked and read without the register; the page's check (myWorkLoad) shows
 * what changed since and is remembered for the next opening.
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

  test('the page carries the view myWorkLoad would return, hostile text kept as inert data', async () => {
    // The first opening reads the register: the view is checked.
    const embedded = await openedView(wb, TECH);
    expect(embedded.unchecked).toBeUndefined();
    const { reply } = await load(wb, TECH);
    if (!reply.ok) throw new Error(reply.message);
    expect({ ...embedded, generatedAt: '' }).toEqual({ ...reply.view, generatedAt: '' });
    expect(embedded.open.map((c) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(cardIn(embedded, ids[2]!).description).toContain(
      '</script><script>alert("x")</script><!-- <script> &',
    );
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
    // Remembered before the step: carried as it was, unchecked ...
    const stale = await openedView(wb, TECH);
    expect(stale.unchecked).toBe(true);
    expect(cardIn(stale, ids[0]!)).toMatchObject({ status: 'Assigned', revision: card.revision });
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
