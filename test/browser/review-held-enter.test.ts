/**
 * Enter in a form's text box sends it, and rejecting and cancelling ask "for good?" first. A supervisor
 * who holds Enter a moment too long in the reason box (the key repeats) must be asked, not answered
 * for: the repeats neither press "Yes, …" nor send anything; a fresh press does. And the Enter that
 * ends a word being composed (Japanese, Chinese, Korean input) only ends the word.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { submitRequests } from '../features/review/helpers';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let id: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  [id] = (await submitRequests(wb, [{ description: 'Paint the fence behind the car park' }])) as [string];
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

test('Enter held down in the reason box asks "for good?" and does not answer it', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  try {
    await page.goto(host.pageUrl('ReviewSidebar', SUPERVISOR, wb.ssId));
    await idle(page);
    const item = page.locator(`li.item[data-id="${id}"]`).first();
    await item.getByRole('button', { name: 'Reject' }).click();
    await item.getByLabel('Reason').fill('The fence belongs to the neighbour');
    // Pressed, then held: the browser repeats the key while it is down.
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['reviewLoad']);
    expect(wb.order(id).status).toBe('Submitted');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Yes, reject');

    // A fresh press is the answer.
    await page.keyboard.press('Enter');
    await idle(page);
    expect(wb.order(id).status).toBe('Rejected');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the Enter that ends a word being composed is the input method's, not a send", async () => {
  const [other] = (await submitRequests(wb, [{ description: 'Replace the broken door closer' }])) as [string];
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  try {
    await page.goto(host.pageUrl('ReviewSidebar', SUPERVISOR, wb.ssId));
    await idle(page);
    const item = page.locator(`li.item[data-id="${other}"]`).first();
    await item.getByRole('button', { name: 'Ask requestor' }).click();
    const question = item.locator('textarea');
    await question.fill('どの階ですか');
    // The keydown a browser sends while an input method composes (isComposing, key code 229).
    const taken = await page.evaluate(`(() => {
      const box = document.querySelector('li.item[data-id="${other}"] textarea');
      return !box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
    })()`);
    // Nothing took the key from the input method (its default was not prevented).
    expect(taken).toBe(false);
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['reviewLoad']);
    expect(await question.inputValue()).toBe('どの階ですか');
    await question.press('Enter');
    await idle(page);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['reviewLoad', 'reviewAct']);
  } finally {
    await page.close();
  }
});
