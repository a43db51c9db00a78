import type { EntryPointName } from '../entrypoints';
import { addonMenu } from '../adapters/ui';
import type { MenuItemName } from '../../core/permissions';

/** The add-on menu. Handlers are typed as entry-point names, so a typo fails to compile. */
export interface MenuItem {
  caption: string;
  /** An entry point the permission table lists as a menu item (it says who may run it). */
  handler: EntryPointName & MenuItemName;
}
export type MenuEntry = MenuItem | 'separator';

export const ADDON_MENU: readonly MenuEntry[] = [
  { caption: 'Review & assign', handler: 'openReviewSidebar' },
  { caption: 'My work', handler: 'openMyWork' },
  { caption: 'Build reports', handler: 'buildReports' },
  { caption: 'Print request labels', handler: 'openLabelsDialog' },
  'separator',
  { caption: 'Set up work orders', handler: 'setUpWorkOrders' },
  { caption: 'Verify audit log', handler: 'verifyAuditLog' },
  { caption: 'Archive closed work orders', handler: 'archiveClosedWorkOrders' },
  { caption: 'Run hourly checks now', handler: 'runHourlyChecksNow' },
  { caption: 'Repair work orders', handler: 'repairWorkOrders' },
  { caption: 'Take over installation', handler: 'takeOverInstallation' },
];

/**
 * onOpen/onInstall. In AuthMode.NONE (add-on not yet used in this document) and LIMITED, only the menu
 * may be built: nothing here reads the document, and every item re-checks the user's role when run.
 */
export function buildAddonMenu(): void {
  const menu = addonMenu();
  for (const entry of ADDON_MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
