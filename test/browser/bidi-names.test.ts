/**
 * A requester's name is typed on the form by anyone: one ending in a right-to-left override (U+202E)
 * or written in Arabic must not turn the verified address shown after it, or the sentence around it,
 * backwards. Checked on what Chromium draws: each character of the address, and of the words after
 * the name, lies to the right of the one before it on its line. Review & assign's card and its form's
 * "who is emailed" line, and My work's card.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { REQUESTOR, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';

const OVERRIDE = 'Bob \u202E';
const ARABIC = 'محمد 2';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Door sticks', requesterName: OVERRIDE },
    { description: 'Tap drips', requesterName: ARABIC },
  ]);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), ids[0]!)),
    category: 'Carpentry',
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

async function open(file: string, user: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { errors } = watchPage(page);
  await page.goto(host.pageUrl(file, user, wb.ssId));
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
  expect(errors).toEqual([]);
  return page;
}

/**
 * The characters of `text`, found in the element `selector` names, that are drawn left of the one
 * before them on the same line (none when it reads left to right). Run in the page, hence a string.
 */
function backwards(page: Page, selector: string, text: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const box = (i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      const wrong = [];
      for (let i = at + 1; i < at + ${text.length}; i++) {
        const [before, here] = [box(i - 1), box(i)];
        if (Math.abs(before.top - here.top) < 2 && here.left < before.left) wrong.push(node.data.slice(i - 1, i + 1));
      }
      return wrong;
    }
    return ['not found: ' + ${JSON.stringify(text)}];
  })()`);
}

test('Review & assign: the requester line and the Cancel form say the address and the sentence forwards', async () => {
  const page = await open('ReviewSidebar', SUPERVISOR);
  try {
    for (const id of ids) {
      const card = `li.item[data-id="${id}"]`;
      expect(await backwards(page, `${card} dl.facts dd`, REQUESTOR)).toEqual([]);
    }
    const card = page.locator(`li.item[data-id="${ids[0]}"]`).first();
    await card.getByRole('button', { name: 'Cancel work order' }).click();
    // Work in hand is fetched before its form opens.
    await card.locator('form .notice').waitFor();
    const notice = `li.item[data-id="${ids[0]}"] form .notice`;
    expect(await backwards(page, notice, REQUESTOR)).toEqual([]);
    expect(await backwards(page, notice, 'that it is cancelled')).toEqual([]);
  } finally {
    await page.close();
  }
});

test("My work: the requester's address on the card reads forwards", async () => {
  const page = await open('MyWorkSidebar', TECH);
  try {
    expect(await backwards(page, `li.card[data-id="${ids[0]}"] dl.facts`, REQUESTOR)).toEqual([]);
  } finally {
    await page.close();
  }
});
