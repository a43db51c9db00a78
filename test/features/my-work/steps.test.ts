/**
 * My work through dist/Code.js: a technician takes an order from Assigned to Completed in the sidebar,
 * each step checked against the lifecycle table, written once, logged (source "sidebar") and notified
 * as the other paths do; a stale card, someone else's order, a skipped step or a missing field is
 * refused in plain words and changes nothing.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import {
  MANAGER,
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { mailLog } from '../review/helpers';
import { writesSnapshot } from '../review/fixtures';
import { assignedOrders, cardIn, load, myView, step, targetOf } from './helpers';

function sidebarLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'sidebar' && e.recordId === id && e.user === TECH)
    .map((e) => [e.field, e.oldValue, e.newValue]);
}

describe('a technician works an order through My work', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await assignedOrders(wb, [TECH, TECH2, TECH]);
  });
  afterAll(() => wb.close());

  test('the menu item opens the sidebar; the view lists only the caller’s orders with the steps they may take', async () => {
    expect((await wb.menu(TECH, 'openMyWork')).ok).toBe(true);
    const sidebar = wb.rt.world.ui.lastSidebar(wb.ssId, TECH);
    expect(sidebar).toMatchObject({ title: 'My work', width: 300 });
    expect(sidebar?.html).toContain('myWorkLoad');
    const alerts = wb.rt.world.ui.alerts(wb.ssId, MANAGER).length;
    expect((await wb.menu(MANAGER, 'openMyWork')).ok).toBe(true);
    expect(wb.rt.world.ui.alerts(wb.ssId, MANAGER)).toHaveLength(alerts + 1);
    expect(wb.rt.world.ui.lastSidebar(wb.ssId, MANAGER)).toBeNull();
    const view = await myView(wb, TECH);
    expect(view.user).toEqual({ email: TECH, name: 'Tina Tech', role: 'Technician' });
    expect(view.open.map((c) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(view.awaitingClose).toEqual([]);
    const card = cardIn(view, ids[0]!);
    expect(card).toMatchObject({
      status: 'Assigned',
      description: 'Job 1: fix the door',
      location: 'Main Building',
      requesterEmail: REQUESTOR,
      priority: 'P3 Routine',
      steps: ['start', 'note'],
    });
    expect(card.woNumber).toMatch(/^WO-\d{4}-\d{5}$/);
    expect(card.due).not.toBeNull();
    expect((await myView(wb, TECH2)).open.map((c) => c.id)).toEqual([ids[1]]);
  });

  test('start, hold with a reason, resume, a note, complete: each step written, logged and notified', async () => {
    const id = ids[0]!;
    const view = await myView(wb, TECH);
    let { reply } = await step(wb, TECH, { action: 'start', ...targetOf(cardIn(view, id)) });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.message).toContain('In Progress');
    expect(wb.order(id).status).toBe('In Progress');
    expect(wb.order(id).startedAt).toBeInstanceOf(Date);
    expect(reply.card.steps).toEqual(['hold', 'note', 'complete']);
    expect(sidebarLog(wb, id)).toContainEqual(['Status', 'Assigned', 'In Progress']);

    const mailBefore = mailLog(wb).length;
    ({ reply } = await step(wb, TECH, {
      action: 'hold',
      ...targetOf(reply.card),
      reason: 'Waiting for a replacement part',
    }));
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'Waiting for a replacement part' });
    expect(reply.card.steps).toEqual(['resume', 'note']);
    const holdMail = mailLog(wb).slice(mailBefore);
    expect(holdMail.flatMap((m) => m.to).sort()).toEqual([REQUESTOR, SUPERVISOR].sort());

    ({ reply } = await step(wb, TECH, { action: 'resume', ...targetOf(reply.card) }));
    if (!reply.ok) throw new Error(reply.message);
    ({ reply } = await step(wb, TECH, {
      action: 'note',
      ...targetOf(reply.card),
      note: '=Part fitted, testing',
    }));
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order(id).notes).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} Tina Tech\] =Part fitted, testing$/);
    // Text starting with "=" stays text in the cell.
    const notesCol = wb.registerColumn('Progress Notes');
    const row = wb.register().find((r) => r.order.id === id)!.row;
    expect(wb.sheet(SHEET_NAMES.register).formulaAt(row, notesCol)).toBe('');

    const beforeComplete = mailLog(wb).length;
    ({ reply } = await step(wb, TECH, {
      action: 'complete',
      ...targetOf(reply.card),
      results: 'Door closes again',
      actionsTaken: 'Replaced the hinge',
    }));
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order(id)).toMatchObject({
      status: 'Completed',
      results: 'Door closes again',
      actions: 'Replaced the hinge',
    });
    expect(wb.order(id).completedAt).toBeInstanceOf(Date);
    expect(reply.card).toMatchObject({ id, status: 'Completed', steps: ['note'] });
    const after = await myView(wb, TECH);
    expect(after.open.map((c) => c.id)).toEqual([ids[2]]);
    expect(after.awaitingClose.map((c) => c.id)).toEqual([id]);
    expect(
      mailLog(wb)
        .slice(beforeComplete)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([REQUESTOR, SUPERVISOR].sort()); // supervisors to close it, the requestor with the results
    expect(sidebarLog(wb, id).filter((e) => e[0] === 'Status')).toEqual([
      ['Status', 'Assigned', 'In Progress'],
      ['Status', 'In Progress', 'On Hold'],
      ['Status', 'On Hold', 'In Progress'],
      ['Status', 'In Progress', 'Completed'],
    ]);
  });

  test('a stale card, someone else’s order, a skipped step and a missing field are refused and change nothing', async () => {
    const id = ids[2]!;
    const card = cardIn(await myView(wb, TECH), id);
    const before = writesSnapshot(wb);

    const stale = await step(wb, TECH, { action: 'start', ...targetOf(card), revision: card.revision - 1 });
    expect(stale.reply).toMatchObject({ ok: false });
    expect(!stale.reply.ok && stale.reply.message).toMatch(/changed since you opened My work.*Reload/);

    const other = await step(wb, TECH2, { action: 'start', ...targetOf(card) });
    expect(!other.reply.ok && other.reply.message).toBe(
      'Only the assignee or a supervisor can start this work order.',
    );

    const skipped = await step(wb, TECH, {
      action: 'complete',
      ...targetOf(card),
      results: 'x',
      actionsTaken: 'y',
    });
    expect(!skipped.reply.ok && skipped.reply.message).toMatch(/skips a step: start it first/);

    const missing = await step(wb, TECH, { action: 'hold', ...targetOf(card) });
    expect(!missing.reply.ok && missing.reply.message).toBe('A reason for the hold is required.');
    const junk = await step(wb, TECH, { action: 'close', ...targetOf(card) });
    expect(!junk.reply.ok && junk.reply.message).toMatch(/^Unknown step/);
    const extra = await step(wb, TECH, { action: 'start', ...targetOf(card), status: 'Closed' });
    expect(extra.reply.ok).toBe(false);

    expect(writesSnapshot(wb)).toBe(before);
  });

  test('the caller is checked on every call: strangers, managers and unknown users get a plain refusal', async () => {
    for (const user of [STRANGER, MANAGER]) {
      const { reply } = await load(wb, user);
      expect(reply.ok).toBe(false);
      const card = cardIn(await myView(wb, TECH), ids[2]!);
      const acted = await step(wb, user, { action: 'start', ...targetOf(card) });
      expect(acted.reply.ok).toBe(false);
    }
    expect((await load(wb, '')).reply).toMatchObject({
      ok: false,
      message: expect.stringContaining('cannot tell who you are'),
    });
    expect((await load(wb, TECH, { offsets: 1 })).reply.ok).toBe(false);
  });
});
