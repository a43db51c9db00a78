/**
 * The spreadsheet's time zone changed in File › Settings (by a technician, or an administrator by
 * mistake): Sheets keeps every date cell as a wall clock in that zone, so each would now read as
 * another instant, every work order would be refused as changed outside Work Orders and Verify audit
 * log would find the Change Log broken. So before anything is read, judged or written, an execution
 * that finds a zone other than the one recorded at setup puts the recorded one back (nothing is
 * rewritten: the cells read as before), then tells the administrators (Errors tab, the day's email)
 * and the person at the keyboard. Before any setup recorded a zone, nothing is checked.
 */
import { zoneRestoredMessage } from '../../../core/zone-change';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { activeSpreadsheetOrNull } from '../../adapters/installation-services';
import { invalidateReferenceData } from '../../adapters/reference-data';
import { putZoneBack, readSpreadsheetZones } from '../../adapters/spreadsheet-zone';
import { reportProblem } from './report';

/**
 * One Spreadsheet read and one property read; when the zone differs, it is put back and reported.
 * Returns what was said, or null when the zone is the recorded one. `toast`: a person is at the keyboard.
 */
export function keepSpreadsheetZone(ss: Spreadsheet, source: string, toast: boolean): string | null {
  const { live, recorded } = readSpreadsheetZones(ss);
  if (recorded === null || recorded === live) return null;
  putZoneBack(ss, recorded);
  // Settings and Staff remembered under the other zone (holidays are dates) are read again.
  invalidateReferenceData();
  let message = zoneRestoredMessage(live, recorded);
  try {
    reportProblem(ss, { source, message, kind: 'repair', key: 'time-zone' });
  } catch (error) {
    // The zone is back, which is what matters; the person is asked to pass it on instead.
    console.error('Work Orders could not record the time zone it put back', error);
    message += ' Tell an administrator: Work Orders could not record it on the Errors tab.';
  }
  if (toast) ss.toast(message, 'Work Orders', 30);
  return message;
}

/**
 * Wraps an entry point that runs in the document (a menu item, a sidebar call, the form-submit
 * trigger): the zone is checked first. `toast` false where nobody is at the keyboard (a form submission).
 */
export function keepingZone<A extends unknown[], R>(
  name: string,
  handler: (...args: A) => R,
  toast = true,
): (...args: A) => R {
  return (...args: A): R => {
    const ss = eventSource(args[0]) ?? activeSpreadsheetOrNull();
    if (ss) keepSpreadsheetZone(ss, name, toast);
    return handler(...args);
  };
}

/** A trigger event's spreadsheet (e.source), which costs no call; a sidebar's arguments carry none. */
function eventSource(event: unknown): Spreadsheet | null {
  const source = typeof event === 'object' && event !== null ? (event as { source?: unknown }).source : null;
  const usable =
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { getSpreadsheetTimeZone?: unknown }).getSpreadsheetTimeZone === 'function';
  return usable ? (source as Spreadsheet) : null;
}
