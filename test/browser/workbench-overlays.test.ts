/**
 * What the add-on puts on a person's screen in the workbench, shown as Sheets shows it: a dialog as
 * wide as it asked (the administrator's *Print request labels*, wider than an alert, sits whole inside
 * its box, Print on screen, in a narrower window too), and each toast once, however the page's polls
 * for news overlap.
 */
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { launchChromium, watchPage } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';

jest.setTimeout(90_000);

let workbench: Workbench;
let browser: Browser;

beforeAll(async () => {
  workbench = await startWorkbench({ port: 0, statePath: null, seed: 'workbook' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

/** The dialog's box and its page's frame, as drawn (CSS pixels). */
async function boxes(page: Page) {
  const box = await page.locator('.modal.dialog').boundingBox();
  const frame = await page.locator('.modal.dialog iframe').boundingBox();
  if (!box || !frame) throw new Error('no dialog on screen');
  return { box, frame };
}

test.each([
  ['a desktop window', 1440, 900],
  ['a small laptop window', 900, 700],
])('the labels dialog fits its box in %s', async (_, width, height) => {
  const page = await browser.newPage({ viewport: { width, height } });
  const { errors } = watchPage(page);
  try {
    const wb = new WorkbenchPage(page, workbench);
    await wb.open(DEMO.admin.email, 'sheet');
    await wb.menu('Print request labels');
    const dialog = page.frameLocator('.modal.dialog iframe');
    await dialog.getByRole('button', { name: 'Print' }).waitFor();
    const { box, frame } = await boxes(page);
    expect({
      frameInsideBox: frame.x >= box.x && frame.x + frame.width <= box.x + box.width,
      boxOnScreen: box.x >= 0 && box.x + box.width <= width,
    }).toEqual({ frameInsideBox: true, boxOnScreen: true });
    expect(await dialog.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('a toast is shown once, even when the polls for it overlap', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const { errors } = watchPage(page);
  try {
    // A slow link: each ask for news takes longer than the page waits between asks, so the timer's
    // polls and the one after the menu item are under way at once.
    await page.route('**/wb/api/events*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await route.continue();
    });
    const asks = { started: 0, answered: 0 };
    const isAsk = (url: string) => url.includes('/wb/api/events');
    page.on('request', (r) => void (isAsk(r.url()) && asks.started++));
    const answered = (r: { url(): string }) => void (isAsk(r.url()) && asks.answered++);
    page.on('requestfinished', answered);
    page.on('requestfailed', answered);
    const wb = new WorkbenchPage(page, workbench);
    await wb.open(DEMO.admin.email, 'sheet');
    // Every toast drawn is counted (each goes away by itself after a few seconds).
    await page.evaluate(`(() => {
      window.__toasts = [];
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes) window.__toasts.push(node.textContent);
      }).observe(document.querySelector('.toasts'), { childList: true });
    })()`);
    await wb.menu('Build reports');
    await page.locator('.toast', { hasText: 'rebuilt from' }).first().waitFor();
    // Every ask under way when it appeared, and the next one, has been answered and drawn.
    const until = asks.started + 1;
    while (asks.answered < until) await page.waitForEvent('requestfinished');
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
    const toasts = (await page.evaluate('window.__toasts')) as string[];
    expect(toasts.filter((t) => t.includes('rebuilt from'))).toHaveLength(1);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
