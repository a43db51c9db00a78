/**
 * The links the add-on hands people to its other forms, followed in the workbench as a person
 * follows them: the requestor's "Reply about your request" link in the clarification email, and the
 * technician's "Update from a phone" link on a My work card, opened on a phone-sized screen. Google
 * serves those pages; in the workbench each opens that form in a new tab, pre-filled as the link says,
 * and an answer goes through the add-on's form-submit trigger like any other.
 */
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { registerRows } from '../../workbench/server/register-reader';
import { launchChromium, screenshot, watchPage } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';

const REQUESTOR = DEMO.requestor.email;
const SUPERVISOR = DEMO.supervisor.email;
const TECH = DEMO.technicians[0].email;
const DESCRIPTION = 'The lobby door mats are worn through.';
const PHONE = { width: 390, height: 844 };
const ANSWER =
  'The side entrance, by the car park: the mats there are the worst; the front ones were replaced last spring.';

jest.setTimeout(90_000);

describe('form links followed in the workbench', () => {
  let workbench: Workbench;
  let browser: Browser;
  let page: Page;
  let wb: WorkbenchPage;
  let watched: { dialogs: string[]; errors: string[] };
  let id = '';

  beforeAll(async () => {
    workbench = await startWorkbench({ port: 0, statePath: null, seed: 'workbook' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watched = watchPage(page);
    wb = new WorkbenchPage(page, workbench);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });

  const order = () => wb.registerRow(id).order;

  /** Clicks `link` and returns the tab it opens, at `viewport`, once the workbench is ready. */
  async function follow(click: () => Promise<void>, viewport = PHONE): Promise<Page> {
    const [opened] = await Promise.all([page.context().waitForEvent('page'), click()]);
    await opened.setViewportSize(viewport);
    await opened.locator('body[data-ready="true"]').waitFor();
    await opened.locator('[data-testid="form-view"] h1').waitFor();
    return opened;
  }

  test('the requestor answers a clarification question from the link in its email', async () => {
    await wb.open(REQUESTOR, 'form');
    const form = page.locator('[data-testid="form-view"]');
    await form.getByLabel('Your name').fill(DEMO.requestor.name);
    await form.getByLabel('Description of the work needed').fill(DESCRIPTION);
    await form.getByLabel('Location').selectOption('Main Building');
    await form.getByLabel('Routine').check();
    await form.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-testid="form-confirmation"]').waitFor();
    id = registerRows(wb.spreadsheet).find((r) => r.order.description === DESCRIPTION)!.order.id;

    await wb.signInAs(SUPERVISOR);
    await wb.showSheet('Work Orders');
    await wb.menu('Review & assign');
    const item = wb.sidebar().locator(`li.item[data-id="${id}"]`);
    await item.getByRole('button', { name: 'Ask requestor' }).click();
    await item.getByLabel(/^Question for /).fill('Which entrance: front or side?');
    await item.getByLabel(/^Question for /).press('Enter');
    await wb.sidebar().locator('#status', { hasText: 'sent to the requestor' }).waitFor();

    await wb.signInAs(REQUESTOR);
    await page.locator('.view-tab[data-view="outbox"]').click();
    await page.locator('.mail-list li.mail', { hasText: `[${id}] Question` }).click();
    const mail = page.frameLocator('.mail-reader iframe.mail-body');
    const reply = await follow(() => mail.getByRole('link', { name: 'Reply about your request' }).click());
    const replyForm = reply.locator('[data-testid="form-view"]');
    expect({
      title: await replyForm.locator('h1').textContent(),
      request: await replyForm.getByLabel('Request ID').inputValue(),
      email: await replyForm.getByLabel('Email').inputValue(),
      wide: await reply.evaluate('document.documentElement.scrollWidth'),
    }).toEqual({
      title: 'Reply about your work order request',
      request: id,
      email: REQUESTOR,
      wide: PHONE.width,
    });
    await replyForm.getByLabel('Your answer or added information').fill(ANSWER);
    await replyForm.getByRole('button', { name: 'Submit' }).click();
    await reply.locator('[data-testid="form-confirmation"]').waitFor();
    expect(order().notes).toMatch(/Requestor: The side entrance, by the car park: .* last spring\.$/);
    await reply.close();
  });

  test('the answer reads in the register, running over empty cells only, as in Sheets', async () => {
    await wb.signInAs(SUPERVISOR);
    await wb.showSheet('Work Orders');
    const notes = wb.registerCell(id, 'notes');
    await wb.waitForCell(notes, /Requestor: The side entrance/);
    const text = await notes.locator('.v').boundingBox();
    // Results, Actions Taken and Reason are empty on a request; Priority is not (its dropdown).
    const priority = await wb.registerCell(id, 'priority').boundingBox();
    expect(text!.x + text!.width).toBeLessThanOrEqual(priority!.x + 1);
  });

  test('the technician starts the work from a phone with the link on their My work card', async () => {
    await wb.signInAs(SUPERVISOR);
    await wb.showSheet('Work Orders');
    await wb.menu('Review & assign');
    const item = wb.sidebar().locator(`li.item[data-id="${id}"]`);
    await item.getByRole('button', { name: 'Approve & assign' }).click();
    await item.getByLabel('Category').selectOption('Other');
    await item.getByLabel('Priority').selectOption('P3 Routine');
    await item.getByLabel('Technician').selectOption(TECH);
    await item.locator('form button[type="submit"]').click();
    await wb.waitForCell(wb.registerCell(id, 'status'), 'Assigned');

    await wb.signInAs(TECH);
    await wb.menu('My work');
    const card = wb.sidebar().locator(`li.card[data-id="${id}"]`);
    await card.getByRole('button', { name: 'Start work' }).waitFor();
    const phone = await follow(() => card.getByRole('link', { name: 'Update from a phone' }).click());
    const update = phone.locator('[data-testid="form-view"]');
    expect({
      title: await update.locator('h1').textContent(),
      order: await update.getByLabel('Work order').inputValue(),
      wide: await phone.evaluate('document.documentElement.scrollWidth'),
    }).toEqual({ title: 'Work order update', order: id, wide: PHONE.width });
    await update.getByLabel('Start work').check();
    await screenshot(phone, 'technician-update-form');
    await update.getByRole('button', { name: 'Submit' }).click();
    await phone.locator('[data-testid="form-confirmation"]').waitFor();
    expect(order()).toMatchObject({ status: 'In Progress' });
    await phone.close();
    expect(watched.errors).toEqual([]);
  });
});
