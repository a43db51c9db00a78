/**
 * A spreadsheet's time zone changed (Spreadsheet.setSpreadsheetTimeZone, or an editor in File ›
 * Settings). Sheets keeps a date cell as a serial number, a wall-clock reading in the spreadsheet's
 * zone (Google's "Date and number formats" help; the Sheets API's serial "counts the days since
 * December 30, 1899", with no zone of its own): the cells keep showing the same wall clock, and Apps
 * Script reads each of them as a different instant afterwards. This model stores instants, so each
 * date cell is moved to the instant that reads as the same wall clock in the new zone.
 *
 * Not converted: dates inside data-validation and conditional-format criteria (kept as instants).
 */
import { zonedFields, zonedToDate } from '../time-zone';
import type { SpreadsheetModel } from './spreadsheet-model';

export function changeSpreadsheetTimeZone(model: SpreadsheetModel, timeZone: string): void {
  const from = model.timeZone;
  model.timeZone = timeZone;
  if (from === timeZone) return;
  for (const sheet of model.sheetModels()) {
    for (const row of sheet.values.rows) {
      if (!row) continue;
      row.forEach((value, c) => {
        if (value instanceof Date) row[c] = sameWallClock(value, from, timeZone);
      });
    }
  }
}

/** The instant whose wall clock in `to` is the one `date` shows in `from` (milliseconds kept). */
function sameWallClock(date: Date, from: string, to: string): Date {
  if (Number.isNaN(date.getTime())) return date;
  const f = zonedFields(date, from);
  const moved = zonedToDate(f.year, f.month, f.day, f.hour, f.minute, f.second, to);
  return new Date(moved.getTime() + f.millisecond);
}
