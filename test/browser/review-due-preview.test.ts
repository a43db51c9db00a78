/**
 * The due date the review sidebar previews ("Due … if approved now", "… counted from now") is the one
 * the server then stamps, on a business calendar with holidays: the page in headless Chromium, its
 * clock fixed at the workbook's, and the orders approved and re-prioritized through its forms.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './support/browser';
import { HtmlHost } from '../../runtime/html-host/server';
import { SHEET_NAMES } from '../../src/core/model';
import { formatLocal } from '../../src/core/time';
import {
  ADMIN,
  MID_MORNING,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../support/workbook';
import { submitRequests } from '../features/review/helpers';

const NEW_YORK = 'America/New_York';

let wb: TestWorkbook;
let host: HtmlHost;
let browser: Browser;
let ids: string[];

/** Sets a value of the Settings tab as an administrator types it. */
async function setSetting(name: string, value: string): Promise<void> {
  const values = wb.values(SHEET_NAMES.settings);
  const [nameCol, valueCol] = [values[0]!.indexOf('Setting'), values[0]!.indexOf('Value') + 1];
  const row = values.findIndex((r) => r[nameCol] === name) + 1;
  (await wb.edit(ADMIN, SHEET_NAMES.settings, row, valueCol, [[value]])).executions.forEach(expectOk);
}

beforeAll(async () => {
  // Tuesday 10 November 2026, 10:00 in New York; Wednesday to Friday are holidays.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  await setSetting('holidays', '2025-12-25, 2026-11-11, 2026-11-12, 2026-11-13');
  ids = await submitRequests(wb, [{ description: 'Broken window latch' }, { description: 'Loose handrail' }]);
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
  // The page's "now" is the workbook's, so the preview and the stamp are counted from the same time.
  await page.clock.setFixedTime(wb.rt.world.clock.now());
  await page.goto(host.pageUrl('ReviewSidebar', SUPERVISOR, wb.ssId));
  await idle(page);
  return { page, errors };
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction("window.__gasPending === 0 && !document.body.classList.contains('busy')");
}

const card = (page: Page, id: string) => page.locator(`li.item[data-id="${id}"]`).first();
const stampedDue = (id: string): string => formatLocal(wb.order(id).due!, NEW_YORK);

test('the approval form previews the due date approval stamps, past the holidays', async () => {
  const { page, errors } = await openSidebar();
  try {
    const item = card(page, ids[0]!);
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    const form = item.locator('form.action-form');
    await form.getByLabel('Category').selectOption('Electrical');
    await form.getByLabel('Priority').selectOption('P3 Routine');
    // Tuesday + 5 business days with Wednesday to Friday off: Monday to Thursday, then Friday 10:00.
    const preview = 'Due 2026-11-20 10:00 if approved now (from the SLA settings).';
    expect(await form.locator('.hint').first().textContent()).toBe(preview);
    await form.getByRole('button', { name: 'Approve', exact: true }).click();
    await idle(page);
    expect(wb.order(ids[0]!).status).toBe('Approved');
    expect(preview).toBe(`Due ${stampedDue(ids[0]!)} if approved now (from the SLA settings).`);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test('the change-priority form previews the due date the change stamps', async () => {
  const { page, errors } = await openSidebar();
  try {
    let item = card(page, ids[1]!);
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    let form = item.locator('form.action-form');
    await form.getByLabel('Category').selectOption('Electrical');
    await form.getByLabel('Priority').selectOption('P4 Scheduled');
    await form.getByRole('button', { name: 'Approve', exact: true }).click();
    await idle(page);
    item = card(page, ids[1]!);
    await item.getByRole('button', { name: 'Change priority' }).click();
    form = item.locator('form.action-form');
    await form.getByLabel('New priority').selectOption('P3 Routine');
    const preview = await form.locator('.hint').first().textContent();
    expect(preview).toBe('Due 2026-11-20 10:00 counted from now (from the SLA settings).');
    await form.getByLabel('Reason for the change').fill('Not that urgent after all');
    await form.getByRole('button', { name: 'Change priority' }).click();
    await idle(page);
    expect(wb.order(ids[1]!).priority).toBe('P3 Routine');
    expect(preview).toBe(`Due ${stampedDue(ids[1]!)} counted from now (from the SLA settings).`);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
