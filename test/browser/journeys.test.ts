/**
 * Where real users trip, walked in the workbench in Chromium: a requestor sending the form half
 * filled in, a supervisor rejecting with a reason of spaces and then rewording it after the "for
 * good?" question, and a technician taken off the Staff tab while work is still theirs.
 */
import type { Browser, Page } from 'playwright-core';
import { SHEET_NAMES } from '../../src/core/model';
import { startWorkbench, type Workbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { registerRows } from '../../workbench/server/register-reader';
import { launchChromium, screenshot } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';

const REQUESTOR = DEMO.requestor.email;
const SUPERVISOR = DEMO.supervisor.email;
const ADMIN = DEMO.admin.email;
const THEO = DEMO.technicians[1];

jest.setTimeout(60_000);

let workbench: Workbench;
let browser: Browser;
let page: Page;
let wb: WorkbenchPage;

beforeAll(async () => {
  workbench = await startWorkbench({ port: 0, statePath: null, seed: 'workbook' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  wb = new WorkbenchPage(page, workbench);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

const reviewCalls = () => workbench.rt.executions.filter((e) => e.entry === 'reviewAct').length;

test('a requestor who sends the form half filled in sees every missing answer marked, and nothing is sent', async () => {
  await wb.open(REQUESTOR, 'form');
  const form = page.locator('[data-testid="form-view"]');
  await form.getByLabel('Your name').fill('Rita Requestor');
  await form.getByLabel('Description of the work needed').fill('   ');
  await form.getByRole('button', { name: 'Submit' }).click();

  const marked = form.locator('.question.has-error');
  await marked.first().waitFor();
  // Description (spaces are no answer), Location and Urgency: each says so under itself, at once.
  expect(await marked.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-question')))).toEqual([
    'Description of the work needed',
    'Location',
    'Urgency',
  ]);
  expect(await form.locator('.question-error').allTextContents()).toEqual(
    Array(3).fill('This is a required question'),
  );
  expect(await page.evaluate('document.activeElement?.id')).toBe(
    await form.getByLabel('Description of the work needed').getAttribute('id'),
  );
  expect(registerRows(wb.spreadsheet)).toHaveLength(0);

  await form.getByLabel('Description of the work needed').fill('Door closer broken on room 5');
  await form.getByLabel('Location').selectOption('Main Building');
  await form.getByLabel('Routine').check();
  await form.getByRole('button', { name: 'Submit' }).click();
  await page.locator('[data-testid="form-confirmation"]').waitFor();
  expect(registerRows(wb.spreadsheet).map((r) => r.order.status)).toEqual(['Submitted']);
});

test('a reason of spaces is refused before "for good?"; rewording after it asks again', async () => {
  const [{ order }] = registerRows(wb.spreadsheet) as [ReturnType<typeof registerRows>[number]];
  await wb.open(SUPERVISOR);
  await wb.menu('Review & assign');
  const item = wb.sidebar().locator(`li.item[data-id="${order.id}"]`).first();
  await item.getByRole('button', { name: 'Reject' }).click();
  const reason = item.getByLabel('Reason');
  const calls = reviewCalls();

  await reason.fill('   ');
  await item.getByRole('button', { name: 'Reject', exact: true }).last().click();
  expect(
    await reason.evaluate((e) => (e as unknown as { validationMessage: string }).validationMessage),
  ).toMatch(/spaces alone/);
  expect(await item.locator('.confirm').count()).toBe(0);

  await reason.fill('Duplicate of an earlier request');
  await item.getByRole('button', { name: 'Reject', exact: true }).last().click();
  await item.getByRole('button', { name: 'Yes, reject' }).waitFor();
  // The question was about that text: changing it takes the question away, and the form's buttons return.
  await reason.press('End');
  await reason.pressSequentially(' (REQ-000000)');
  expect(await item.getByRole('button', { name: 'Yes, reject' }).count()).toBe(0);
  await item.getByRole('button', { name: 'Close form' }).waitFor();
  expect(reviewCalls()).toBe(calls);
  await item.getByRole('button', { name: 'Close form' }).click();
});

test('work still held by a technician taken off the Staff tab is flagged for reassignment', async () => {
  const [{ order }] = registerRows(wb.spreadsheet) as [ReturnType<typeof registerRows>[number]];
  const item = wb.sidebar().locator(`li.item[data-id="${order.id}"]`).first();
  await item.getByRole('button', { name: 'Approve & assign' }).click();
  const form = item.locator('form.action-form');
  await form.getByLabel('Category').selectOption('Carpentry');
  await form.getByLabel('Priority').selectOption('P3 Routine');
  await form.getByLabel('Technician').selectOption(THEO.email);
  await form.locator('button[type="submit"]').click();
  await wb.waitForCell(wb.registerCell(order.id, 'status'), 'Assigned');

  // The administrator sets Theo inactive on the Staff tab.
  const staff = wb.spreadsheet.requireSheet(SHEET_NAMES.staff);
  const values = staff.readValues(1, 1, staff.lastRow(), staff.lastColumn());
  const row = values.findIndex((r) => r[0] === THEO.email) + 1;
  const active = (values[0] ?? []).indexOf('Active') + 1;
  await workbench.rt.editCells({
    spreadsheetId: workbench.spreadsheetId,
    sheetName: SHEET_NAMES.staff,
    row,
    column: active,
    values: [['FALSE']],
    user: ADMIN,
  });

  await wb.sidebar().getByRole('button', { name: 'Reload' }).click();
  // Theo's group is on screen before the reload too (his work was listed): wait for the flag the
  // reloaded list puts under it, not for the group, or a slow reload is read as no flag.
  const group = wb.sidebar().locator(`h3.technician-group[data-technician="${THEO.email}"]`);
  const flag = group.locator('xpath=following-sibling::*[1]');
  await group.locator('xpath=following-sibling::p[contains(@class, "error")][1]').waitFor();
  expect(await flag.textContent()).toBe(
    `${THEO.email} is not an active technician on the Staff tab: reassign their work below.`,
  );
  await screenshot(page, 'journeys-inactive-technician');
});
