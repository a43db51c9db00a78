/**
 * Review & assign when the server call fails (an exception, a timeout, the connection) or the order
 * changed meanwhile, walked as a supervisor does in Chromium: where the message appears, where the
 * keyboard is, what was typed, and that a second try works. Failures are made by aborting the page's
 * google.script.run requests for one function.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { ADMIN, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';

const LONG = `${'The ceiling tile above desk 14 is stained and sagging. '.repeat(6)}Please check for a leak.`;

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Paint the fence behind the car park' },
    { description: LONG },
    { description: 'Replace the broken door closer' },
    { description: 'The stairwell light is out' },
  ]);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), ids[2]!)),
    category: 'Electrical',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  if (!reply.ok) throw new Error(reply.message);
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
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  await page.goto(host.pageUrl('ReviewSidebar', SUPERVISOR, wb.ssId));
  await idle(page);
  return { page, errors };
}

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

const card = (page: Page, id: string) => page.locator(`li.item[data-id="${id}"]`).first();
/** Where the keyboard is: "<the card's id> <the element's text>", or "body" when it is nowhere. */
const focused = (page: Page): Promise<string | null> =>
  page.evaluate(
    "document.activeElement === document.body ? 'body' : (document.activeElement?.closest('li.item')?.dataset.id ?? '') + ' ' + document.activeElement?.textContent",
  );

test('a Reject that fails after "for good?" leaves the keyboard on the form with the reason kept, and a second try works', async () => {
  const { page, errors } = await openSidebar();
  try {
    const item = card(page, ids[0]!);
    await item.getByRole('button', { name: 'Reject' }).click();
    const reason = item.getByLabel('Reason');
    await reason.fill('The fence belongs to the neighbour');
    await reason.press('Enter');
    expect(await focused(page)).toBe(`${ids[0]} Yes, reject`);
    const undo = await failCallsOf(page, 'reviewAct');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await item.locator('.form-error').textContent()).toMatch(/^Something went wrong on the server: /);
    // The confirmation went with the failure: the keyboard is on the form's own button, not lost.
    expect(await focused(page)).toBe(`${ids[0]} Reject`);
    expect(await reason.inputValue()).toBe('The fence belongs to the neighbour');
    expect(wb.order(ids[0]!).status).toBe('Submitted');

    await undo();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe(`${ids[0]} Yes, reject`);
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await page.locator('#status').textContent()).toContain(`${ids[0]} rejected.`);
    expect(wb.order(ids[0]!).status).toBe('Rejected');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('"Show full text" that fails says so on its card, where the supervisor is looking', async () => {
  const { page } = await openSidebar();
  try {
    const item = card(page, ids[1]!);
    const undo = await failCallsOf(page, 'reviewFind');
    await item.getByRole('button', { name: 'Show full text' }).click();
    await idle(page);
    const notice = card(page, ids[1]!).locator('.card-notice');
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toMatch(/^Something went wrong on the server: .* try once more/);
    expect(await focused(page)).toMatch(new RegExp(`^${ids[1]} Something went wrong`));

    await undo();
    await card(page, ids[1]!).getByRole('button', { name: 'Show full text' }).click();
    await idle(page);
    expect(await card(page, ids[1]!).locator('.description').textContent()).toBe(LONG);
    // The failure it reported is over: its message goes.
    expect(await card(page, ids[1]!).locator('.card-notice').count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('a failure shown on a card goes when the supervisor reloads the lists', async () => {
  const { page } = await openSidebar();
  try {
    const undo = await failCallsOf(page, 'reviewFind');
    await card(page, ids[1]!).getByRole('button', { name: 'Show full text' }).click();
    await idle(page);
    expect(await card(page, ids[1]!).locator('.card-notice').count()).toBe(1);
    await undo();
    await page.getByRole('button', { name: 'Reload' }).click();
    await idle(page);
    // Everything shown is as loaded now: a message about an earlier call would no longer be true.
    expect(await card(page, ids[1]!).locator('.card-notice').count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('Reassign on work in hand, whose fetch fails, says so on its card and opens no form', async () => {
  const { page } = await openSidebar();
  try {
    const item = page.locator(`section[data-section="working"] li.item[data-id="${ids[2]}"]`);
    const undo = await failCallsOf(page, 'reviewFind');
    await item.getByRole('button', { name: 'Reassign' }).click();
    await idle(page);
    expect(await item.locator('.card-notice').count()).toBe(1);
    expect(await item.locator('.card-notice').textContent()).toMatch(/^Something went wrong on the server: /);
    expect(await item.locator('form').count()).toBe(0);

    await undo();
    await item.getByRole('button', { name: 'Reassign' }).click();
    await idle(page);
    await item.getByLabel('New technician').waitFor();
    expect(await item.locator('.card-notice').count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('a Cancel refused because the order changed meanwhile keeps the reason typed, on the order as it is now', async () => {
  const approved = await act(wb, SUPERVISOR, {
    action: 'approve',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), ids[3]!)),
    category: 'Electrical',
    priority: 'P3 Routine',
  });
  expect(approved.reply.ok).toBe(true);
  const { page, errors } = await openSidebar();
  try {
    // Another supervisor raises its priority while this sidebar shows it.
    const other = itemIn(await viewFor(wb, ADMIN), ids[3]!);
    const raised = await act(wb, ADMIN, {
      action: 'reprioritize',
      ...target(other),
      priority: 'P2 Urgent',
      reason: 'The stairwell is the fire exit',
    });
    expect(raised.reply.ok).toBe(true);

    const item = page.locator(`section[data-section="approved"] li.item[data-id="${ids[3]}"]`);
    await item.getByRole('button', { name: 'Cancel work order' }).click();
    const reason = 'A duplicate of the request the caretaker made yesterday, already in hand';
    await item.getByLabel('Reason').fill(reason);
    await item.getByLabel('Reason').press('Enter');
    await item.getByRole('button', { name: 'Yes, cancel work order' }).click();
    await idle(page);
    expect(await item.locator('.card-notice').count()).toBe(1);
    expect(await item.locator('.card-notice').textContent()).toMatch(
      /after you opened it; it is now Approved\. Nothing was changed/,
    );
    expect(await item.locator('dl.facts').textContent()).toContain('P2 Urgent');
    // Still to be cancelled: the form is there again with what was typed, asking again before it is sent.
    expect(await item.getByLabel('Reason').count()).toBe(1);
    expect(await item.getByLabel('Reason').inputValue()).toBe(reason);
    expect(await item.getByRole('button', { name: 'Yes, cancel work order' }).count()).toBe(0);
    expect(wb.order(ids[3]!).status).toBe('Approved');

    await item.getByLabel('Reason').press('Enter');
    await item.getByRole('button', { name: 'Yes, cancel work order' }).click();
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/ cancelled\./);
    expect(wb.order(ids[3]!)).toMatchObject({ status: 'Cancelled', reason });
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
