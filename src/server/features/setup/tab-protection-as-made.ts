/**
 * A tab the add-on makes after setup is protected by the execution that makes it, before its first row
 * is written, as the permission table says for its area. Sheets lets whoever may write a protected tab
 * also delete it, and technicians must write the Outbox, Errors, Checklist Items, Time and Parts Used
 * tabs (their sidebar writes them as them): a technician can delete one, the next record or email then
 * makes it again, and without this it would be open to every editor of the spreadsheet. The Hourly
 * Outbox is made the first time the hourly job queues mail, or again after an administrator deleted it
 * (then the job's own report of the lost emails may be what makes it). The hourly job still checks
 * every protected tab under a new sheet id (protections.ts repairRegisterProtection), for a tab made by
 * hand or one this could not protect.
 */
import { loadReferenceData } from '../../adapters/reference-data';
import { whenTabMade } from '../../adapters/tab-made';
import { installationOwnerFromSheet } from './installation';
import { protectNewTab, wholeSheetArea } from './protections';

/**
 * Installs the hook (once, when Code.js loads: src/server/entrypoints.ts). The staff are read as the
 * execution reads them anyway (memoized); the installation owner from the document's properties, or,
 * in the hourly job, which has none, from the Staff tab's protection. A failure is only logged: the
 * row is written either way, and the hourly job or setup protects the tab later.
 */
export function protectTabsAsMade(): void {
  whenTabMade((ss, sheet, name) => {
    const area = wholeSheetArea(name);
    if (!area) return;
    try {
      const reference = loadReferenceData(ss);
      const owner = reference.installationOwner ?? installationOwnerFromSheet(ss);
      protectNewTab(sheet, area, reference.staff, owner);
    } catch (error) {
      console.warn(`The new ${name} tab could not be protected: ${String(error)}`);
    }
  });
}
