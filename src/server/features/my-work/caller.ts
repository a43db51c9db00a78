/**
 * Who is calling My work. A sidebar's google.script.run call runs as the person who opened it, who
 * authorized the add-on, so Google gives their own email even on a consumer account; it is still
 * re-checked against the Staff tab on every call (anyone can call the functions from the console).
 */
import type { Role } from '../../../core/model';
import { roleMay, rolesList } from '../../../core/permissions';
import { nameOf, roleOf } from '../../../core/staff';
import type { Refusal } from '../../../shared/my-work-types';
import { describeMyWorkIssues } from '../../../shared/my-work';
import {
  loadReferenceData,
  referenceWithCurrentStaff,
  type ReferenceData,
} from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet } from '../../adapters/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Worker {
  email: string;
  name: string;
  role: Role;
}

export function workerOrRefusal(reference: Pick<ReferenceData, 'staff'>, email: string): Worker | Refusal {
  if (email === '') {
    return {
      ok: false,
      message:
        'Work Orders cannot tell who you are (Google did not share your email address). Close the sidebar, make sure you are signed in to the account on the Staff tab, and open My work again.',
    };
  }
  const role = roleOf(reference.staff, email);
  // Who may work an order is the permission table's call, not a list of roles kept here.
  if (role === null || !roleMay(role, 'workAssignedOrder')) {
    const who = role === null ? `${email} is not active staff on the Staff tab` : `${email} is a ${role}`;
    return {
      ok: false,
      message: `${who}: only a ${rolesList('workAssignedOrder')} has work orders to act on in My work. Ask an administrator to change your role on the Staff tab if you should.`,
    };
  }
  return { email, name: nameOf(reference.staff, email), role };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** The shape of a shared schema's safeParse (zod/mini), as the sidebar calls use it. */
interface RequestSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/**
 * Where every My work call starts: its request validated against the shared schema, then its caller
 * checked on the Staff tab (anyone can call these functions from the browser console).
 */
export function myWorkCall<T>(
  schema: RequestSchema<T>,
  request: unknown,
  { acting = false }: { acting?: boolean } = {},
): { data: T; ss: Spreadsheet; reference: ReferenceData; worker: Worker } | Refusal {
  const parsed = schema.safeParse(request);
  if (!parsed.success) return { ok: false, message: describeMyWorkIssues(parsed.error) };
  const ss = activeSpreadsheet();
  const email = currentUserEmail();
  const remembered = loadReferenceData(ss);
  const seen = workerOrRefusal(remembered, email);
  if (isRefusal(seen)) return seen;
  if (!acting) return { data: parsed.data, ss, reference: remembered, worker: seen };
  // Before a change, the caller as the Staff tab has them now: a row deleted from it fires no edit
  // trigger, so the remembered Staff may still list someone removed.
  const reference = referenceWithCurrentStaff(ss);
  const worker = workerOrRefusal(reference, email);
  if (isRefusal(worker)) return worker;
  return { data: parsed.data, ss, reference, worker };
}
