/**
 * The Schedules tab: read in one call and parsed (core/schedules.ts); created by setup with its
 * header, a date format on Next Due and Last Created, and drop-downs (Category, Priority, Unit,
 * Default Technician, Active) rebuilt from Settings and Staff on every run, one rule per column.
 */
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import type { Asset } from '../../../core/assets';
import { mapHeaders } from '../../../core/headers';
import {
  SCHEDULE_COLUMNS,
  SCHEDULE_HEADER_ROW,
  SCHEDULE_UNITS,
  type ScheduleContext,
} from '../../../core/schedules';
import type { Settings } from '../../../core/settings';
import { activeTechnicians } from '../../../core/staff';
import { DATE_NUMBER_FORMAT, DATE_TIME_NUMBER_FORMAT } from '../../../core/time';
import { readHeaderRow } from '../../adapters/workbook';
import { ensureSheet } from '../setup/sheets';
import {
  applyColumnFormats,
  applyColumnLists,
  rowsBelowHeader,
  type ColumnList,
} from '../../adapters/column-rules';
import type { SetupReport } from '../setup/report';

import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

export function scheduleContext(
  settings: Settings,
  assets: readonly Asset[],
  timeZone: string,
  refusedAssets?: ReadonlyMap<string, string>,
): ScheduleContext {
  return {
    assets,
    refusedAssets,
    locations: settings.locations,
    categories: settings.categories,
    priorities: settings.priorities.map((p) => p.name),
    timeZone,
  };
}

export function applyScheduleValidation(
  sheet: Sheet,
  settings: Settings,
  staff: readonly StaffMember[],
): void {
  const layout = mapHeaders(readHeaderRow(sheet), SCHEDULE_COLUMNS);
  const rows = rowsBelowHeader(sheet);
  const lists: ColumnList[] = [
    [layout.indexOf.category, settings.categories, 'Categories are listed on the Settings tab.'],
    [
      layout.indexOf.priority,
      settings.priorities.map((p) => p.name),
      'Priorities are listed on the Settings tab.',
    ],
    [layout.indexOf.unit, SCHEDULE_UNITS, 'days, weeks or months (with Every), or weekdays (with Weekdays).'],
    [
      layout.indexOf.technician,
      activeTechnicians(staff).map((t) => t.email),
      'Active technicians from the Staff tab.',
    ],
    [layout.indexOf.active, ['TRUE', 'FALSE'], 'FALSE pauses the schedule.'],
  ];
  applyColumnLists(sheet, rows, lists);
  applyColumnFormats(sheet, rows, [
    [layout.indexOf.nextDue, DATE_NUMBER_FORMAT],
    [layout.indexOf.lastCreated, DATE_TIME_NUMBER_FORMAT],
  ]);
}

export function ensureSchedulesSheet(
  ss: Spreadsheet,
  settings: Settings,
  staff: readonly StaffMember[],
  report: SetupReport,
): void {
  const { sheet } = ensureSheet(ss, SHEET_NAMES.schedules, SCHEDULE_HEADER_ROW, report);
  applyScheduleValidation(sheet, settings, staff);
}
