import { roleMay, rolesList, type Capability } from '../../core/permissions';
import { administratorEmails, roleOf } from '../../core/staff';
import { loadReferenceData, type ReferenceData } from './reference-data';
import { currentUserEmail } from './session';
import { UserFacingError } from './workbook';
import type { Spreadsheet } from './apps-script-types';

/**
 * The caller of an administrators-only menu item, re-checked against the Staff tab on every call (a
 * menu item is a public function: anyone who can open a sidebar can call it from the console).
 */
export function requireAdministrator(
  ss: Spreadsheet,
  action: string,
  capability: Capability = 'administer',
): { email: string; reference: ReferenceData } {
  const reference = loadReferenceData(ss);
  const email = currentUserEmail();
  if (email === '' || !roleMay(roleOf(reference.staff, email), capability)) {
    throw new UserFacingError(
      `Only an active ${rolesList(capability)} on the Staff tab can ${action}. You are signed in as ${email || 'an unknown user'}.`,
    );
  }
  return { email, reference };
}

/** Who hears about operational problems: the active administrators, else the given fallback (the trigger owner). */
export function problemRecipients(reference: ReferenceData, fallback: string): string[] {
  const admins = administratorEmails(reference.staff);
  if (admins.length > 0) return admins;
  return fallback.trim() === '' ? [] : [fallback.trim().toLowerCase()];
}
