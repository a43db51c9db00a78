/**
 * Debian's Chromium driven by playwright-core (Playwright cannot download its own browsers here), and
 * screenshots: every run writes them to test-results/screenshots/; with WB_UPDATE_DOCS=1 they also
 * replace the README's pictures in docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MACHINE_TIME_ZONE } from '../../../runtime/host/local-time-zone';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    // The machine's zone, as a person's browser here: the runtime sets the process's TZ to the
    // project's while scripts run (runtime/host/local-time-zone.ts), which the browser must not inherit.
    env: { ...process.env, TZ: MACHINE_TIME_ZONE },
  });
}

/**
 * Records what a page says outside its own DOM: the alerts and confirms it raises (dismissed, as a
 * person closing them would) and the errors it throws. A test asserts both lists stay as expected.
 */
export function watchPage(page: Page): { dialogs: string[]; errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { dialogs, errors };
}

/** Holds every server reply to the page until the returned release is called. */
export async function holdReplies(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc', async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

const RESULTS_DIR = path.resolve('test-results', 'screenshots');
const DOCS_DIR = path.resolve('docs', 'screenshots');

/** Saves a screenshot of the page as `name`.png; returns the test-results path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.WB_UPDATE_DOCS === '1') {
    fs.mkdirSync(DOCS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_DIR, `${name}.png`));
  }
  return file;
}
