/**
 * An Outbox tab made after setup is protected by the execution that makes it, before its first row is
 * written. The Outbox admits every sidebar user (they queue the emails their actions owe), so a
 * technician can delete it; the next email then makes it again, and without this it would be open to
 * every editor of the spreadsheet until the next setup. The Hourly Outbox is made the first time the
 * hourly job queues mail, or again after an administrator deleted it (then the job's own report of the
 * lost emails may be what makes it).
 */
import { SHEET_NAMES } from '../../../core/model';
import { loadReferenceData } from '../../adapters/reference-data';
import { whenOutboxTabMade } from '../../adapters/outbox-tabs';
import { installationOwnerFromSheet } from './installation';
import { protectNewTab } from './protections';

/**
 * Installs the hook (once, when Code.js loads: src/server/entrypoints.ts). The staff are read as the
 * execution reads them anyway (memoized); the installation owner from the document's properties, or,
 * in the hourly job, which has none, from the Staff tab's protection. A failure is only logged: the
 * email is queued either way, and setup protects the tab later.
 */
export function protectOutboxTabsAsMade(): void {
  whenOutboxTabMade((ss, sheet, name) => {
    const area = name === SHEET_NAMES.hourlyOutbox ? 'hourlyOutbox' : 'outbox';
    try {
      const reference = loadReferenceData(ss);
      const owner = reference.installationOwner ?? installationOwnerFromSheet(ss);
      protectNewTab(sheet, area, reference.staff, owner);
    } catch (error) {
      console.warn(`The new ${name} tab could not be protected: ${String(error)}`);
    }
  });
}
