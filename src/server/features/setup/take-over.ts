/**
 * Menu: Take over installation (administrators). When the installation owner has left, another
 * administrator makes their own account the one whose triggers serve the spreadsheet: the owner is
 * recorded anew, this account's triggers are installed, the counters continue from the highest
 * number issued, and the protections name the new owner. The former owner's triggers, if their
 * account still runs them, find they no longer own the installation and delete themselves the next
 * time they fire (only their owner can delete them), doing nothing else: one trigger set acts.
 */
import { confirmWithUser, tellUser } from '../../adapters/installation-services';
import { parseStaff } from '../../../core/staff';
import { adoptKpiHistoryTab } from '../kpi-history/keep';
import { SHEET_NAMES } from '../../../core/model';
import { requireAdministrator } from '../../adapters/administrators';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readReferenceData, rememberReferenceData } from '../../adapters/reference-data';
import { activeSpreadsheet } from '../../adapters/workbook';
import { readAcceptedTab } from '../edits/accepted-tabs';
import { highestIssued, rebuildCounters } from './counters';
import { recordInstallationOwner, recordedInstallationOwner } from './installation';
import { applyProtections } from './protections';
import { ensureTriggers } from './triggers';
import { copyDocumentStateToOwner } from '../../adapters/owner-copies';

export function takeOverInstallation(): string {
  const ss = activeSpreadsheet();
  const { email, reference } = requireAdministrator(ss, 'take over the installation', 'takeOverInstallation');
  const owner = recordedInstallationOwner();
  // Already recorded as the owner: a take-over may have been stopped (a time limit, an outage) after
  // recording it and before the triggers, counters and protections followed; recording comes first,
  // so running it again must finish the rest rather than say there is nothing to do.
  const again = owner === email;
  if (!again) {
    const confirmed = confirmWithUser(
      'Take over installation',
      `This spreadsheet's triggers (form intake, edit checks, hourly checks) run as ${owner ?? 'nobody yet'}. ` +
        `Take over only if they have left or can no longer run them: from now on the triggers run as you (${email}), ` +
        'with your mail quota. Take over?',
    );
    if (!confirmed) return 'Take over cancelled: nothing was changed.';
  }
  // Read before the locks: whole register columns and the whole log (MACs checked), which grow with history.
  const issued = highestIssued(ss);
  const { counters, triggers } = withOwnerAndDocumentLocks(() => {
    recordInstallationOwner(email);
    const health = ensureTriggers(ss, null);
    const rebuilt = rebuildCounters(ss, true, issued);
    // The hourly job, now this account's, reads the sealed flag and the register's id from this account's copy.
    copyDocumentStateToOwner(ss.getId());
    const accepted = readAcceptedTab(SHEET_NAMES.staff);
    const staff = accepted ? parseStaff(accepted).staff : reference.staff;
    // The KPI History the former owner's job kept weeks on goes on under this account's job.
    adoptKpiHistoryTab(ss);
    applyProtections(ss, staff, email, null);
    rememberReferenceData(readReferenceData(ss));
    return { counters: rebuilt, triggers: health };
  });
  const ids = `Request ids continue after REQ-${String(counters.request).padStart(6, '0')}.`;
  const message = again
    ? `You (${email}) already own this installation: its triggers run as you. ` +
      (triggers.missing.length > 0
        ? `An earlier take-over had stopped part way (your ${triggers.missing.join(', ')} trigger(s) were missing): it is finished now, with the counters and protections checked. ${ids}`
        : `Its triggers, counters and protections were checked. ${ids}`)
    : `You (${email}) now own this installation: its triggers run as you${owner ? ` instead of ${owner}` : ''}. ${ids}`;
  tellUser('Take over installation', message);
  return message;
}
