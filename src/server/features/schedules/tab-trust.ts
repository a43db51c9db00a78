/**
 * Whether the hourly job may make work orders from the Schedules tab (and the assets it names): only
 * when each tab is protected for the administrators (and the installation owner, whose job writes
 * Schedules back), as setup protects them.
 *
 * The job finds the tabs by their names, and any editor may add a tab: with the Schedules tab missing
 * (deleted by an administrator, or a workbook from before schedules), a technician's tab under that
 * name, with rows of their own, had the job make the orders they chose (task, place, priority, their
 * own address as default technician), as the installation owner; an Assets tab of theirs in place of
 * a deleted one sent the orders of schedules naming an asset where they liked, or back to equipment
 * retired. A protection's maker is always among its editors, so no one else can make one that lists
 * only administrators. The job's hourly repair of protections leaves both tabs to setup for the same
 * reason (setup/protections.ts).
 */
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { areaEditors } from '../../../core/permissions';
import { sheetProtection } from '../../adapters/installation-services';
import { findTab } from '../../adapters/workbook';
import { installationOwnerFromSheet } from '../setup/installation';
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

/** Why `sheet` is not protected for administrators only, or null when it is. */
function protectionProblem(sheet: Sheet, allowed: () => ReadonlySet<string>): string | null {
  const protection = sheetProtection(sheet);
  if (!protection || protection.isWarningOnly()) return 'it has no protection';
  let editors: string[];
  try {
    editors = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  } catch {
    // Only an editor of a protection may read its editors: setup's lists the installation owner.
    return 'the installation owner is not among the editors of its protection';
  }
  const others = editors.filter((e) => !allowed().has(e));
  return others.length > 0 ? `its protection also lets ${others.slice(0, 3).join(', ')} edit it` : null;
}

/**
 * Why the Schedules tab's rows, or the Assets tab they name, cannot be taken as the administrators',
 * or null when they can (an Assets tab that does not exist names nothing). About ten reads, made
 * only when the Schedules tab has rows.
 */
export function untrustedScheduleTabs(ss: Spreadsheet, staff: readonly StaffMember[]): string | null {
  let allowed: Set<string> | null = null;
  const editors = (): ReadonlySet<string> => {
    if (allowed) return allowed;
    allowed = new Set(areaEditors('schedules', staff, installationOwnerFromSheet(ss)));
    // Google keeps the spreadsheet's owner among every protection's editors.
    const owner = ss.getOwner()?.getEmail().toLowerCase();
    if (owner) allowed.add(owner);
    return allowed;
  };
  for (const name of [SHEET_NAMES.schedules, SHEET_NAMES.assets]) {
    const sheet = findTab(ss, name);
    const why = sheet ? protectionProblem(sheet, editors) : null;
    if (why)
      return `No preventive work orders were made: the ${name} tab is not protected for administrators only (${why}), so its rows may have been typed by anyone who can edit the spreadsheet. An administrator checks its rows and runs Set up work orders, which protects it; the next hourly run then makes what is due.`;
  }
  return null;
}
