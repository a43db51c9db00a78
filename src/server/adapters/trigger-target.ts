import { HOURLY_TRIGGER_MAP, ownerProperties } from './owner-state';
import type { Spreadsheet } from './apps-script-types';

/** The owner's map of hourly trigger uid → spreadsheet id (written by setup's ensureTriggers). */
export function hourlyTriggerMap(): Record<string, string> {
  const stored = ownerProperties().getProperty(HOURLY_TRIGGER_MAP);
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function writeHourlyTriggerMap(map: Readonly<Record<string, string>>): void {
  ownerProperties().setProperty(HOURLY_TRIGGER_MAP, JSON.stringify(map));
}

/** The trigger uid an installable trigger's event carries, or null. */
export function triggerUidOf(event: unknown): string | null {
  if (!event || typeof event !== 'object') return null;
  const uid = (event as { triggerUid?: unknown }).triggerUid;
  return typeof uid === 'string' || typeof uid === 'number' ? String(uid) : null;
}

/** The spreadsheet id an hourly trigger works on, or null when the map does not know the trigger. */
export function spreadsheetIdOfTrigger(triggerUid: string): string | null {
  return hourlyTriggerMap()[triggerUid] ?? null;
}

/** True when this user's hourly-trigger map lists the spreadsheet: they own its triggers and its owner state. */
export function ownsHourlyJob(spreadsheetId: string): boolean {
  return Object.values(hourlyTriggerMap()).includes(spreadsheetId);
}

/**
 * The spreadsheet an execution works on: the active one, or (time-driven trigger, no document) the one
 * the trigger is mapped to. Null when neither is known.
 */
export function spreadsheetOfExecution(event: unknown): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const uid = triggerUidOf(event);
  const id = uid === null ? null : spreadsheetIdOfTrigger(uid);
  return id === null ? null : SpreadsheetApp.openById(id);
}
