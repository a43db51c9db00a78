/**
 * My work's checklist, time and parts in headless Chromium (300 px, like a Sheets sidebar): the card
 * loads them when asked, a checkbox ticks an item from the keyboard (recorded and logged at once), a
 * bad hours value is refused on the page before any call, and a time entry lands on the Time tab.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { holdReplies, launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { assignedOrders } from '../features/my-work/helpers';
import { ELECTRICAL_CHECKLIST, typeChecklists } from '../features/checklists/helpers';
import { act as reviewAct, find, target } from '../features/review/helpers';

const SCREENSHOTS = path.resolve('test-results/screenshots');

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let id: string;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  wb = await setUpWorkbook();
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
  [id] = (await assignedOrders(wb, [TECH])) as [string];
  // The sidebar is opened from the menu first, as in Sheets.
  expect((await wb.menu(TECH, 'openMyWork')).ok).toBe(true);
  host = new HtmlHost(wb.rt);
  await host.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await wb?.close();
});

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

test('a technician ticks the checklist and records time from the card, by keyboard', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  try {
    await page.goto(host.pageUrl('MyWorkSidebar', TECH, wb.ssId));
    await idle(page);
    const card = page.locator(`li.card[data-id="${id}"]`);
    expect({
      errors,
      cards: await page.locator('li.card').count(),
      status: await page.locator('#status, #error').allTextContents(),
    }).toMatchObject({ errors: [], cards: 1 });
    await card.getByRole('button', { name: 'Checklist, time and parts' }).click();
    await idle(page);
    const boxes = card.getByRole('checkbox');
    expect(await card.locator('fieldset label').allTextContents()).toEqual([
      '1. Isolate the circuit (required)',
      '2. Test with a voltage tester (required)',
      '3. Photograph the finished work',
    ]);
    expect(await boxes.count()).toBe(3);
    // The first checkbox has the focus once loaded: Space ticks it.
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('checkbox');
    await page.keyboard.press('Space');
    await idle(page);
    expect(await page.locator('#status').textContent()).toBe('Ticked "Isolate the circuit".');
    expect(await card.getByRole('checkbox').first().isChecked()).toBe(true);
    const logged = wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Checklist item 1');
    expect(logged.map((e) => e.user)).toEqual([TECH]);

    // Hours beyond a day: refused on the page, no call made.
    await card.locator('summary').click();
    const before = wb.rt.executions.length;
    const form = card.locator('form[data-kind="time"]');
    await form.getByLabel('Hours').fill('30');
    await form.getByRole('button', { name: 'Add time' }).click();
    expect(await form.locator('.form-error').textContent()).toBe('Hours must be at most 24 in one entry.');
    expect(wb.rt.executions.length).toBe(before);
    await form.getByLabel('Hours').fill('1.5');
    await form.getByLabel('Note (optional)').fill('Traced the fault');
    await form.getByRole('button', { name: 'Add time' }).click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/^Recorded 1\.5 h on \d{4}-\d{2}-\d{2}\.$/);
    expect(
      wb
        .values('Time')
        .filter((r) => r[0] === id)
        .map((r) => [r[1], r[3], r[4]]),
    ).toEqual([[TECH, 1.5, 'Traced the fault']]);
    expect(await card.locator('ul.recorded li').allTextContents()).toEqual([
      expect.stringMatching(/ · 1\.5 h · tina\.tech@example\.com · Traced the fault$/),
    ]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'my-work-records.png'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('clicked while the page checks its cards, the checklist, time and parts load once the check is done', async () => {
  // Opened from the menu again: the remembered card is drawn at once, then checked by the server.
  expect((await wb.menu(TECH, 'openMyWork')).ok).toBe(true);
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  const release = await holdReplies(page);
  try {
    await page.goto(host.shownSidebarUrl(TECH, wb.ssId));
    const card = page.locator(`li.card[data-id="${id}"]`);
    await card.getByRole('button', { name: 'Checklist, time and parts' }).click();
    // Not lost: the page says it comes next, and asks for nothing before the check has answered.
    expect(await page.locator('#status').textContent()).toMatch(
      /^(Checking for changes|Loading details)… Your click runs next\.$/,
    );
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad']);
    release();
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad', 'myWorkRecord']);
    expect(await card.getByRole('checkbox').count()).toBe(3);
    expect(await page.locator('#status, #error').allTextContents()).toEqual(['', '']);
    expect(errors).toEqual([]);
  } finally {
    release();
    await page.close();
  }
});

/** The element with the keyboard focus, as a person would name it: its label or its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing';
    const label = active.id ? document.querySelector('label[for="' + CSS.escape(active.id) + '"]') : null;
    return active.tagName.toLowerCase() + ': ' + (label ?? active).textContent.trim();
  })()`);
}

/** Whether the card's "Record time or parts" section is open. */
function recordFormsOpen(card: Locator): Promise<boolean> {
  return card
    .locator('details.record-forms')
    .evaluate((details) => (details as unknown as { open: boolean }).open);
}

test('the keyboard stays where the technician was, and a refused entry keeps what was typed', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  try {
    await page.goto(host.pageUrl('MyWorkSidebar', TECH, wb.ssId));
    await idle(page);
    const card = page.locator(`li.card[data-id="${id}"]`);
    await card.getByRole('button', { name: 'Checklist, time and parts' }).click();
    await idle(page);

    // Ticking the second item by keyboard: the focus stays on it, so Tab goes on to the third.
    await card.getByRole('checkbox').nth(1).focus();
    await page.keyboard.press('Space');
    await idle(page);
    expect(await page.locator('#status').textContent()).toBe('Ticked "Test with a voltage tester".');
    expect(await focused(page)).toBe(
      'input: 2. Test with a voltage tester (required) — tina.tech@example.com',
    );

    // Time recorded: the section stays open, emptied, with the keyboard in Hours for the next entry.
    await card.locator('summary').click();
    const time = card.locator('form[data-kind="time"]');
    await time.getByLabel('Hours').fill('2');
    await time.getByLabel('Hours').press('Enter');
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/^Recorded 2 h on /);
    expect({
      open: await recordFormsOpen(card),
      hours: await time.getByLabel('Hours').inputValue(),
      focus: await focused(page),
    }).toEqual({ open: true, hours: '', focus: 'input: Hours' });

    // Meanwhile the supervisor hands the order to another technician: the part is refused, and the
    // form keeps what was typed, with the reason beside it.
    // (Work in hand is listed without its revision: the sidebar fetches it first, as here.)
    const found = (await find(wb, SUPERVISOR, id)).reply;
    if (!found.ok) throw new Error(found.message);
    const { reply } = await reviewAct(wb, SUPERVISOR, {
      action: 'reassign',
      ...target(found.item),
      assignee: TECH2,
    });
    expect(reply).toMatchObject({ ok: true });
    const part = card.locator('form[data-kind="part"]');
    await part.getByLabel('Part').fill('Cable gland');
    await part.getByLabel('Quantity').fill('2');
    await part.getByLabel('Unit cost').fill('3.20');
    await part.getByRole('button', { name: 'Add part' }).click();
    await idle(page);
    expect({
      formError: await part.locator('.form-error').textContent(),
      typed: [
        await part.getByLabel('Part').inputValue(),
        await part.getByLabel('Quantity').inputValue(),
        await part.getByLabel('Unit cost').inputValue(),
      ],
      open: await recordFormsOpen(card),
    }).toEqual({
      formError: expect.stringMatching(
        / is assigned to Theo Tech, not to you, and nothing was changed\. Reload to see your current work; if you did work on it, tell Theo Tech or a supervisor\.$/,
      ),
      typed: ['Cable gland', '2', '3.20'],
      open: true,
    });
    expect(wb.values('Parts Used').filter((r) => r[0] === id)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
