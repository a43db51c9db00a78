import type { SetupReport } from './report';
import { readRequestCounter, readYearCounters } from '../../../core/ids';
import { PROPERTY_KEYS, getProperty } from '../../adapters/document-properties';
import { readOwnerState } from '../../adapters/owner-state';
import { REQUEST_COUNTER_STATE, rebuildCounters } from './counters';
import { ensureTriggers } from './triggers';
import { recordInstallationOwner, recordedInstallationOwner, retireTriggerSet } from './installation';
import type { Spreadsheet } from '../../adapters/apps-script-types';

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

/**
 * Counters that are missing or unreadable (a workbook set up by an older version, a property deleted
 * by hand) are rebuilt from the highest number issued. Present ones are left alone.
 */
export function ensureCounters(ss: Spreadsheet, asOwner: boolean, report: SetupReport): void {
  const wo = getProperty(PROPERTY_KEYS.woCounters);
  const own = asOwner ? readOwnerState(ss.getId(), REQUEST_COUNTER_STATE) : '0';
  const floor = getProperty(PROPERTY_KEYS.requestCounter);
  if (readYearCounters(wo) !== null && readRequestCounter(own) !== null && readRequestCounter(floor) !== null)
    return;
  const rebuilt = rebuildCounters(ss, asOwner);
  if (wo !== null || (asOwner && own !== null))
    report.repaired.push(
      `the request and work-order counters were rebuilt from the highest numbers issued (REQ-${String(rebuilt.request).padStart(6, '0')})`,
    );
}
