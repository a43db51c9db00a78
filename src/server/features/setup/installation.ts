/**
 * One installation owner per spreadsheet: the account whose installable triggers (form submit, edit,
 * hourly) serve it. Recorded in document properties, the add-on's own state, which no one can type
 * into. Setup by another administrator repairs the workbook but never installs a second trigger set;
 * *Take over installation* moves ownership when the owner has left.
 *
 * The hourly job runs with no document, so it cannot read document properties: the owner is also
 * written into the Staff tab protection's description, which anyone can read and only administrators
 * and the owner can change (see protections.ts). A trigger set that is no longer the owner's retires
 * itself the next time it runs (it deletes its own triggers: only their owner can).
 */
import {
  activeSpreadsheetOrNull,
  deleteOwnTrigger,
  effectiveUserEmail,
  ownProjectTriggers,
  ownTriggersFor,
  sheetProtection,
} from '../../adapters/installation-services';
import { PROPERTY_KEYS, getProperty, setProperties } from '../../adapters/document-properties';
import { SHEET_NAMES } from '../../../core/model';
import { invalidateReferenceData } from '../../adapters/reference-data';
import { hourlyTriggerMap, writeHourlyTriggerMap } from '../../adapters/trigger-target';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { findTab } from '../../adapters/workbook';

const normalize = (email: string | null | undefined): string => (email ?? '').trim().toLowerCase();

/** The recorded owner (lower-cased), or null before the first setup. */
export function recordedInstallationOwner(): string | null {
  const stored = normalize(getProperty(PROPERTY_KEYS.installationOwner));
  return stored === '' ? null : stored;
}

/**
 * The Settings/Staff snapshot every trigger reads the owner from (adapters/reference-data) is voided in
 * the same write (an empty head reads as none): written apart, an execution killed between the two
 * left the snapshot naming the former owner, so the new owner's triggers retired themselves as not
 * the owner's while the former owner's went on.
 */
export function recordInstallationOwner(email: string): void {
  setProperties({
    [PROPERTY_KEYS.installationOwner]: normalize(email),
    [PROPERTY_KEYS.referenceSnapshot]: '',
  });
}

const MARKER = /Installation owner: (\S+@\S+?)\.?$/;

/** The sentence protections.ts appends to the Staff protection's description. */
export function ownerMarker(owner: string | null): string {
  return owner ? ` Installation owner: ${owner}.` : '';
}

/**
 * The owner as the Staff tab's protection names it, for executions with no document (the hourly job).
 * Null when the tab or its protection is missing: the caller then keeps the old behaviour.
 */
export function installationOwnerFromSheet(ss: Spreadsheet): string | null {
  const staff = findTab(ss, SHEET_NAMES.staff);
  const protection = staff ? sheetProtection(staff) : undefined;
  const match = protection ? MARKER.exec(protection.getDescription().trim()) : null;
  return match ? normalize(match[1]) : null;
}

/**
 * Deletes this user's Work Orders triggers for the spreadsheet (their own set, no longer the one that
 * serves it). Only the current user's triggers can be deleted by a script. Returns how many went.
 */
function retireOwnTriggers(ss: Spreadsheet, hourlyUids: readonly string[]): number {
  let removed = 0;
  for (const trigger of ownTriggersFor(ss)) {
    deleteOwnTrigger(trigger);
    removed++;
  }
  if (hourlyUids.length > 0) {
    for (const trigger of ownProjectTriggers()) {
      if (hourlyUids.includes(trigger.getUniqueId())) {
        deleteOwnTrigger(trigger);
        removed++;
      }
    }
  }
  return removed;
}

/**
 * A real form-submit or edit event holds Range and Spreadsheet objects. One forged from a browser
 * console (google.script.run) holds only what JSON can carry: no methods.
 */
function isGenuineSheetEvent(event: unknown): boolean {
  if (!event || typeof event !== 'object') return false;
  const { range, triggerUid } = event as { range?: { getSheet?: unknown }; triggerUid?: unknown };
  const hasUid = typeof triggerUid === 'string' || typeof triggerUid === 'number';
  return hasUid && typeof range === 'object' && range !== null && typeof range.getSheet === 'function';
}

/**
 * Wraps the form-submit and edit triggers: they act only on a genuine trigger event, run by the
 * installation owner's trigger. A made-up event from a console does nothing and emails nobody. A
 * trigger of a former owner (after *Take over installation*) deletes its own set and stops. Before
 * an owner is recorded (a workbook set up by an older version), the trigger's account is recorded:
 * it is the one that set the triggers up.
 */
export function asInstallationOwner<A extends unknown[]>(
  name: string,
  handler: (...args: A) => void,
  ownerCheck: 'here' | 'in handler' = 'here',
): (...args: A) => void {
  return (...args: A): void => {
    // Silently: a forged call must not cost a service call, let alone an email.
    if (!isGenuineSheetEvent(args[0])) return;
    if (ownerCheck === 'here' && !servesAsInstallationOwner(name, recordedInstallationOwner())) return;
    handler(...args);
  };
}

/**
 * True when this execution runs as the installation owner (or none is recorded yet: a workbook set
 * up by an older version, whose trigger account is then recorded). Otherwise this account's trigger
 * set is retired and the caller must stop. Intake passes the owner from its already-loaded reference
 * data, so the check costs it no extra round trip.
 */
export function servesAsInstallationOwner(name: string, owner: string | null): boolean {
  const me = effectiveUserEmail();
  if (owner === null) {
    if (me !== '') {
      recordInstallationOwner(me);
      invalidateReferenceData();
    }
    return true;
  }
  if (owner === me) return true;
  const ss = activeSpreadsheetOrNull();
  if (ss && me !== '') retireTriggerSet(ss);
  console.warn(`${name} ran as ${me || 'an unknown user'}, not as the installation owner ${owner}: retired.`);
  return false;
}

/** This user's hourly trigger uids for `ss`, and the map without them. */
function ownHourlyEntries(ss: Spreadsheet): { uids: string[]; rest: Record<string, string> } {
  const map = hourlyTriggerMap();
  const uids = Object.keys(map).filter((uid) => map[uid] === ss.getId());
  const rest = Object.fromEntries(Object.entries(map).filter(([, id]) => id !== ss.getId()));
  return { uids, rest };
}

/** Deletes this user's trigger set for `ss` (never the owner's: only its owner can delete a trigger). */
export function retireTriggerSet(ss: Spreadsheet): number {
  const { uids, rest } = ownHourlyEntries(ss);
  const removed = retireOwnTriggers(ss, uids);
  if (uids.length > 0) writeHourlyTriggerMap(rest);
  return removed;
}

/** Whether `uid` is one of this account's triggers (a console call can name any uid it likes). */
export function isOwnTrigger(uid: string | null): boolean {
  if (uid === null) return false;
  return ownProjectTriggers().some((t) => t.getUniqueId() === uid);
}

/**
 * The hourly job, which has no document, learns the owner from the Staff protection: when it names
 * another account, this account's trigger set for the spreadsheet is retired and the job does nothing.
 */
export function retiredAsFormerOwner(ss: Spreadsheet): boolean {
  const owner = installationOwnerFromSheet(ss);
  const me = effectiveUserEmail();
  if (owner === null || me === '' || owner === me) return false;
  retireTriggerSet(ss);
  console.warn(`The hourly trigger of ${me} retired: ${owner} owns this installation now.`);
  return true;
}
