/**
 * Text contrast in the sidebars and the labels dialog, as Chromium draws them: every message a person
 * must read (an error, a refusal beside a form, a hint, a label's term, a badge) has at least WCAG's
 * 4.5:1 against what is behind it. Computed from the colours the page really shows.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { STRANGER, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Water is pouring through the ceiling', urgency: 'Emergency (safety risk)' },
    { description: 'Replace the broken door closer' },
  ]);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(itemIn(await viewFor(wb, SUPERVISOR), ids[1]!)),
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

async function open(file: string, user: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(host.pageUrl(file, user, wb.ssId));
  await idle(page);
  return page;
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

/**
 * The contrast of each shown element matching `selector` with text in it, against the first
 * background colour behind it (white when none is set). Run in the page, hence a string.
 */
function contrasts(page: Page, selector: string): Promise<Array<{ text: string; ratio: number }>> {
  return page.evaluate(`(() => {
    const sel = ${JSON.stringify(selector)};
    const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
    const lin = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    const backgroundOf = (node) => {
      for (let at = node; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        const colour = rgb(style.backgroundColor);
        if ((colour[3] ?? 1) > 0) return colour;
        // A gradient (a button's) counts as its lighter end: the worse one for light text.
        const stops = style.backgroundImage.match(/rgba?\\([^)]*\\)/g);
        if (stops) return stops.map(rgb).sort((a, b) => luminance(b) - luminance(a))[0];
      }
      return [255, 255, 255];
    };
    return Array.from(document.querySelectorAll(sel))
      .filter((e) => e.offsetParent !== null && (e.textContent || '').trim() !== '')
      .map((e) => {
        const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(backgroundOf(e))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        return { text: sel + ': ' + e.textContent.trim().slice(0, 30), ratio: Math.round(ratio * 100) / 100 };
      });
  })()`);
}

async function expectReadable(page: Page, selectors: string[]): Promise<void> {
  const found = (await Promise.all(selectors.map((s) => contrasts(page, s)))).flat();
  // Each selector was on screen, so none is passed by being absent.
  for (const selector of selectors) expect(found.some((f) => f.text.startsWith(`${selector}:`))).toBe(true);
  expect(found.filter((f) => f.ratio < 4.5)).toEqual([]);
}

test('Review & assign: a refusal beside a form, hints, terms and the emergency badge are readable', async () => {
  const page = await open('ReviewSidebar', SUPERVISOR);
  try {
    const item = page.locator(`li.item[data-id="${ids[0]}"]`).first();
    await item.getByRole('button', { name: 'Reject' }).click();
    await item.getByLabel('Reason').fill('Not ours to fix');
    await item.getByRole('button', { name: 'Reject' }).last().click();
    // The confirmation's red button, then the server failing.
    await expectReadable(page, ['button.danger']);
    await page.route('**/rpc', (route) => route.abort());
    await item.getByRole('button', { name: 'Yes, reject' }).click();
    await idle(page);
    await expectReadable(page, [
      '.form-error',
      '.hint',
      '.secondary',
      '.count',
      '.facts dt',
      '.badge.emergency',
      'button.action',
    ]);
  } finally {
    await page.close();
  }
});

test('Review & assign, My work and the labels dialog: the refusal someone not allowed sees is readable', async () => {
  for (const [file, user] of [
    ['ReviewSidebar', STRANGER],
    ['MyWorkSidebar', STRANGER],
    ['LabelsDialog', TECH],
  ] as const) {
    const page = await open(file, user);
    try {
      await expectReadable(page, ['#error']);
    } finally {
      await page.close();
    }
  }
});

test('My work: the reason a step is refused beside its form is readable', async () => {
  const page = await open('MyWorkSidebar', TECH);
  try {
    const card = page.locator(`li.card[data-id="${ids[1]}"]`);
    await card.getByRole('button', { name: 'Start work' }).click();
    await page.route('**/rpc', (route) => route.abort());
    await card.locator('form button[type=submit]').click();
    await idle(page);
    await expectReadable(page, ['.form-error', '.hint']);
  } finally {
    await page.close();
  }
});
