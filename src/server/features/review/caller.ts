/**
 * Who is calling. Every review entry point re-checks the caller's role on the Staff tab from the
 * session user: anyone who can open a sidebar can call the functions from the browser console.
 */
import { actsAsSupervisor } from '../../../core/lifecycle';
import type { Role } from '../../../core/model';
import { nameOf, roleOf } from '../../../core/staff';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Refusal } from '../../../shared/review';

export interface Reviewer {
  email: string;
  name: string;
  role: Role;
}

/** The caller as a supervisor (or administrator), or the reason they may not review. */
export function reviewerOrRefusal(
  reference: Pick<ReferenceData, 'staff'>,
  email: string,
): Reviewer | Refusal {
  if (email === '') {
    return {
      ok: false,
      message:
        'Work Orders cannot tell who you are (Google did not share your email address), so it cannot check your role. Sign in with your work account and open the sidebar again.',
    };
  }
  const role = roleOf(reference.staff, email);
  if (role === null) {
    return {
      ok: false,
      message: `${email} is not active staff on the Staff tab: only supervisors can review and assign work orders.`,
    };
  }
  if (!actsAsSupervisor(role)) {
    return {
      ok: false,
      message: `Only supervisors can review and assign work orders; ${email} is a ${role}.`,
    };
  }
  return { email, name: nameOf(reference.staff, email), role };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
