/**
 * The workbench as a person uses it, for browser tests: sign in as someone, pick an add-on menu item,
 * work in the sidebar, type into cells, read what the grid shows. Every wait is for something on
 * screen (no fixed sleeps); cell coordinates come from the register's headers, as a person reads them.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Workbench } from '../../../workbench/server/workbench';
import { findOrder, registerColumn, type RegisterRow } from '../../../workbench/server/register-reader';
import type { WorkOrderField } from '../../../src/core/model';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export class WorkbenchPage {
  constructor(
    readonly page: Page,
    readonly workbench: Workbench,
  ) {}

  get spreadsheet() {
    return this.workbench.rt.world.spreadsheets.require(this.workbench.spreadsheetId);
  }

  /** Opens the workbench signed in as `email` (optionally on a view: sheet, form, outbox). */
  async open(email: string, view?: 'sheet' | 'form' | 'outbox'): Promise<void> {
    const query = new URLSearchParams({ as: email, ...(view ? { view } : {}) });
    await this.page.goto(`${this.workbench.url}/?${query}`);
    await this.page.locator(`body[data-ready="true"][data-user="${email}"]`).waitFor();
  }

  /** Switches the person at the keyboard with the user switcher. */
  async signInAs(email: string): Promise<void> {
    await this.page.locator('[data-testid="user-switcher"]').selectOption(email);
    await this.page.locator(`body[data-user="${email}"]`).waitFor();
  }

  async showSheet(name: string): Promise<void> {
    if ((await this.page.locator('body').getAttribute('data-view')) !== 'sheet') {
      await this.page.locator('.view-tab[data-view="sheet"]').click();
    }
    await this.page.locator('.sheet-tab', { hasText: exactly(name) }).click();
    await this.page.locator(`body[data-sheet="${name}"]`).waitFor();
  }

  /** Extensions › Work Orders › `caption`. */
  async menu(caption: string): Promise<void> {
    await this.page.locator('[data-testid="extensions-menu"]').click();
    await this.page.locator('.menu-item', { hasText: exactly(caption) }).click();
  }

  sidebar(): FrameLocator {
    return this.page.frameLocator('iframe[data-testid="sidebar-frame"]');
  }

  /** A work order's register row as the sheet holds it now, found by request id. */
  registerRow(id: string): RegisterRow {
    const found = findOrder(this.spreadsheet, id);
    if (!found) throw new Error(`no register row for ${id}`);
    return found;
  }

  /** The register cell of a work order's field (row found by request id, column by header). */
  registerCell(id: string, field: WorkOrderField): Locator {
    return this.cell(this.registerRow(id).row, registerColumn(this.spreadsheet, field));
  }

  cell(row: number, column: number): Locator {
    return this.page.locator(`td.cell[data-row="${row}"][data-col="${column}"]`);
  }

  /** Waits until the grid shows `text` (exactly) in the cell; the grid refreshes itself after changes. */
  async waitForCell(cell: Locator, text: string | RegExp): Promise<void> {
    const pattern = typeof text === 'string' ? exactly(text) : text;
    await cell.and(this.page.locator('td.cell', { hasText: pattern })).waitFor();
  }

  /** Picks a value from a cell's dropdown (double-click opens it), as a person sets Status. */
  async choose(cell: Locator, value: string): Promise<void> {
    await cell.dblclick();
    const editor = this.page.locator('select[data-testid="cell-editor"]');
    await editor.selectOption(value);
    await editor.waitFor({ state: 'detached' });
  }

  /** Selects a cell and types into it, then Enter: what a person does in Sheets. */
  async type(cell: Locator, text: string): Promise<void> {
    await cell.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.locator('[data-testid="cell-editor"]').waitFor({ state: 'detached' });
  }
}
