import type { Role, StaffMember } from '../../../core/model';
import { roleOf } from '../../../core/staff';
import { UserFacingError } from '../../adapters/workbook';

/** Reports show every work order's figures: people who run the service, not technicians or requestors. */
export const REPORT_ROLES: readonly Role[] = ['Manager', 'Supervisor', 'Administrator'];

/** Throws a readable refusal unless `email` is an active Manager, Supervisor or Administrator. */
export function requireReportRole(staff: readonly StaffMember[], email: string): Role {
  const role = roleOf(staff, email);
  if (role && REPORT_ROLES.includes(role)) return role;
  const who = email || 'an unknown user';
  throw new UserFacingError(
    `Only a Manager, Supervisor or Administrator on the Staff tab can build reports. You are signed in as ${who}${
      role ? ` (${role})` : ''
    }.`,
  );
}
