/**
 * The one place told when the add-on makes a tab on first use or again after a deletion (the Outbox
 * tabs, Errors, the work-record tabs Checklist Items, Time and Parts Used, and KPI History).
 * Protecting a new tab needs the staff and the permission table, which adapters do not know: a feature
 * installs the hook (features/setup/tab-protection-as-made.ts, once, when Code.js loads), and each
 * adapter that inserts such a tab calls `tabMade` before writing its first row.
 */
import type { Sheet, Spreadsheet } from './apps-script-types';

type MadeHook = (ss: Spreadsheet, sheet: Sheet, name: string) => void;
let onTabMade: MadeHook | null = null;

/** Sets what to do when a tab is made (null: nothing). */
export function whenTabMade(hook: MadeHook | null): void {
  onTabMade = hook;
}

/** Called by the adapter that has just inserted `sheet` under `name`. */
export function tabMade(ss: Spreadsheet, sheet: Sheet, name: string): void {
  onTabMade?.(ss, sheet, name);
}

/**
 * The tab `name`, made on first use (or again after a deletion) when missing: its header row written
 * (`bold` or not) and frozen, and `tabMade` told. The one way the appending adapters make their tab,
 * so each made tab gets the same header and the same hook.
 */
export function tabForAppend(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
  { bold = false }: { bold?: boolean } = {},
): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name);
  const header = sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
  if (bold) header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  tabMade(ss, sheet, name);
  return sheet;
}
