/**
 * The Staff tab as setup meets it: who may run setup (before anything is made, so the list is the
 * accepted copy's when there is one), and the rows a missing Staff tab is made with. Apart from
 * ./setup's steps because both answer one question, whose workbook this is, from the add-on's own
 * record of the Staff tab rather than from cells an editor may have rewritten.
 */
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { administratorEmails, parseStaff, staffSheetRows } from '../../../core/staff';
import { asCellText } from '../../../core/sanitize';
import { UserFacingError } from '../../adapters/workbook';
import { readAcceptedTab } from '../edits/accepted-tabs';
import { recordedInstallationOwner } from './installation';

/**
 * Who may run setup: an administrator of the Staff tab as last accepted (the add-on's own copy, so a
 * deleted or rewritten Staff tab grants nobody anything); without one, of the Staff tab as it stands;
 * with neither, the installation owner, or anyone on the very first run (who becomes administrator).
 */
export function requireSetupAdministrator(current: readonly StaffMember[], email: string): void {
  const accepted = readAcceptedTab(SHEET_NAMES.staff);
  const staff = accepted ? parseStaff(accepted).staff : current;
  const admins = administratorEmails(staff);
  const owner = recordedInstallationOwner();
  if (admins.length === 0 && (owner === null || owner === email)) return;
  if (!admins.includes(email) && !(admins.length === 0 && owner === email)) {
    throw new UserFacingError(
      `Only an Administrator on the Staff tab can set up Work Orders. You are signed in as ${email || 'an unknown user'}.`,
    );
  }
}

/** A Staff tab deleted by hand comes back as it was last accepted; on the first run, with its runner. */
export function staffRowsToCreate(email: string): readonly (readonly unknown[])[] {
  const accepted = readAcceptedTab(SHEET_NAMES.staff);
  if (accepted && accepted.length > 1)
    return accepted.map((row) => row.map((v) => (typeof v === 'string' ? asCellText(v).cell : v)));
  const firstAdmin: StaffMember = {
    email,
    name: email.split('@')[0] ?? email,
    role: 'Administrator',
    active: true,
  };
  return staffSheetRows([firstAdmin]);
}
