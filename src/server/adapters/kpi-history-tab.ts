/**
 * The KPI History tab: one row per week kept, written by the hourly job's weekly step
 * (features/kpi-history/keep.ts), which decides what the row says.
 */
import { DATE_TIME_NUMBER_FORMAT } from '../../core/columns';
import { KPI_HISTORY_HEADERS, KPI_HISTORY_SHEET } from '../../core/reports/weekly';
import { formatLocalDate, isDate } from '../../core/time';
import type { Sheet, Spreadsheet } from './apps-script-types';
import { tabMade } from './tab-made';
import { trimNewTabColumns } from './tab-sizing';
import { setAsideName } from './tabs';

const RECORDED_AT_COLUMN = KPI_HISTORY_HEADERS.indexOf('Recorded At') + 1;

/** What tells whether the tab under the KPI History name is the one the add-on made. */
export interface FoundKpiTab {
  sheetId: number;
  /** Its header row, trimmed: every column holding something, at least as wide as the add-on's header. */
  header: string[];
}

/**
 * Makes the tab: its columns cut to the header's (every cell counts against the cell limit),
 * protected before anything is written to it (./tab-made: history nobody may retype, written only by
 * the add-on's hourly job and administrators), then the header row, bold and frozen.
 */
function makeHistorySheet(ss: Spreadsheet): Sheet {
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

/** The tab's header row, trimmed: every column holding something, at least the add-on's header's width. */
function headerOf(sheet: Sheet): string[] {
  // Never past the sheet's edge (a range outside it throws).
  const columns = Math.min(
    sheet.getMaxColumns(),
    Math.max(KPI_HISTORY_HEADERS.length, sheet.getLastColumn()),
  );
  const header = columns < 1 ? [] : (sheet.getRange(1, 1, 1, columns).getValues()[0] ?? []);
  return header.map((h) => String(h).trim());
}

/** The tab under the KPI History name as take-over finds it: its sheet id and header; null when none. */
export function kpiHistoryTabAsFound(ss: Spreadsheet): { sheetId: number; header: string[] } | null {
  const sheet = ss.getSheetByName(KPI_HISTORY_SHEET);
  return sheet ? { sheetId: sheet.getSheetId(), header: headerOf(sheet) } : null;
}

/** How the writer tells the add-on's tab from another under its name, and records the one it makes. */
export interface KpiTabJudge {
  isTheAddOns: (found: FoundKpiTab) => boolean;
  /** Called as soon as a tab is made, before its row is written (a run stopped between the two still knows it). */
  made: (sheetId: number) => void;
}

/**
 * The tab the week's row goes to: the one under the name when the judge says it is the add-on's, else
 * a new one, the other renamed out of the way with a note saying why (its rows stay, as whoever made
 * them wrote them). Returns the sheet and the name given to a tab set aside, if one was.
 */
function historySheet(
  ss: Spreadsheet,
  judge: KpiTabJudge,
  now: Date,
): { sheet: Sheet; setAside: string | null } {
  const made = (): Sheet => {
    const sheet = makeHistorySheet(ss);
    judge.made(sheet.getSheetId());
    return sheet;
  };
  const existing = ss.getSheetByName(KPI_HISTORY_SHEET);
  if (!existing) return { sheet: made(), setAside: null };
  if (judge.isTheAddOns({ sheetId: existing.getSheetId(), header: headerOf(existing) }))
    return { sheet: existing, setAside: null };
  const aside = setAsideName(ss, KPI_HISTORY_SHEET);
  existing.setName(aside);
  existing
    .getRange(1, 1)
    .setNote(
      `Renamed by Work Orders on ${formatLocalDate(now, ss.getSpreadsheetTimeZone())}: this tab was not made by the add-on's hourly ` +
        `job, so its rows are not the KPI history the add-on kept. The weeks are kept on the ${KPI_HISTORY_SHEET} tab.`,
    );
  return { sheet: made(), setAside: aside };
}

/**
 * Writes a week's row (`cells`, its week key first): over the row already holding `weekKey`, else
 * after the last row; its Recorded At formatted as a date-time. Returns the sheet row written, the
 * tab's sheet id (to recognize it next week) and the name of a tab set aside.
 */
export function writeKpiHistoryRow(
  ss: Spreadsheet,
  weekKey: string,
  cells: unknown[],
  judge: KpiTabJudge,
  now: Date,
): { row: number; sheetId: number; setAside: string | null } {
  const { sheet, setAside } = historySheet(ss, judge, now);
  const last = sheet.getLastRow();
  const weeks = last >= 2 ? sheet.getRange(2, 1, last - 1, 1).getValues() : [];
  const found = weeks.findIndex((r) => String(r[0]).trim() === weekKey);
  const row = found >= 0 ? found + 2 : Math.max(last, 1) + 1;
  sheet.getRange(row, 1, 1, cells.length).setValues([cells]);
  if (cells.some(isDate)) sheet.getRange(row, RECORDED_AT_COLUMN).setNumberFormat(DATE_TIME_NUMBER_FORMAT);
  return { row, sheetId: sheet.getSheetId(), setAside };
}
