/**
 * The KPI History tab: one row per week kept, written by the hourly job's weekly step
 * (features/kpi-history/keep.ts), which decides what the row says.
 */
import { DATE_TIME_NUMBER_FORMAT } from '../../core/columns';
import { KPI_HISTORY_HEADERS, KPI_HISTORY_SHEET } from '../../core/reports/weekly';
import { isDate } from '../../core/time';
import type { Sheet, Spreadsheet } from './apps-script-types';
import { tabMade } from './tab-made';
import { trimNewTabColumns } from './tab-sizing';

const RECORDED_AT_COLUMN = KPI_HISTORY_HEADERS.indexOf('Recorded At') + 1;

/**
 * The tab, made when missing: its columns cut to the header's (every cell counts against the cell
 * limit), protected before anything is written to it (./tab-made: history nobody may retype, written
 * only by the add-on's hourly job and administrators), then the header row, bold and frozen.
 */
function historySheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(KPI_HISTORY_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(KPI_HISTORY_SHEET, ss.getNumSheets());
  trimNewTabColumns(sheet, KPI_HISTORY_HEADERS.length);
  tabMade(ss, sheet, KPI_HISTORY_SHEET);
  sheet
    .getRange(1, 1, 1, KPI_HISTORY_HEADERS.length)
    .setValues([[...KPI_HISTORY_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Writes a week's row (`cells`, its week key first): over the row already holding `weekKey`, else
 * after the last row; its Recorded At formatted as a date-time. Returns the sheet row written.
 */
export function writeKpiHistoryRow(ss: Spreadsheet, weekKey: string, cells: unknown[]): number {
  const sheet = historySheet(ss);
  const last = sheet.getLastRow();
  const weeks = last >= 2 ? sheet.getRange(2, 1, last - 1, 1).getValues() : [];
  const found = weeks.findIndex((r) => String(r[0]).trim() === weekKey);
  const row = found >= 0 ? found + 2 : Math.max(last, 1) + 1;
  sheet.getRange(row, 1, 1, cells.length).setValues([cells]);
  if (cells.some(isDate)) sheet.getRange(row, RECORDED_AT_COLUMN).setNumberFormat(DATE_TIME_NUMBER_FORMAT);
  return row;
}
