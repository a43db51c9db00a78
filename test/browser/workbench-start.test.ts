/**
 * `npm start` itself, as a child process: the first start plays weeks of demo history through the
 * add-on, the page works, Ctrl+C saves, a restart loads the saved world, `--reset` starts afresh. And
 * the workbench's grid with a large register: only the rows in view are drawn.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { STATUSES } from '../../src/core/model';
import { startWorkbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { launchChromium } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';
import { npmStart } from './support/npm-start';

const REQUESTOR = DEMO.requestor.email;
const SUPERVISOR = DEMO.supervisor.email;

jest.setTimeout(90_000);

describe('npm start: the demo workbench, saved across restarts', () => {
  const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wo-workbench-')), 'state.json');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The register as the workbench serves it: header-named cells of every row. */
  async function register(url: string): Promise<Record<string, string>[]> {
    const response = await fetch(`${url}/wb/api/sheet?name=Work%20Orders&rows=500`);
    const view = (await response.json()) as { frozen: string[][]; rows: string[][] };
    const header = view.frozen[0] ?? [];
    return view.rows
      .filter((cells) => cells[0] !== '')
      .map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }

  test('a first start plays weeks of history in every status through the add-on, and the page works', async () => {
    const started = await npmStart([], { WB_STATE_FILE: stateFile });
    try {
      expect(started.output()).toMatch(/Demo history: \d+ work orders over 42 days/);
      expect(started.output()).not.toMatch(/did not go through/);
      const rows = await register(started.url);
      expect(rows.length).toBeGreaterThanOrEqual(36);
      expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(STATUSES));
      const requested = rows.map((r) => new Date(r['Requested At']!).getTime()).filter(Number.isFinite);
      const spanDays = (Math.max(...requested) - Math.min(...requested)) / 86_400_000;
      expect(spanDays).toBeGreaterThan(30);

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${started.url}/?as=${encodeURIComponent(SUPERVISOR)}`);
      await page.locator(`body[data-ready="true"][data-user="${SUPERVISOR}"]`).waitFor();
      await page.locator('td.cell[data-row="2"][data-col="1"]', { hasText: /^REQ-\d+$/ }).waitFor();
      // Built at the end of the history by the manager: the report tabs are there with their charts.
      await page.locator('.sheet-tab', { hasText: 'Report: Trends' }).click();
      await page.locator('.chart-box svg polyline').first().waitFor();
      await page.close();
    } finally {
      expect(await started.stop()).toBe(0);
    }
    expect(fs.statSync(stateFile).size).toBeGreaterThan(10_000);
  }, 200_000);

  test('a restart loads the saved world with what was done before Ctrl+C; --reset starts afresh', async () => {
    const again = await npmStart([], { WB_STATE_FILE: stateFile });
    let before: Record<string, string>[];
    try {
      expect(again.output()).toContain('Loaded the saved workbench');
      before = await register(again.url);
      const reply = await fetch(`${again.url}/wb/api/form`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: REQUESTOR,
          answers: {
            'Your name': DEMO.requestor.name,
            'Description of the work needed': 'Saved across restarts',
            Location: 'Annex',
            Urgency: 'Routine',
          },
        }),
      });
      expect(await reply.json()).toMatchObject({ ok: true });
    } finally {
      expect(await again.stop()).toBe(0);
    }

    const third = await npmStart([], { WB_STATE_FILE: stateFile });
    try {
      const after = await register(third.url);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ Description: 'Saved across restarts', Status: 'Submitted' });
    } finally {
      expect(await third.stop()).toBe(0);
    }

    const reset = await npmStart(['--reset'], { WB_STATE_FILE: stateFile, WB_DEMO_DAYS: '7' });
    try {
      expect(reset.output()).toMatch(/Demo history: \d+ work orders over 7 days/);
      const rows = await register(reset.url);
      expect(rows.some((r) => r.Description === 'Saved across restarts')).toBe(false);
    } finally {
      expect(await reset.stop()).toBe(0);
    }
  }, 200_000);
});

describe('a large register in the grid', () => {
  test('5,000 rows: only a window of rows is drawn, and scrolling fetches the rows in view', async () => {
    const workbench = await startWorkbench({ port: 0, statePath: null, seed: 'workbook' });
    const browser = await launchChromium();
    try {
      const spreadsheet = workbench.rt.world.spreadsheets.require(workbench.spreadsheetId);
      // Test data written straight into the model: 5,000 submitted requests.
      spreadsheet.requireSheet('Work Orders').writeValues(
        2,
        1,
        Array.from({ length: 5000 }, (_, i) => [`REQ-${String(i + 1).padStart(6, '0')}`, '', 'Submitted']),
      );
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const wb = new WorkbenchPage(page, workbench);
      await wb.open(SUPERVISOR, 'sheet');
      await wb.waitForCell(wb.cell(2, 1), 'REQ-000001');
      expect(await page.locator('tr.row').count()).toBeLessThanOrEqual(200);

      await page.locator('[data-testid="grid"]').evaluate((grid) => grid.scrollTo(0, grid.scrollHeight));
      await wb.waitForCell(wb.cell(5001, 1), 'REQ-005000');
      expect(await page.locator('tr.row').count()).toBeLessThanOrEqual(200);
      await wb.cell(5001, 1).click();
      expect(await page.locator('.name-box').textContent()).toBe('A5001');
    } finally {
      await browser.close();
      await workbench.close();
    }
  });
});
