/**
 * The "Review & assign" sidebar as built into dist/ReviewSidebar.html, in headless Chromium,
 * 300 px wide like a Sheets sidebar, with its google.script.run calls served by the local runtime
 * (runtime/html-host). Screenshots of each step go to test-results/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { ADMIN, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';
import { POLL_INTERVAL_MS } from '../../src/shared/review-sections';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const XSS = '<img src=x onerror=alert(1)>';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Hallway light flickers on floor 2' },
    { description: XSS, requesterName: '<b>Mallory</b>', location: 'Annex' },
    { description: 'Paint the fence behind the car park' },
    { description: 'Replace the broken door closer' },
  ]);
  // The menu item a supervisor picks (it also warms the Settings/Staff cache, as in use).
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

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function openSidebar(user = SUPERVISOR): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { dialogs, errors } = watchPage(page);
  await page.goto(host.pageUrl('ReviewSidebar', user, wb.ssId));
  await idle(page);
  return { page, dialogs, errors };
}

/** No google.script.run call in flight and the page done with its reply. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

function card(page: Page, id: string) {
  return page.locator(`li.item[data-id="${id}"]`).first();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `review-sidebar-${name}.png`), fullPage: true });
}

const callsOf = (entry: string) => wb.rt.executions.filter((e) => e.entry === entry).length;

test('the page without its first data opens with one server call and shows user-written text as text', async () => {
  const before = wb.rt.executions.length;
  const loads = callsOf('reviewLoad');
  const { page, dialogs, errors } = await openSidebar();
  try {
    expect(callsOf('reviewLoad')).toBe(loads + 1);
    expect(wb.rt.executions.slice(before).map((e) => e.entry)).toEqual(['reviewLoad']);
    expect(await page.locator('#who').textContent()).toBe('Signed in as Sam Supervisor (Supervisor)');
    expect(await page.locator('section[data-section="submitted"] h2').textContent()).toBe('Needs review (4)');
    const xss = card(page, ids[1]!);
    expect(await xss.locator('.description').textContent()).toBe(XSS);
    expect(await xss.locator('dd').first().textContent()).toBe('<b>Mallory</b> <rita.requestor@example.com>');
    expect(await page.locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // 300 px wide, nothing overflowing sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    expect(await page.locator('#technician-list tr[data-email]').allTextContents()).toEqual([
      'Theo Tech0',
      'Tina Tech0',
    ]);
    await shot(page, '1-loaded');
  } finally {
    await page.close();
  }
});

test('approves and assigns from the keyboard; the list is redrawn from the reply', async () => {
  const { page } = await openSidebar();
  try {
    const item = card(page, ids[0]!);
    await item.getByRole('button', { name: 'Approve & assign' }).focus();
    await page.keyboard.press('Enter');
    const form = item.locator('form.action-form');
    await form.waitFor();
    // The first field has the focus: choose with the keyboard, then Tab to the button and press Enter.
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toMatch(/-category$/);
    await form.getByLabel('Category').selectOption('Electrical');
    await form.getByLabel('Priority').selectOption('P3 Routine');
    expect(await form.locator('.hint').first().textContent()).toMatch(/^Due .* if approved now/);
    await form.getByLabel('Technician').selectOption(TECH);
    await shot(page, '2-approve-assign-form');
    await form.getByLabel('Technician').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Approve & assign');
    await page.keyboard.press('Enter');
    await idle(page);
    const status = await page.locator('#status').textContent();
    expect(status).toMatch(
      new RegExp(`^${ids[0]} approved as WO-\\d{4}-00001, due .*, and assigned to Tina Tech\\. Emailed`),
    );
    expect(await page.evaluate('document.activeElement?.id')).toBe('status');
    expect(wb.order(ids[0]!)).toMatchObject({ status: 'Assigned', assignee: TECH, category: 'Electrical' });
    // It left Needs review for the technician's work in hand.
    expect(await page.locator(`section[data-section="submitted"] li.item[data-id="${ids[0]}"]`).count()).toBe(
      0,
    );
    expect(
      await page.locator(`section[data-section="working"] li.item[data-id="${ids[0]}"] .badge`).textContent(),
    ).toBe('Assigned');
    expect(await page.locator('section[data-section="submitted"] h2').textContent()).toBe('Needs review (3)');
    expect(await page.locator(`#technician-list tr[data-email="${TECH}"] td.number`).textContent()).toBe('1');
    await shot(page, '3-approved-assigned');
  } finally {
    await page.close();
  }
});

test('rejects with a reason after confirming; Escape closes a form and gives the focus back', async () => {
  const { page } = await openSidebar();
  try {
    const item = card(page, ids[2]!);
    await item.getByRole('button', { name: 'Reject' }).click();
    await item.locator('textarea').waitFor();
    await page.keyboard.press('Escape');
    expect(await item.locator('form').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Reject');

    await page.keyboard.press('Enter');
    const reason = item.getByLabel('Reason');
    await reason.waitFor();
    await reason.fill('The fence belongs to the neighbour');
    await shot(page, '4-reject-form');
    // Enter asks first: rejecting cannot be undone. "No, go back" leaves everything as it was.
    await reason.press('Enter');
    const confirm = item.getByRole('group', { name: 'Confirm' });
    expect(await confirm.locator('p').textContent()).toMatch(
      new RegExp(
        `^Reject ${ids[2]} for good\\? This cannot be undone\\. Emails the requestor, .+, that it is not approved, with your reason\\.$`,
      ),
    );
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Yes, reject');
    await confirm.getByRole('button', { name: 'No, go back' }).click();
    expect(wb.order(ids[2]!).status).toBe('Submitted');
    expect(await item.getByRole('button', { name: 'Close form' }).count()).toBe(1);
    await reason.press('Enter');
    await item.getByRole('button', { name: 'Yes, reject' }).click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toContain(`${ids[2]} rejected.`);
    expect(wb.order(ids[2]!)).toMatchObject({
      status: 'Rejected',
      reason: 'The fence belongs to the neighbour',
    });
    expect(await card(page, ids[2]!).count()).toBe(0);
    await shot(page, '5-rejected');
  } finally {
    await page.close();
  }
});

test('an order someone else changed meanwhile: a plain message and its card as it is now', async () => {
  const { page } = await openSidebar();
  try {
    // Another supervisor rejects the request while this sidebar still shows it.
    const other = itemIn(await viewFor(wb, ADMIN), ids[3]!);
    expect((await act(wb, ADMIN, { action: 'reject', ...target(other), reason: 'Duplicate' })).reply.ok).toBe(
      true,
    );

    const item = card(page, ids[3]!);
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    const form = item.locator('form.action-form');
    await form.getByLabel('Category').selectOption('Carpentry');
    await form.getByLabel('Priority').selectOption('P4 Scheduled');
    await form.getByRole('button', { name: 'Approve' }).click();
    await idle(page);
    // The card is redrawn as the order now is, with a plain message on it (an alert region).
    const notice = card(page, ids[3]!).locator('.card-notice');
    expect(await notice.textContent()).toBe(
      `Someone else changed ${ids[3]} after you opened it; it is now Rejected. Nothing was changed: its card now shows the latest, so check it and try again if still needed.`,
    );
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await card(page, ids[3]!).locator('.badge').first().textContent()).toBe('Rejected');
    expect(await card(page, ids[3]!).locator('form').count()).toBe(0);
    expect(wb.order(ids[3]!)).toMatchObject({ status: 'Rejected', woNumber: '' });
    await shot(page, '6-refused');

    await page.getByRole('button', { name: 'Reload' }).click();
    await idle(page);
    expect(await card(page, ids[3]!).count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('finds assigned work by its number and reassigns it', async () => {
  const { page } = await openSidebar();
  try {
    const woNumber = wb.order(ids[0]!).woNumber;
    await page.getByLabel('Search work orders').fill(woNumber);
    await page.keyboard.press('Enter');
    await idle(page);
    const found = page.locator('#found li.item');
    expect(await found.count()).toBe(1);
    expect(await found.locator('h3').textContent()).toBe(`${woNumber} · ${ids[0]}Assigned`);
    await found.getByRole('button', { name: 'Reassign' }).click();
    // Work in hand is fetched afresh before its form opens.
    const select = found.getByLabel('New technician');
    await select.waitFor();
    // The current assignee is not offered.
    expect(await select.locator('option').allTextContents()).toEqual(['Choose…', 'Theo Tech (0 open)']);
    await select.selectOption({ label: 'Theo Tech (0 open)' });
    await found.getByRole('button', { name: 'Reassign' }).last().click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toContain('reassigned from Tina Tech to Theo Tech');
    expect(wb.order(ids[0]!).assignee).toBe('theo.tech@example.com');
    await shot(page, '7-reassigned');
  } finally {
    await page.close();
  }
});

test('a technician who opens the page sees why they cannot use it', async () => {
  const { page } = await openSidebar(TECH);
  try {
    expect(await page.locator('#error').textContent()).toBe(
      `Only supervisors can review and assign work orders; ${TECH} is a Technician. If you should, ask an administrator to make you an active Supervisor on the Staff tab.`,
    );
    expect(await page.locator('li.item').count()).toBe(0);
    await shot(page, '8-technician-refused');
  } finally {
    await page.close();
  }
});

test('a shortened description can be read in full', async () => {
  const long = `${'The ceiling tile above desk 14 is stained and sagging. '.repeat(6)}Please check for a leak.`;
  const [id] = await submitRequests(wb, [{ description: long }]);
  const { page } = await openSidebar();
  try {
    const item = card(page, id!);
    const preview = (await item.locator('.description').textContent()) ?? '';
    expect(preview.length).toBeLessThanOrEqual(160);
    expect(preview.endsWith('…')).toBe(true);
    await item.getByRole('button', { name: 'Show full text' }).click();
    await idle(page);
    expect(await card(page, id!).locator('.description').textContent()).toBe(long);
    expect(await card(page, id!).getByRole('button', { name: 'Show full text' }).count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H3');
  } finally {
    await page.close();
  }
});

test('opened from the menu, it draws the queue it came with, makes no call, then polls, reloads and acts', async () => {
  expect((await wb.menu(SUPERVISOR, 'openReviewSidebar')).ok).toBe(true);
  const before = wb.rt.executions.length;
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { dialogs, errors } = watchPage(page);
  try {
    await page.clock.install();
    await page.goto(host.shownSidebarUrl(SUPERVISOR, wb.ssId));
    await idle(page);
    // Drawn from the page alone: no execution, no google.script.run call.
    expect(await page.evaluate('window.__gasCalls')).toEqual([]);
    expect(wb.rt.executions.length).toBe(before);
    expect(await page.locator('#who').textContent()).toBe('Signed in as Sam Supervisor (Supervisor)');
    const view = await viewFor(wb, SUPERVISOR);
    const submitted = view.sections.submitted;
    expect(await page.locator('section[data-section="submitted"] h2').textContent()).toBe(
      `Needs review (${submitted.total})`,
    );
    expect(await card(page, ids[1]!).locator('.description').textContent()).toBe(XSS);
    expect(await page.locator('img, b').count()).toBe(0);

    // It still refreshes itself: a new request shows up at the next poll.
    const [fresh] = await submitRequests(wb, [{ description: 'Water dripping in the stairwell' }]);
    await page.clock.runFor(POLL_INTERVAL_MS);
    await card(page, fresh!).waitFor();
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['reviewPoll', 'reviewLoad']);

    // Reload asks the server, and an action works on the queue it came with.
    await page.locator('#reload').click();
    await idle(page);
    const item = card(page, fresh!);
    await item.getByRole('button', { name: 'Reject' }).click();
    const reason = item.getByLabel('Reason');
    await reason.fill('Reported twice');
    await reason.press('Enter');
    await item.getByRole('button', { name: 'Yes, reject' }).click();
    await idle(page);
    expect(wb.order(fresh!).status).toBe('Rejected');
    expect(await page.evaluate('window.__gasCalls')).toEqual([
      'reviewPoll',
      'reviewLoad',
      'reviewLoad',
      'reviewAct',
    ]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
