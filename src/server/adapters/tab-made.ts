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
