/**
 * Who is calling My work. A sidebar's google.script.run call runs as the person who opened it, who
 * authorized the add-on, so Google gives their own email even on a consumer account; it is still
 * re-checked against the Staff tab on every call (anyone can call the functions from the console).
 */
import { roleMay, rolesList } from '../../../core/permissions';
import { staffCallerOrRefusal, type StaffCaller } from '../review/caller';
import type { Refusal } from '../../../shared/my-work-types';
import type { ReferenceData } from '../../adapters/reference-data';
import { isRefusal, sidebarCall, type RequestSchema } from '../review/respond';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export type Worker = StaffCaller;

export function workerOrRefusal(reference: Pick<ReferenceData, 'staff'>, email: string): Worker | Refusal {
  // Who may work an order is the permission table's call, not a list of roles kept here.
  const refusal = (who: string): string =>
    `${who}: only a ${rolesList('workAssignedOrder')} has work orders to act on in My work. Ask an administrator to change your role on the Staff tab if you should.`;
  return staffCallerOrRefusal(reference, email, {
    unknown:
      'Work Orders cannot tell who you are (Google did not share your email address). Close the sidebar, make sure you are signed in to the account on the Staff tab, and open My work again.',
    notStaff: refusal(`${email} is not active staff on the Staff tab`),
    refusalFor: (role) => (roleMay(role, 'workAssignedOrder') ? null : refusal(`${email} is a ${role}`)),
  });
}

export { isRefusal } from '../review/respond';

/** Where every My work call starts (sidebarCall): its request validated, then its caller checked. */
export function myWorkCall<T>(
  schema: RequestSchema<T>,
  request: unknown,
  options: { acting?: boolean } = {},
): { data: T; ss: Spreadsheet; reference: ReferenceData; worker: Worker } | Refusal {
  const call = sidebarCall(schema, request, workerOrRefusal, options);
  if (isRefusal(call)) return call;
  const { data, ss, reference, caller } = call;
  return { data, ss, reference, worker: caller };
}
