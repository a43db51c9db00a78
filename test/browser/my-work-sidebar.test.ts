/**
 * The "My work" sidebar as built into dist/MyWorkSidebar.html, in headless Chromium, 300 px wide like a
 * Sheets sidebar, its google.script.run calls served by the local runtime (runtime/html-host): a
 * technician starts, holds, resumes and completes an order from the keyboard. Screenshots go to
 * test-results/screenshots/; `WB_UPDATE_DOCS=1` also retakes the README's picture.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { holdReplies, launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const DOCS = path.resolve('docs/screenshots');
const XSS = '<img src=x onerror=alert(1)>';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  wb = await setUpWorkbook();
  ids = await submitRequests(wb, [
    { description: 'Hallway light flickers on floor 2', resources: 'Ladder, 2 tubes' },
    { description: XSS, location: 'Annex' },
    { description: 'Radiator in room 12 is cold', location: 'Main Building' },
    { description: 'Theo’s job: repaint the door', location: 'Annex' },
  ]);
  const view = await viewFor(wb, SUPERVISOR);
  const plan: Array<[string, string, string]> = [
    [ids[0]!, 'P2 Urgent', TECH],
    [ids[1]!, 'P4 Scheduled', TECH],
    [ids[2]!, 'P1 Emergency', TECH],
    [ids[3]!, 'P3 Routine', TECH2],
  ];
  for (const [id, priority, assignee] of plan) {
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(itemIn(view, id)),
      category: 'Electrical',
      priority,
      assignee,
    });
    if (!reply.ok) throw new Error(reply.message);
  }
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

async function openSidebar(user = TECH): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { dialogs, errors } = watchPage(page);
  await page.goto(host.pageUrl('MyWorkSidebar', user, wb.ssId));
  await idle(page);
  return { page, dialogs, errors };
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

function card(page: Page, id: string) {
  return page.locator(`li.card[data-id="${id}"]`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `my-work-${name}.png`), fullPage: true });
}

test('the page without its first data opens with one server call: the technician’s own orders, most pressing first, text shown as text', async () => {
  const before = wb.rt.executions.length;
  const { page, dialogs, errors } = await openSidebar();
  try {
    expect(wb.rt.executions.slice(before).map((e) => e.entry)).toEqual(['myWorkLoad']);
    expect(await page.locator('#who').textContent()).toBe('Tina Tech (Technician)');
    expect(await page.locator('section h2').first().textContent()).toBe('Open work(3)');
    // The P1 order is due today (due soon), so first; then P2 before P4.
    expect(
      await page.locator('li.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
    ).toEqual([ids[2], ids[0], ids[1]]);
    expect(await card(page, ids[1]!).locator('.description').textContent()).toBe(XSS);
    expect(await page.locator('img').count()).toBe(0);
    const first = card(page, ids[0]!);
    expect(await first.locator('dd').allTextContents()).toEqual(
      expect.arrayContaining(['Main Building', 'P2 Urgent', 'Ladder, 2 tubes']),
    );
    expect(await first.getByRole('button').allTextContents()).toEqual([
      'Checklist, time and parts',
      'Start work',
      'Add a note',
    ]);
    expect(await card(page, ids[3]!).count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await shot(page, '1-loaded');
  } finally {
    await page.close();
  }
});

test('start, hold with a reason, resume and complete, all from the keyboard', async () => {
  const { page } = await openSidebar();
  try {
    const item = card(page, ids[0]!);
    await item.getByRole('button', { name: 'Start work' }).focus();
    await page.keyboard.press('Enter');
    await item.locator('form').waitFor();
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('note');
    await page.keyboard.press('Escape');
    expect(await item.locator('form').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Start work');

    await page.keyboard.press('Enter');
    await page.keyboard.type('On my way with the ladder');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Start work');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await page.locator('#status').textContent()).toMatch(/started: it is In Progress\.$/);
    expect(await page.evaluate('document.activeElement?.id')).toBe('status');
    expect(wb.order(ids[0]!).status).toBe('In Progress');
    expect(wb.order(ids[0]!).notes).toMatch(/On my way with the ladder$/);

    // Hold: the reason is required before anything is sent.
    await item.getByRole('button', { name: 'Put on hold' }).click();
    await item.getByRole('button', { name: 'Put on hold' }).last().click();
    expect(await item.getByRole('alert').textContent()).toMatch(/please fill this in/);
    expect(wb.order(ids[0]!).status).toBe('In Progress');
    await item.getByLabel('Why is it on hold?').fill('Waiting for replacement tubes');
    await shot(page, '2-hold-form');
    await item.getByRole('button', { name: 'Put on hold' }).last().click();
    await idle(page);
    expect(wb.order(ids[0]!)).toMatchObject({ status: 'On Hold', reason: 'Waiting for replacement tubes' });
    expect(await item.locator('dd').allTextContents()).toContain('Waiting for replacement tubes');

    await item.getByRole('button', { name: 'Resume' }).click();
    await item.getByRole('button', { name: 'Resume' }).last().click();
    await idle(page);
    await item.getByRole('button', { name: 'Complete' }).click();
    await item.getByLabel('Results').fill('All lights work');
    await item.getByLabel('Actions taken').fill('Replaced two tubes and the starter');
    await item.getByRole('button', { name: 'Complete' }).last().click();
    await idle(page);
    expect(wb.order(ids[0]!)).toMatchObject({ status: 'Completed', results: 'All lights work' });
    expect(await page.locator('section h2').nth(1).textContent()).toBe('Completed, awaiting close(1)');
    expect(await page.locator('section').nth(1).locator(`li.card[data-id="${ids[0]}"]`).count()).toBe(1);
    await shot(page, '3-completed');
  } finally {
    await page.close();
  }
});

test('a stale card is refused in plain words beside its form, with what was typed kept', async () => {
  const { page } = await openSidebar();
  try {
    // The technician starts the order from their phone while this sidebar still shows it Assigned.
    const item = card(page, ids[1]!);
    await item.getByRole('button', { name: 'Add a note' }).click();
    await item.getByLabel('Progress note').fill('Checked the annex wiring');
    const elsewhere = await wb.call(TECH, 'myWorkAct', {
      action: 'start',
      id: ids[1],
      revision: wb.order(ids[1]!).revision,
    });
    expect(elsewhere.value).toMatchObject({ ok: true });
    await item.getByRole('button', { name: 'Add a note' }).last().click();
    await idle(page);
    expect(await item.getByRole('alert').textContent()).toMatch(/changed since you opened My work.*Reload/);
    expect(await item.getByLabel('Progress note').inputValue()).toBe('Checked the annex wiring');
    if (process.env.WB_UPDATE_DOCS === '1') {
      await page.locator('#reload').click();
      await idle(page);
      await page.setViewportSize({ width: 300, height: 760 });
      await page.screenshot({ path: path.join(DOCS, 'technician-my-work.png') });
    }
  } finally {
    await page.close();
  }
});

test('opened from the menu the first time, it draws the cards it came with, then loads their details', async () => {
  expect((await wb.menu(TECH2, 'openMyWork')).ok).toBe(true);
  const before = wb.rt.executions.length;
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { dialogs, errors } = watchPage(page);
  // The details' reply is held back until the test lets it through.
  const release = await holdReplies(page);
  try {
    await page.goto(host.shownSidebarUrl(TECH2, wb.ssId));
    // Drawn from the page alone (the review queue's summaries), before the server answers anything.
    expect(await page.locator('#who').textContent()).toBe('Theo Tech (Technician)');
    expect(await page.locator('li.card').evaluateAll((els) => els.map((e) => e.dataset.id))).toEqual([
      ids[3],
    ]);
    expect(await card(page, ids[3]!).locator('.hint').first().textContent()).toBe(
      'Loading notes and the full details…',
    );
    expect(await page.locator('#status').textContent()).toBe('Loading details…');
    // A step clicked while the details load waits for them: no form on the summary, the click kept.
    await card(page, ids[3]!).getByRole('button', { name: 'Start work' }).click();
    expect(await card(page, ids[3]!).locator('form').count()).toBe(0);
    expect(await page.locator('#status').textContent()).toBe('Loading details… Your click runs next.');
    release();
    await idle(page);
    // One call: the rows read and checked, the card whole; then the step's form, on the checked card.
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad']);
    expect(wb.rt.executions.length).toBe(before + 1);
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await card(page, ids[3]!).getByText('Loading notes and the full details…').count()).toBe(0);
    expect(await card(page, ids[3]!).locator('form').count()).toBe(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    release();
    await page.close();
  }
});

test('opened again, it draws the remembered cards at once and checks them before any step', async () => {
  expect((await wb.menu(TECH, 'openMyWork')).ok).toBe(true);
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const { dialogs, errors } = watchPage(page);
  // The check's reply is held back until the test lets it through.
  const release = await holdReplies(page);
  try {
    await page.goto(host.shownSidebarUrl(TECH, wb.ssId));
    const shown = () => page.locator('li.card').evaluateAll((els) => els.map((e) => e.dataset.id));
    // Drawn before the server has answered anything.
    expect(await shown()).toEqual([ids[2], ids[1], ids[0]]);
    expect(await card(page, ids[1]!).locator('.description').textContent()).toBe(XSS);
    // Remembered cards, and the queue's summary of any order a step changed since they were.
    expect(await page.locator('#status').textContent()).toMatch(/^(Checking for changes|Loading details)…$/);
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad']);
    // A step clicked while the cards are being checked opens once they are (no form before).
    await card(page, ids[2]!).getByRole('button', { name: 'Start work' }).click();
    expect(await card(page, ids[2]!).locator('form').count()).toBe(0);
    release();
    await idle(page);
    expect(await page.locator('#status').textContent()).toBe('');

    // Checked: the step's form is open; confirmed, it goes to the server and its reply redraws the card.
    const item = card(page, ids[2]!);
    expect(await item.locator('form').count()).toBe(1);
    await item.getByRole('button', { name: 'Start work' }).last().click();
    await idle(page);
    expect(wb.order(ids[2]!).status).toBe('In Progress');
    expect(await page.evaluate('window.__gasCalls')).toEqual(['myWorkLoad', 'myWorkAct']);
    expect(await shown()).toEqual([ids[2], ids[1], ids[0]]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    release();
    await page.close();
  }
});
