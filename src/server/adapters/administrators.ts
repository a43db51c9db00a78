import { roleMay, rolesList, type Capability } from '../../core/permissions';
import { administratorEmails, roleOf } from '../../core/staff';
import { referenceWithCurrentStaff, type ReferenceData } from './reference-data';
import { currentUserEmail } from './session';
import { UserFacingError } from './workbook';
import type { Spreadsheet } from './apps-script-types';

/**
 * Why `email` may not do an administrators-only `action` ("print request labels"), or null when they
 * may: whom to ask, by name (the Staff tab is every editor's to read anyway), and, when Google gave
 * no identity, why.
 */
export function administratorOnly(
  reference: ReferenceData,
  email: string,
  action: string,
  capability: Capability = 'administer',
): string | null {
  if (email !== '' && roleMay(roleOf(reference.staff, email), capability)) return null;
  const roles = rolesList(capability);
  const admins = administratorEmails(reference.staff);
  const ask =
    admins.length > 0
      ? `an administrator (${admins.slice(0, 3).join(', ')}${admins.length > 3 ? ', …' : ''})`
      : 'whoever set up this spreadsheet';
  const who =
    email === ''
      ? "Google did not tell Work Orders who you are (signed out, or an account outside the spreadsheet owner's domain)."
      : `You are signed in as ${email}.`;
  return (
    `Only an active ${roles} on the Staff tab can ${action}. ${who} If it should be done, ask ${ask} to do it, ` +
    `or to make you an active ${roles} on the Staff tab.`
  );
}

/**
 * The caller of an administrators-only menu item, re-checked against the Staff tab itself on every call
 * (a menu item is a public function: anyone who can open a sidebar can call it from the console). Not
 * the remembered Staff: an administrator removed by deleting their row (no edit trigger fires) would
 * otherwise keep taking over the installation or archiving for up to an hour. One read of Staff.
 */
export function requireAdministrator(
  ss: Spreadsheet,
  action: string,
  capability: Capability = 'administer',
): { email: string; reference: ReferenceData } {
  const reference = referenceWithCurrentStaff(ss);
  const email = currentUserEmail();
  const refused = administratorOnly(reference, email, action, capability);
  if (refused) throw new UserFacingError(refused);
  return { email, reference };
}

/** Who hears about operational problems: the active administrators, else the given fallback (the trigger owner). */
export function problemRecipients(reference: ReferenceData, fallback: string): string[] {
  const admins = administratorEmails(reference.staff);
  if (admins.length > 0) return admins;
  return fallback.trim() === '' ? [] : [fallback.trim().toLowerCase()];
}
