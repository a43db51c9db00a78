/**
 * Who is calling. Every review entry point re-checks the caller's role on the Staff tab from the
 * session user: anyone who can open a sidebar can call the functions from the browser console.
 */
import { actsAsSupervisor } from '../../../core/lifecycle';
import type { Role } from '../../../core/model';
import { nameOf, roleOf } from '../../../core/staff';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Refusal } from '../../../shared/review';

/** Who is calling a sidebar, as the Staff tab lists them. */
export interface StaffCaller {
  email: string;
  name: string;
  role: Role;
}

export type Reviewer = StaffCaller;

/** What a sidebar tells a caller it does not let in. */
interface CallerRefusals {
  /** Google did not say who they are. */
  unknown: string;
  /** They are not active staff. */
  notStaff: string;
  /** Why their role may not use the sidebar, or null when it may. */
  refusalFor: (role: Role) => string | null;
}

/** The caller as the Staff tab lists them, or the refusal that says why they may not call. */
export function staffCallerOrRefusal(
  reference: Pick<ReferenceData, 'staff'>,
  email: string,
  refusals: CallerRefusals,
): StaffCaller | Refusal {
  if (email === '') return { ok: false, message: refusals.unknown };
  const role = roleOf(reference.staff, email);
  if (role === null) return { ok: false, message: refusals.notStaff };
  const refused = refusals.refusalFor(role);
  if (refused !== null) return { ok: false, message: refused };
  return { email, name: nameOf(reference.staff, email), role };
}

/** What someone refused Review & assign does next: roles are the Staff tab's, which administrators keep. */
const ASK_ADMIN = 'If you should, ask an administrator to make you an active Supervisor on the Staff tab.';

/** The caller as a supervisor (or administrator), or the reason they may not review. */
export function reviewerOrRefusal(
  reference: Pick<ReferenceData, 'staff'>,
  email: string,
): Reviewer | Refusal {
  return staffCallerOrRefusal(reference, email, {
    unknown:
      'Work Orders cannot tell who you are (Google did not share your email address), so it cannot check your role. Sign in with your work account and open the sidebar again.',
    notStaff: `${email} is not active staff on the Staff tab: only supervisors can review and assign work orders. ${ASK_ADMIN}`,
    refusalFor: (role) =>
      actsAsSupervisor(role)
        ? null
        : `Only supervisors can review and assign work orders; ${email} is a ${role}. ${ASK_ADMIN}`,
  });
}
