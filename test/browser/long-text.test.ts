/**
 * A reason, question or note longer than the add-on keeps (2,000 characters in Review & assign, 5,000
 * in My work), pasted into a sidebar's text box: nothing is cut off unseen. The text stays whole in
 * the box and the form says how long it is and how much fits, before anything is sent.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { submitRequests } from '../features/review/helpers';
import { assignedOrders } from '../features/my-work/helpers';
import { MAX_REASON_LENGTH } from '../../src/shared/review-sections';
import { MAX_STEP_TEXT } from '../../src/shared/my-work-types';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let request: string;
let order: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  [request] = (await submitRequests(wb, [{ description: 'Paint the fence behind the car park' }])) as [
    string,
  ];
  [order] = (await assignedOrders(wb, [TECH])) as [string];
  host = new HtmlHost(wb.rt);
  await host.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await wb?.close();
});

async function open(file: string, user: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(host.pageUrl(file, user, wb.ssId));
  await idle(page);
  return page;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

/** `length` characters of words, as pasted from a long email. */
const words = (length: number): string =>
  'The gate post is rotten at its base. '.repeat(length).slice(0, length);

test('Review & assign: a reason too long stays whole, and the form says how much fits', async () => {
  const page = await open('ReviewSidebar', SUPERVISOR);
  const { errors } = watchPage(page);
  try {
    const item = page.locator(`li.item[data-id="${request}"]`).first();
    await item.getByRole('button', { name: 'Reject' }).click();
    const reason = item.getByLabel('Reason');
    const long = words(MAX_REASON_LENGTH + 500);
    await reason.fill(long);
    expect((await reason.inputValue()).length).toBe(long.length);
    await reason.press('Enter');
    // Not asked "for good?", nothing sent: the box says why.
    expect(await item.getByRole('button', { name: 'Yes, reject' }).count()).toBe(0);
    expect(
      await page.evaluate(
        `document.querySelector('li.item[data-id="${request}"] textarea').validationMessage`,
      ),
    ).toBe(`This is 2,500 characters; 2,000 at most are kept. Shorten it by 500.`);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['reviewLoad']);
    // Shortened, it goes.
    await reason.fill(long.slice(0, MAX_REASON_LENGTH));
    await reason.press('Enter');
    await item.getByRole('button', { name: 'Yes, reject' }).click();
    await idle(page);
    expect(wb.order(request)).toMatchObject({
      status: 'Rejected',
      reason: long.slice(0, MAX_REASON_LENGTH).trim(),
    });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('My work: a note too long stays whole, and the form says how much fits', async () => {
  const page = await open('MyWorkSidebar', TECH);
  try {
    const card = page.locator(`li.card[data-id="${order}"]`);
    await card.getByRole('button', { name: 'Add a note' }).click();
    const note = card.getByLabel('Progress note');
    const long = words(MAX_STEP_TEXT + 20);
    await note.fill(long);
    expect((await note.inputValue()).length).toBe(long.length);
    await card.locator('form button[type=submit]').click();
    expect(await card.locator('.form-error').textContent()).toBe(
      'Progress note: this is 5,020 characters; 5,000 at most are kept. Shorten it by 20.',
    );
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad']);
  } finally {
    await page.close();
  }
});
