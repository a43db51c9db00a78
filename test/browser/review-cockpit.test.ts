/**
 * The supervisor's cockpit in headless Chromium (dist/ReviewSidebar.html, 300 px wide, served by the
 * local runtime): the queues with their counts, an emergency listed first and marked, free-text
 * search, the refresh that shows a new emergency without Reload, and the confirmation before
 * cancelling. Screenshots go to test-results/screenshots/; `WB_UPDATE_DOCS=1` retakes the README's
 * (docs/screenshots/supervisor-cockpit.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { POLL_INTERVAL_MS } from '../../src/shared/review';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';
import { appendDirectly, makeOrder } from '../features/review/fixtures';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const README_SHOT = path.resolve('docs/screenshots/supervisor-cockpit.png');
const DAY = 86_400_000;

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  wb = await setUpWorkbook();
  const now = Date.now();
  appendDirectly(wb, [
    makeOrder(101, { description: 'Radiator in the library is cold', location: 'Annex' }),
    makeOrder(102, {
      status: 'In Progress',
      woNumber: 'WO-2026-00102',
      assignee: TECH,
      priority: 'P2 Urgent',
      due: new Date(now - 3 * 3_600_000),
      startedAt: new Date(now - DAY),
      description: 'Leaking tap in the staff kitchen',
    }),
    makeOrder(103, {
      status: 'On Hold',
      woNumber: 'WO-2026-00103',
      assignee: TECH2,
      priority: 'P3 Routine',
      due: new Date(now + 12 * 3_600_000),
      reason: 'Waiting for the glazier',
      description: 'Cracked window in room 12',
    }),
    makeOrder(104, {
      status: 'Completed',
      woNumber: 'WO-2026-00104',
      assignee: TECH,
      startedAt: new Date(now - 2 * DAY),
      completedAt: new Date(now - DAY),
      notes: 'Ordered a new closer; fitted it on day 2.',
      results: 'Door closes by itself again',
      actions: 'Replaced the door closer',
      description: 'Fire door does not close',
    }),
  ]);
  // Intake numbers from 1 in its own counter (the rows above, from 101, came from elsewhere).
  await submitRequests(wb, [{ description: 'Repaint the bike shed (room 66)', location: 'Grounds' }]);
  expect((await wb.menu(SUPERVISOR, 'openReviewSidebar')).ok).toBe(true);
  host = new HtmlHost(wb.rt);
  await host.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await wb?.close();
});

async function openSidebar(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 1400 } });
  const { errors } = watchPage(page);
  // A controllable clock: the refresh poll runs when the test moves time on.
  await page.clock.install();
  await page.goto(host.pageUrl('ReviewSidebar', SUPERVISOR, wb.ssId));
  await idle(page);
  return { page, errors };
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

const heading = (page: Page, key: string) => page.locator(`section[data-section="${key}"] h2`);
const itemsOf = (page: Page, key: string) =>
  page
    .locator(`section[data-section="${key}"] li.item`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

test('the queues with their counts: work in hand by technician, completed work with its notes', async () => {
  const { page, errors } = await openSidebar();
  try {
    expect(await page.locator('main h2').allTextContents()).toEqual([
      'Needs review (2)',
      'Overdue and due soon (1)',
      'Approved, not assigned (0)',
      'Assigned, in progress or on hold, by technician (2)',
      'Completed, awaiting close (1)',
    ]);
    // REQ-000103 is past due but On Hold: its SLA clock is stopped, so it is not listed as overdue.
    expect(await itemsOf(page, 'overdue')).toEqual(['REQ-000102']);
    expect(
      await page.locator('section[data-section="working"] h3.technician-group').allTextContents(),
    ).toEqual(['Theo Tech — 1 open', 'Tina Tech — 1 open']);
    const held = page.locator('section[data-section="working"] li.item[data-id="REQ-000103"]');
    expect(await held.locator('dt', { hasText: 'On hold because' }).count()).toBe(1);
    expect(await held.textContent()).toContain('Waiting for the glazier');
    const completed = page.locator('section[data-section="completed"] li.item');
    expect(await completed.locator('dt').allTextContents()).toEqual(
      expect.arrayContaining(['Started', 'Completed', 'Progress notes', 'Results']),
    );
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('search finds "radiator" and "66"', async () => {
  const { page } = await openSidebar();
  try {
    const box = page.getByLabel('Search work orders');
    await box.fill('radiator');
    await page.keyboard.press('Enter');
    await idle(page);
    // Every fixture order mentions a radiator; the library's is among them.
    expect(await page.locator('#found h2').textContent()).toMatch(/^\d+ found for “radiator”$/);
    expect(await page.locator('#found li.item[data-id="REQ-000101"]').count()).toBe(1);
    await box.fill('66');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await page.locator('#found li.item .description').allTextContents()).toEqual([
      'Repaint the bike shed (room 66)',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-cockpit-search.png'), fullPage: true });
    await page.getByRole('button', { name: 'Clear search' }).click();
    expect(await page.locator('#found li.item').count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('a new emergency appears by itself, first and marked, without Reload', async () => {
  const { page } = await openSidebar();
  try {
    const loads = () => wb.rt.executions.filter((e) => e.entry === 'reviewLoad').length;
    const polls = () => wb.rt.executions.filter((e) => e.entry === 'reviewPoll').length;
    const loadsBefore = loads();
    // Nothing changed: the poll asks, and nothing is reloaded.
    await page.clock.runFor(POLL_INTERVAL_MS);
    await idle(page);
    expect(polls()).toBeGreaterThanOrEqual(1);
    expect(loads()).toBe(loadsBefore);

    const [emergency] = await submitRequests(wb, [
      { description: 'Gas smell by the boiler', urgency: 'Emergency (safety risk)', location: 'Warehouse' },
    ]);
    await page.clock.runFor(POLL_INTERVAL_MS);
    await page.locator(`section[data-section="submitted"] li.item[data-id="${emergency}"]`).waitFor();
    await idle(page);
    expect(loads()).toBe(loadsBefore + 1);
    expect((await itemsOf(page, 'submitted'))[0]).toBe(emergency);
    const first = page.locator('section[data-section="submitted"] li.item').first();
    expect(await first.locator('.badge.emergency').textContent()).toBe('Emergency');
    expect(await heading(page, 'submitted').textContent()).toBe('Needs review (3)');
    expect(await page.locator('#status').textContent()).toBe('The lists were updated.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-cockpit-emergency.png'), fullPage: true });
    // The README's picture is retaken on request only (as the story's are): WB_UPDATE_DOCS=1.
    if (process.env.WB_UPDATE_DOCS === '1')
      await page.screenshot({ path: README_SHOT, clip: { x: 0, y: 0, width: 300, height: 900 } });
  } finally {
    await page.close();
  }
});

test('changing a due date from the overdue list: the form opens under that card; the order is fetched first', async () => {
  const { page } = await openSidebar();
  try {
    const overdue = page.locator('section[data-section="overdue"] li.item[data-id="REQ-000102"]');
    const working = page.locator('section[data-section="working"] li.item[data-id="REQ-000102"]');
    const finds = () => wb.rt.executions.filter((e) => e.entry === 'reviewFind').length;
    const findsBefore = finds();
    await overdue.getByRole('button', { name: 'Change due date' }).click();
    const date = overdue.getByLabel('New due date');
    await date.waitFor();
    expect(finds()).toBe(findsBefore + 1);
    expect(await working.locator('form').count()).toBe(0);
    // A day already past is refused on the page, with the browser's own message, before any call.
    const acts = () => wb.rt.executions.filter((e) => e.entry === 'reviewAct').length;
    const actsBefore = acts();
    const yesterday = new Date(Date.now() - DAY).toLocaleDateString('en-CA', { timeZone: wb.model.timeZone });
    await date.fill(yesterday);
    await overdue.getByLabel('Reason for the change').fill('Typed the wrong year');
    await overdue.getByRole('button', { name: 'Change due date' }).last().click();
    expect({
      message: await date.evaluate(
        (input) => (input as unknown as { validationMessage: string }).validationMessage,
      ),
      calls: acts() - actsBefore,
      open: await overdue.locator('form').count(),
    }).toEqual({ message: expect.stringMatching(/\S/), calls: 0, open: 1 });
    const next = new Date(Date.now() + 7 * DAY);
    const ymd = next.toLocaleDateString('en-CA', { timeZone: wb.model.timeZone });
    await date.fill(ymd);
    await overdue.getByLabel('Reason for the change').fill('Waiting for a part');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-cockpit-redate.png'), fullPage: true });
    await overdue.getByRole('button', { name: 'Change due date' }).last().click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/^WO-2026-00102 is now due /);
    const due = wb.order('REQ-000102').due!;
    expect(due.toLocaleDateString('en-CA', { timeZone: wb.model.timeZone })).toBe(ymd);
    // No longer overdue or due soon.
    expect(await itemsOf(page, 'overdue')).toEqual([]);
  } finally {
    await page.close();
  }
});

test('cancelling asks for confirmation; "Close form" only closes the form', async () => {
  const { page } = await openSidebar();
  try {
    const item = page.locator('section[data-section="working"] li.item[data-id="REQ-000103"]');
    await item.getByRole('button', { name: 'Cancel work order' }).click();
    const reason = item.getByLabel('Reason');
    await reason.waitFor();
    await item.getByRole('button', { name: 'Close form' }).click();
    expect(await item.locator('form').count()).toBe(0);
    expect(wb.order('REQ-000103').status).toBe('On Hold');

    await item.getByRole('button', { name: 'Cancel work order' }).click();
    await reason.waitFor();
    await reason.fill('The window is being replaced by the landlord');
    await item.getByRole('button', { name: 'Cancel work order' }).last().click();
    const confirm = item.getByRole('group', { name: 'Confirm' });
    // Who is emailed, as the server will: the requestor and the technician, each with the reason.
    expect(await confirm.locator('p').textContent()).toMatch(
      /^Cancel WO-2026-00103 for good\? This cannot be undone\. Emails the requestor, .+, that it is cancelled, with your reason; and Theo Tech \(theo\.tech@example\.com\), that it is cancelled, with your reason\.$/,
    );
    // Nothing is sent before the second, explicit yes.
    expect(wb.order('REQ-000103').status).toBe('On Hold');
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'review-cockpit-confirm-cancel.png'),
      fullPage: true,
    });
    await confirm.getByRole('button', { name: 'Yes, cancel work order' }).click();
    await idle(page);
    expect(wb.order('REQ-000103')).toMatchObject({
      status: 'Cancelled',
      reason: 'The window is being replaced by the landlord',
    });
    expect(await page.locator('#status').textContent()).toMatch(/^WO-2026-00103 cancelled\./);
  } finally {
    await page.close();
  }
});

test('the Return form says, before it is sent, that the technician and the requestor are emailed', async () => {
  const { page, errors } = await openSidebar();
  try {
    const item = page.locator('section[data-section="completed"] li.item[data-id="REQ-000104"]');
    await item.getByRole('button', { name: 'Return to technician' }).click();
    await item.getByLabel('Reason').waitFor();
    const notice = (await item.locator('form p.notice').textContent()) ?? '';
    expect(notice).toMatch(
      /^Emails Tina Tech \(tina\.tech@example\.com\), that it is sent back to them, with your reason; and the requestor, .+, that the work is not finished yet and will be, without your reason \(it is for the technician\)\.$/,
    );
    await item.getByRole('button', { name: 'Close form' }).click();
    expect(wb.order('REQ-000104').status).toBe('Completed');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('a card with a question out reads "waiting for requestor"', async () => {
  const item = itemIn(await viewFor(wb, SUPERVISOR), 'REQ-000101');
  const asked = await act(wb, SUPERVISOR, {
    action: 'clarify',
    ...target(item),
    question: 'Which radiator?',
  });
  expect(asked.reply.ok).toBe(true);
  const { page } = await openSidebar();
  try {
    const card = page.locator('section[data-section="submitted"] li.item[data-id="REQ-000101"]');
    expect(await card.locator('.waiting').textContent()).toBe('Waiting for requestor: “Which radiator?”');
  } finally {
    await page.close();
  }
});
