import type { SetupReport } from './report';
import { ensureTriggers } from './triggers';
import { recordInstallationOwner, recordedInstallationOwner, retireTriggerSet } from './installation';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Setup's part of the installation: the first setup records its administrator as the installation
 * owner and installs the triggers; the owner's later runs repair them; another administrator's run
 * leaves the triggers to the owner (removing any set of their own) and says who owns the installation.
 * Returns the owner.
 */
export function ensureInstallation(ss: Spreadsheet, email: string, report: SetupReport): string {
  const owner = recordedInstallationOwner();
  if (owner === null || owner === email) {
    if (owner === null) {
      recordInstallationOwner(email);
      report.created.push(`the installation, owned by ${email} (its triggers run as ${email})`);
    }
    ensureTriggers(ss, report);
    return email;
  }
  const removed = retireTriggerSet(ss);
  if (removed > 0)
    report.repaired.push(
      `removed your own ${removed} trigger(s): only the installation owner's triggers serve it`,
    );
  report.warnings.push(
    `this installation is owned by ${owner}: its triggers run as ${owner}, so setup repaired the workbook and left ` +
      `the triggers to them. If ${owner} has left, use Extensions › Work Orders › Take over installation`,
  );
  return owner;
}
