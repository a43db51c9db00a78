/**
 * The request labels dialog as built into dist/LabelsDialog.html, in headless Chromium, its
 * google.script.run calls served by the local runtime: one card per active asset and location, each
 * with an SVG QR code that is exactly the code qrcode-generator makes of that label's pre-filled link
 * (regenerated here from the URL), text shown as text, and a print stylesheet that hides the toolbar
 * and lays the labels three across.
 */
import fs from 'node:fs';
import path from 'node:path';
import qrcode from 'qrcode-generator';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SHEET_NAMES } from '../../src/core/model';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../support/workbook';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const XSS = '<img src=x onerror=alert(1)>';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  wb = await setUpWorkbook();
  const paste = await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
    ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ['AHU-2', XSS, 'Annex', 'HVAC', '', ''],
  ]);
  paste.executions.forEach(expectOk);
  host = new HtmlHost(wb.rt);
  await host.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await wb?.close();
});

async function open(user = ADMIN): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  const { dialogs, errors } = watchPage(page);
  await page.goto(host.pageUrl('LabelsDialog', user, wb.ssId));
  await page.waitForFunction(
    "window.__gasPending === 0 && document.getElementById('sheet').getAttribute('aria-busy') === 'false'",
  );
  return { page, dialogs, errors };
}

/** The `d` of the SVG's path: every dark module of the code. */
function pathOf(svg: string): string {
  return /<path[^>]*\sd="([^"]+)"/.exec(svg)?.[1] ?? '';
}

function expectedSvg(url: string): { svg: string; modules: number } {
  const code = qrcode(0, 'M');
  code.addData(url, 'Byte');
  code.make();
  return {
    svg: code.createSvgTag({ cellSize: 4, margin: 2, scalable: true }),
    modules: code.getModuleCount(),
  };
}

test('draws one label per active asset and location, each QR code encoding its own pre-filled link', async () => {
  const { page, dialogs, errors } = await open();
  // Evaluated in the page (the test's own TypeScript has no DOM types).
  const cards = (await page.evaluate(`[...document.querySelectorAll('.label')].map((n) => ({
    kind: n.dataset.kind,
    url: n.dataset.url || '',
    modules: Number(n.querySelector('.qr').dataset.modules || '0'),
    svg: n.querySelector('.qr').innerHTML,
    rects: n.querySelectorAll('.qr svg').length,
    title: n.querySelector('.title').textContent,
  }))`)) as { kind: string; url: string; modules: number; svg: string; rects: number; title: string }[];
  expect(cards.map((c) => c.kind)).toEqual([
    'asset',
    'asset',
    'location',
    'location',
    'location',
    'location',
    'location',
  ]);
  const urls = new Set(cards.map((c) => c.url));
  expect(urls.size).toBe(cards.length);
  for (const card of cards) {
    expect(card.url).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform\?usp=pp_url&entry\.\d+=/,
    );
    expect(card.rects).toBe(1);
    const expected = expectedSvg(card.url);
    expect(card.modules).toBe(expected.modules);
    // The dark modules the page drew are the ones the library makes of that URL: the code encodes it.
    expect(pathOf(card.svg)).toBe(pathOf(expected.svg));
    expect(pathOf(card.svg).length).toBeGreaterThan(100);
  }
  // An asset's name is shown as text, never run as markup.
  expect(cards[1]!.title).toBe(XSS);
  expect(await page.$('.label img')).toBeNull();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'labels-dialog.png'), fullPage: true });
  await page.close();
});

test('prints three labels across, without the toolbar; the filter shows assets or locations only', async () => {
  const { page } = await open();
  await page.selectOption('#show', 'asset');
  expect(await page.$$eval('.label:not([hidden])', (n) => n.length)).toBe(2);
  await page.selectOption('#show', 'all');
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(`({
    toolbar: getComputedStyle(document.querySelector('header')).display,
    columns: getComputedStyle(document.getElementById('sheet')).gridTemplateColumns.split(' ').length,
    breakInside: getComputedStyle(document.querySelector('.label')).breakInside,
  })`);
  expect(layout).toEqual({ toolbar: 'none', columns: 3, breakInside: 'avoid' });
  await page.close();
});

test('someone who is not an administrator sees the refusal, and no labels', async () => {
  const { page } = await open(SUPERVISOR);
  // What to do next: whom to ask.
  expect(await page.textContent('#error')).toBe(
    `Only an active Administrator on the Staff tab can print request labels. You are signed in as ${SUPERVISOR}. If it should be done, ask an administrator (${ADMIN}) to do it, or to make you an active Administrator on the Staff tab.`,
  );
  expect(await page.$$('.label')).toHaveLength(0);
  await page.close();
});

test('a long asset name wraps inside its own label, on screen and on paper, never over the next one', async () => {
  const name = `Boiler_feed_pump_${'north_wing_'.repeat(10)}basement`;
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 4, 1, [['PUMP-02', name, 'Annex', 'Plumbing', '', 'TRUE']])
  ).executions.forEach(expectOk);
  const { page } = await open();
  // The names of the labels whose content is wider than the label.
  const widths = `[...document.querySelectorAll('.label')].filter((n) => n.scrollWidth > n.clientWidth).map((n) => n.querySelector('.title').textContent)`;
  expect(await page.textContent('.label[data-kind="asset"]:nth-child(3) .title')).toBe(name);
  expect(await page.evaluate(widths)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(widths)).toEqual([]);
  await page.close();
});
