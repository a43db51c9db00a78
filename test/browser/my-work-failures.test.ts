/**
 * My work when a call about a card's checklist, time and parts fails (an exception, a timeout, the
 * connection), walked as a technician does in Chromium: the reason is on the card they clicked, the
 * keyboard stays on what they used, and a second try works. Failures are made by aborting the page's
 * google.script.run requests for one function.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { assignedOrders } from '../features/my-work/helpers';
import { ELECTRICAL_CHECKLIST, typeChecklists } from '../features/checklists/helpers';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let id: string;
let theirs: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
  [id, theirs] = (await assignedOrders(wb, [TECH, TECH2])) as [string, string];
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

/** Makes every call of `fn` fail as a lost connection does, until the returned undo is called. */
async function failCallsOf(page: Page, fn: string): Promise<() => Promise<void>> {
  const pattern = '**/rpc';
  await page.route(pattern, (route) =>
    (JSON.parse(route.request().postData() ?? '{}') as { fn?: string }).fn === fn
      ? route.abort()
      : route.continue(),
  );
  return () => page.unroute(pattern);
}

const focused = (page: Page): Promise<string | null> =>
  page.evaluate(
    "document.activeElement === document.body ? 'body' : document.activeElement?.getAttribute('type') + ' ' + document.activeElement?.textContent",
  );

test('the checklist that fails to load, then a tick that fails: the reason on the card, the keyboard where it was', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  try {
    await page.goto(host.pageUrl('MyWorkSidebar', TECH, wb.ssId));
    await idle(page);
    const card = page.locator(`li.card[data-id="${id}"]`);
    const undo = await failCallsOf(page, 'myWorkRecord');
    await card.getByRole('button', { name: 'Checklist, time and parts' }).focus();
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await card.locator('.card-notice').count()).toBe(1);
    expect(await card.locator('.card-notice').textContent()).toMatch(/^Something went wrong on the server: /);
    expect(await card.locator('.card-notice').getAttribute('role')).toBe('alert');
    // Still on the button: Enter tries again.
    expect(await focused(page)).toBe('button Checklist, time and parts');

    await undo();
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await card.getByRole('checkbox').count()).toBe(3);
    expect(await card.locator('.card-notice').count()).toBe(0);

    const undoTick = await failCallsOf(page, 'myWorkRecord');
    await card.getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
    await idle(page);
    expect(await card.locator('.card-notice').textContent()).toMatch(/^Something went wrong on the server: /);
    // The box shows what is recorded (not ticked), and keeps the keyboard.
    expect(await card.getByRole('checkbox').first().isChecked()).toBe(false);
    expect(await focused(page)).toBe('checkbox ');
    await undoTick();
    await page.keyboard.press('Space');
    await idle(page);
    expect(await card.getByRole('checkbox').first().isChecked()).toBe(true);
    expect(await card.locator('.card-notice').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('the check on opening fails: the card says its details were not loaded, and a step checks again first', async () => {
  // The first opening from the menu: cards drawn from the review queue's summaries, to be read and checked.
  expect((await wb.menu(TECH2, 'openMyWork')).ok).toBe(true);
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  try {
    const undo = await failCallsOf(page, 'myWorkLoad');
    await page.goto(host.shownSidebarUrl(TECH2, wb.ssId));
    await idle(page);
    const card = page.locator(`li.card[data-id="${theirs}"]`);
    expect(await page.locator('#error').textContent()).toMatch(/^Something went wrong on the server: /);
    // Nothing is loading any more: the card says so, and what to do.
    expect(await card.locator('.hint').first().textContent()).toBe(
      'The notes and full details could not be loaded: press Reload, or a step to try again.',
    );
    expect(await page.locator('#who').textContent()).toBe('Theo Tech (Technician)');

    // A step on a card never checked checks it first, then opens its form on the card as it is.
    await undo();
    await card.getByRole('button', { name: 'Start work' }).click();
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad', 'myWorkLoad']);
    expect(await card.locator('.hint').first().textContent()).not.toMatch(/notes and/);
    expect(await page.locator('#error').textContent()).toBe('');
    await card.locator('form button[type=submit]').click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/started/);
    expect(wb.order(theirs).status).toBe('In Progress');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
