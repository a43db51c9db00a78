/**
 * How a sidebar's entry point starts and answers, for Review & assign and My work alike: its request
 * parsed, its caller checked, and the failures a person can act on turned into a refusal.
 */
import { activeSpreadsheet, UserFacingError } from '../../adapters/workbook';
import { CounterCorruptError } from '../../../core/ids';
import { RowError } from '../../../core/columns';
import type { Refusal } from '../../../shared/review';
import { describeIssues } from '../../../shared/request-fields';
import {
  loadReferenceData,
  referenceWithCurrentStaff,
  type ReferenceData,
} from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { isProtectionRefusal } from '../../adapters/protection-refused';
import { protectionRefused } from '../errors/protection-refused';
import { alertUser, showSidebar } from '../../adapters/ui';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function refusal(message: string): Refusal {
  return { ok: false, message };
}

/**
 * Runs an entry point's body and turns the failures a person can act on (a missing sheet, a busy
 * lock, an unreadable row or counter, a write Google refused because someone changed a protection) into
 * a refusal the sidebar shows. Anything else is a bug and is thrown, so it reaches the execution log
 * with its stack.
 */
export function answer<T>(body: () => T): T | Refusal {
  try {
    return body();
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof CounterCorruptError)
      return refusal(error.message);
    if (error instanceof RowError) {
      return refusal(`${error.message}. Correct that row in the Work Orders sheet, then try again.`);
    }
    if (isProtectionRefusal(error)) return refusal(protectionRefused('Sidebar', error, 'sidebar'));
    throw error;
  }
}

/** Any sidebar's refusal, as every page shows it. */
type AnyRefusal = { ok: false; message: string };

/** Whether a caller check, a call or an outcome is a refusal. */
export function isRefusal(value: unknown): value is AnyRefusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** The shape of a shared schema's safeParse (zod/mini), as the sidebar calls use it. */
export interface RequestSchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/** Who may make a sidebar's calls: the caller as the Staff tab lists them, or a refusal saying why not. */
type CallerCheck<C> = (reference: Pick<ReferenceData, 'staff'>, email: string) => C;

/** A sidebar call that may go ahead: its request, the spreadsheet, Settings and Staff, and its caller. */
export interface SidebarCall<T, C> {
  data: T;
  ss: Spreadsheet;
  reference: ReferenceData;
  caller: C;
}

/**
 * Where every sidebar call starts: its request validated against the shared schema, then its caller
 * checked on the Staff tab (anyone can call these functions from the browser console). `acting`: the
 * call is about to change something, so the caller is checked again as the Staff tab has them now (a
 * row deleted from it fires no edit trigger, so the remembered Staff may still list someone removed).
 */
export function sidebarCall<T, C>(
  schema: RequestSchema<T>,
  request: unknown,
  callerOrRefusal: CallerCheck<C>,
  { acting = false }: { acting?: boolean } = {},
): SidebarCall<T, Exclude<C, AnyRefusal>> | AnyRefusal {
  const parsed = schema.safeParse(request);
  if (!parsed.success) return refusal(describeIssues(parsed.error));
  const ss = activeSpreadsheet();
  const email = currentUserEmail();
  const remembered = loadReferenceData(ss);
  const seen = callerOrRefusal(remembered, email);
  if (isRefusal(seen)) return seen;
  // Not a refusal, so the caller itself (a type guard narrows no generic type).
  if (!acting)
    return { data: parsed.data, ss, reference: remembered, caller: seen as Exclude<C, AnyRefusal> };
  const reference = referenceWithCurrentStaff(ss);
  const caller = callerOrRefusal(reference, email);
  if (isRefusal(caller)) return caller;
  return { data: parsed.data, ss, reference, caller: caller as Exclude<C, AnyRefusal> };
}

/** A sidebar page: its file in dist/ and its title, and what it says it opened without. */
export interface SidebarPage {
  file: string;
  title: string;
  /** For the execution log: "its queue (the page loads it)". */
  without: string;
}

/**
 * A sidebar's menu item: shown only to a caller the check lets in (an alert says why not), with its
 * first data already in it, so the page draws at once instead of making a first call (another
 * execution and browser round trip). Should that data fail to load here, the page loads it itself.
 */
export function openSidebar<C>(
  page: SidebarPage,
  callerOrRefusal: CallerCheck<C>,
  firstData: (ss: Spreadsheet, reference: ReferenceData, caller: Exclude<C, AnyRefusal>) => unknown,
): void {
  const ss = activeSpreadsheet();
  const reference = loadReferenceData(ss);
  const caller = callerOrRefusal(reference, currentUserEmail());
  if (isRefusal(caller)) {
    alertUser(page.title, caller.message);
    return;
  }
  let first: unknown;
  try {
    first = answer(() => firstData(ss, reference, caller as Exclude<C, AnyRefusal>));
  } catch (error) {
    console.error(`${page.title} opened without ${page.without}: ${String(error)}`);
  }
  showSidebar(page.file, page.title, first);
}
