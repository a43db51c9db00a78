/**
 * A dialog the add-on opens in the workbench is shown as wide as it asked, as Sheets shows it: the
 * administrator's *Print request labels* (a dialog wider than an alert) sits whole inside its box,
 * with its Print button on screen, and a narrower window still holds it without the box running off.
 */
import type { Browser, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../../workbench/server/workbench';
import { DEMO } from '../../workbench/server/people';
import { launchChromium, watchPage } from './support/browser';
import { WorkbenchPage } from './support/workbench-page';

jest.setTimeout(90_000);

let workbench: Workbench;
let browser: Browser;

beforeAll(async () => {
  workbench = await startWorkbench({ port: 0, statePath: null, seed: 'workbook' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

/** The dialog's box and its page's frame, as drawn (CSS pixels). */
async function boxes(page: Page) {
  const box = await page.locator('.modal.dialog').boundingBox();
  const frame = await page.locator('.modal.dialog iframe').boundingBox();
  if (!box || !frame) throw new Error('no dialog on screen');
  return { box, frame };
}

test.each([
  ['a desktop window', 1440, 900],
  ['a small laptop window', 900, 700],
])('the labels dialog fits its box in %s', async (_, width, height) => {
  const page = await browser.newPage({ viewport: { width, height } });
  const { errors } = watchPage(page);
  try {
    const wb = new WorkbenchPage(page, workbench);
    await wb.open(DEMO.admin.email, 'sheet');
    await wb.menu('Print request labels');
    const dialog = page.frameLocator('.modal.dialog iframe');
    await dialog.getByRole('button', { name: 'Print' }).waitFor();
    const { box, frame } = await boxes(page);
    expect({
      frameInsideBox: frame.x >= box.x && frame.x + frame.width <= box.x + box.width,
      boxOnScreen: box.x >= 0 && box.x + box.width <= width,
    }).toEqual({ frameInsideBox: true, boxOnScreen: true });
    expect(await dialog.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
