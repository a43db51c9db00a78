/**
 * The spreadsheet's user interface: the add-on menu, alerts and the sidebar. Features call these
 * instead of SpreadsheetApp and HtmlService, so only adapters touch Google services.
 */
import { firstDataBlock } from '../../shared/first-data';
import type { Menu } from './apps-script-types';

/** The add-on's menu under Extensions, to be filled and then added with `addToUi()`. */
export function addonMenu(): Menu {
  return SpreadsheetApp.getUi().createAddonMenu();
}

/** A dialog with a title, a message and an OK button; returns when the user closes it. */
export function alertUser(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** A dialog asking for one line of text: what was typed, or null when the person cancelled or closed it. */
export function promptUser(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

/**
 * Shows a page built into dist/ (`<file>.html`) as the sidebar; with `firstData`, the page carries it
 * (src/shared/first-data.ts) and draws it without asking the server first.
 */
export function showSidebar(file: string, title: string, firstData?: unknown): void {
  const page = HtmlService.createHtmlOutputFromFile(file);
  if (firstData !== undefined) page.append(firstDataBlock(firstData));
  SpreadsheetApp.getUi().showSidebar(page.setTitle(title));
}

/** Shows a page built into dist/ (`<file>.html`) as a modal dialog of the given size. */
export function showDialog(file: string, title: string, width: number, height: number): void {
  const page = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(page, title);
}
