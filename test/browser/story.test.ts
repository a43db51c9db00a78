/**
 * The browser story: the real add-on (dist/) in the local workbench, driven through Chromium as each
 * role would use it. A requestor submits the form → a supervisor approves and assigns in the sidebar →
 * the technician starts and completes the work by editing cells, and an illegal edit of theirs is put
 * back with a note → the supervisor closes it → a manager builds the reports and sees the chart → the
 * administrator's menu and Settings. Each chapter saves a screenshot (test-results/screenshots/).
 *
 * The workbench starts in-process on a free port with a fresh, unsaved world: the workbook set up by
 * its administrator with the demo staff (WB_SEED=demo adds the weeks of demo history, as `npm start`
 * does; the README's pictures are taken that way, with WB_UPDATE_DOCS=1). `npm start` itself is
 * tested in ./workbench-start.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { registerRows } from '../../workbench/server/register-reader';
import { launchChromium, screenshot } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';

const REQUESTOR = DEMO.requestor.email;
const SUPERVISOR = DEMO.supervisor.email;
const TECH = DEMO.technicians[0].email;
const MANAGER = DEMO.manager.email;
const ADMIN = DEMO.admin.email;
const DESCRIPTION = 'Emergency light above the east stairs is out; the stairwell is dark at night.';

jest.setTimeout(90_000);

describe('the workbench story, in Chromium', () => {
  let workbench: Workbench;
  let browser: Browser;
  let page: Page;
  let wb: WorkbenchPage;
  /** The request this story follows, once the form has created it. */
  let id = '';

  beforeAll(async () => {
    workbench = await startWorkbench({
      port: 0,
      statePath: null,
      seed: process.env.WB_SEED === 'demo' ? 'demo' : 'workbook',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    wb = new WorkbenchPage(page, workbench);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });

  const order = () => wb.registerRow(id).order;

  test('a requestor fills in the intake form and submits it', async () => {
    await wb.open(REQUESTOR, 'form');
    const form = page.locator('[data-testid="form-view"]');
    await form.getByRole('heading', { level: 1 }).waitFor();
    await form.getByLabel('Your name').fill(DEMO.requestor.name);
    await form.getByLabel('Description of the work needed').fill(DESCRIPTION);
    await form.getByLabel('Location').selectOption('Main Building');
    await form.getByLabel('Urgent (within 24 h)').check();
    await form.getByLabel('Required resources').fill('Ladder, emergency light unit');
    expect(await form.getByLabel('Email').inputValue()).toBe(REQUESTOR);
    await form.evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'requestor-form');

    await form.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-testid="form-confirmation"]').waitFor();

    const created = registerRows(wb.spreadsheet).filter((r) => r.order.description === DESCRIPTION);
    expect(created).toHaveLength(1);
    id = created[0]!.order.id;
    expect(order()).toMatchObject({
      status: 'Submitted',
      requesterEmail: REQUESTOR,
      location: 'Main Building',
    });

    // The acknowledgment is in the outbox, addressed to the requestor and naming the request.
    await page.locator('.view-tab[data-view="outbox"]').click();
    await page.locator('#only-mine').check();
    const ack = page.locator('.mail-list li.mail', { hasText: id });
    await ack.first().click();
    await page.locator(`.mail-reader iframe.mail-body`).waitFor();
    expect(await page.locator('.mail-reader .mail-headers').textContent()).toContain(REQUESTOR);
  });

  test('a supervisor approves and assigns it in the Review & assign sidebar', async () => {
    await wb.signInAs(SUPERVISOR);
    await wb.showSheet('Work Orders');
    await wb.waitForCell(wb.registerCell(id, 'status'), 'Submitted');
    await wb.menu('Review & assign');
    const sidebar = wb.sidebar();
    const item = sidebar.locator(`li.item[data-id="${id}"]`);
    await item.getByRole('button', { name: 'Approve & assign' }).click();
    const form = item.locator('form.action-form');
    await form.getByLabel('Category').selectOption('Electrical');
    await form.getByLabel('Priority').selectOption('P2 Urgent');
    await form.getByLabel('Technician').selectOption(TECH);
    await wb.registerCell(id, 'id').scrollIntoViewIfNeeded();
    await screenshot(page, 'supervisor-sidebar');
    await form.locator('button[type="submit"]').click();

    // The grid shows what the sidebar did: Assigned, numbered, to the technician.
    await wb.waitForCell(wb.registerCell(id, 'status'), 'Assigned');
    expect(order()).toMatchObject({
      status: 'Assigned',
      assignee: TECH,
      category: 'Electrical',
      priority: 'P2 Urgent',
    });
    expect(order().woNumber).toMatch(/^WO-\d{4}-\d{5}$/);
    await wb.waitForCell(wb.registerCell(id, 'woNumber'), order().woNumber);
  });

  test('the technician starts and completes it by editing the register', async () => {
    await wb.signInAs(TECH);
    await wb.showSheet('Work Orders');
    await wb.choose(wb.registerCell(id, 'status'), 'In Progress');
    await wb.waitForCell(wb.registerCell(id, 'status'), 'In Progress');
    await wb.waitForCell(wb.registerCell(id, 'startedAt'), /\d/);

    // Completed needs the category's required checklist items ticked (the demo's Electrical has two):
    // the technician ticks them in My work, then closes the sidebar.
    await wb.menu('My work');
    const card = wb.sidebar().locator(`li.card[data-id="${id}"]`);
    // The page checks the cards it drew before any step (busy meanwhile, when a click does nothing):
    // on a loaded machine that check can outlast Playwright's click.
    await card.waitFor();
    await wb.sidebar().locator('body:not(.busy)').waitFor();
    await card.getByRole('button', { name: 'Checklist, time and parts' }).click();
    await card.getByText('Record time or parts').waitFor();
    const required = card.locator('.checklist li', { hasText: '(required)' }).getByRole('checkbox');
    for (const box of await required.all()) {
      await box.check();
      // Recorded once the page is no longer busy (a tick while busy would not be sent).
      await wb.sidebar().locator('body:not(.busy)').waitFor();
    }
    await page.getByRole('button', { name: 'Close sidebar' }).click();

    await wb.type(wb.registerCell(id, 'results'), 'Emergency light working; tested 90 min battery.');
    await wb.type(wb.registerCell(id, 'actions'), 'Replaced the LED driver and the battery pack.');
    await wb.waitForCell(wb.registerCell(id, 'actions'), 'Replaced the LED driver and the battery pack.');
    await wb.choose(wb.registerCell(id, 'status'), 'Completed');
    await wb.waitForCell(wb.registerCell(id, 'status'), 'Completed');
    await wb.waitForCell(wb.registerCell(id, 'completedAt'), /\d/);
    await wb.registerCell(id, 'status').click();
    await screenshot(page, 'technician-register');
    expect(order()).toMatchObject({
      status: 'Completed',
      results: 'Emergency light working; tested 90 min battery.',
    });
  });

  test("the technician's illegal edit (closing it themselves) is put back with a note", async () => {
    const status = wb.registerCell(id, 'status');
    await wb.choose(status, 'Closed');
    // The edit trigger reverts it and says why in a note on the cell.
    await wb.waitForCell(status, 'Completed');
    await status.and(page.locator('td.has-note')).waitFor();
    await status.hover();
    const note = page.locator('.note-popup');
    await note.waitFor();
    expect((await note.textContent())?.length).toBeGreaterThan(10);
    expect(await status.getAttribute('data-note')).toBe(await note.textContent());
    await screenshot(page, 'technician-reverted-edit');
    expect(order().status).toBe('Completed');
  });

  test('the supervisor closes it from the sidebar', async () => {
    await wb.signInAs(SUPERVISOR);
    await wb.menu('Review & assign');
    const item = wb.sidebar().locator(`li.item[data-id="${id}"]`);
    await item.getByRole('button', { name: 'Close', exact: true }).click();
    await item.locator('form.action-form button[type="submit"]').click();
    await wb.waitForCell(wb.registerCell(id, 'status'), 'Closed');
    expect(order()).toMatchObject({ status: 'Closed', closedBy: SUPERVISOR });
  });

  test('a manager builds the reports and sees the chart', async () => {
    await wb.signInAs(MANAGER);
    await wb.menu('Build reports');
    await page.locator('.sheet-tab', { hasText: 'Report: Summary' }).waitFor();
    await wb.showSheet('Report: Summary');
    const chart = page.locator('.chart-box[data-chart-title="Work orders by status"] svg');
    await chart.waitFor();
    expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThan(0);
    // The trends: created against completed per week, drawn as lines (as columns while the data
    // covers a single week: a line of one point shows nothing).
    await wb.showSheet('Report: Trends');
    await page
      .locator('.chart-box[data-chart-title="Created vs completed per week"] svg')
      .locator('polyline.chart-line, rect.chart-bar')
      .first()
      .waitFor();
    await screenshot(page, 'manager-report');
  });

  test('the administrator has the add-on menu and the Settings tab', async () => {
    await wb.signInAs(ADMIN);
    await wb.showSheet('Settings');
    await wb.waitForCell(wb.cell(1, 1), /\S/);
    await page.locator('[data-testid="extensions-menu"]').click();
    const items = page.locator('.menu-item');
    expect(await items.allTextContents()).toEqual(
      expect.arrayContaining(['Set up work orders', 'Verify audit log']),
    );
    await screenshot(page, 'administrator-menu');
    // Verify audit log asks for an optional anchor (a prompt, answered empty), then answers with an
    // alert; both are shown as modals.
    await page.locator('.menu-item', { hasText: 'Verify audit log' }).click();
    const outcome = page.locator('[data-testid="alert"][aria-label="Audit log verified"]').first();
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/\S/);
    const modals = page.locator('[data-testid="alert"]');
    for (let i = 0; i < 10 && (await modals.count()) > 0; i++)
      await modals.last().getByRole('button').first().click();
    expect(await modals.count()).toBe(0);
  });

  test('the outbox shows every email sent along the way, rendered', async () => {
    await wb.signInAs(REQUESTOR);
    await page.locator('.view-tab[data-view="outbox"]').click();
    await page.locator('#only-mine').check();
    // Subjects name the request id, and the work-order number once there is one.
    const mails = page.locator('.mail-list li.mail', { hasText: new RegExp(`${id}|${order().woNumber}`) });
    // Acknowledged, approved, closed: at least three messages to the requestor about this request.
    await mails.nth(2).waitFor();
    await mails.first().click();
    const body = page.frameLocator('.mail-reader iframe.mail-body').locator('body');
    await body.waitFor();
    expect(await body.textContent()).toMatch(/\S/);
    await screenshot(page, 'requestor-outbox');
  });
});
