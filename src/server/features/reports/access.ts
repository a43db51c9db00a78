import type { Role, StaffMember } from '../../../core/model';
import { roleMay, rolesList, rolesThatMay } from '../../../core/permissions';
import { roleOf } from '../../../core/staff';
import { UserFacingError } from '../../adapters/workbook';

/** Reports show every work order's figures: the roles the permission table lets build them. */
export const REPORT_ROLES: readonly Role[] = rolesThatMay('buildReports');

/** Throws a readable refusal unless `email` is active staff whose role may build reports. */
export function requireReportRole(staff: readonly StaffMember[], email: string): Role {
  const role = roleOf(staff, email);
  if (role && roleMay(role, 'buildReports')) return role;
  const who = email || 'an unknown user';
  throw new UserFacingError(
    `Only a ${rolesList('buildReports')} on the Staff tab can build reports. You are signed in as ${who}${
      role ? ` (${role})` : ''
    }.`,
  );
}
