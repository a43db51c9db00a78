/**
 * What the add-on says when it finds the spreadsheet's time zone changed in File › Settings and puts
 * back the one recorded at setup. Both zone names come from Sheets (getSpreadsheetTimeZone) and the
 * add-on's own properties; they are shortened and kept on one line all the same.
 */
import { singleLine } from './sanitize';

function zoneName(zone: string): string {
  return singleLine(zone).slice(0, 64);
}

/** For the person at the keyboard (a toast) and for the administrators (Errors tab, daily email). */
export function zoneRestoredMessage(found: string, recorded: string): string {
  const was = zoneName(recorded);
  return (
    `The spreadsheet's time zone had been changed to ${zoneName(found)} (File › Settings); Work Orders ` +
    `set it back to ${was}. Every date in the register and the Change Log is kept as a time of day in ` +
    `${was}: in another zone each would read as a different moment and every work order would look ` +
    'changed outside Work Orders. Leave the time zone as it is. An edit typed into the register or a request ' +
    'submitted while it was changed was recorded with its times in the other zone: an administrator can run ' +
    'Verify audit log, which names those rows. To work in ' +
    'another time zone, make a new spreadsheet, set its time zone first (File › Settings) and in it run ' +
    'Extensions › Work Orders › Set up work orders. Keep this one for its history.'
  );
}
