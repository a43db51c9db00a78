/**
 * The cost report's data: the Time and Parts Used tabs and the Staff tab's rates, read once each, the
 * rows the add-on did not write left out (and counted in the tab's notes).
 */
import { PARTS_SHEET, TIME_SHEET, parsePartRows, parseTimeRows } from '../../../core/labour';
import { ratesFrom } from '../../../core/labour-rates';
import { SHEET_NAMES, type WorkOrder } from '../../../core/model';
import { costTab } from '../../../core/reports/cost';
import type { ReportTab } from '../../../core/reports/types';
import { ZonedCalendar } from '../../../core/time';
import { addonKey } from '../../adapters/addon-secret';
import type { ReferenceData } from '../../adapters/reference-data';
import { readTabValues } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function costReportTab(
  ss: Spreadsheet,
  reference: ReferenceData,
  orders: readonly WorkOrder[],
  now: Date,
): ReportTab {
  const key = addonKey(ss.getId());
  const time = parseTimeRows(readTabValues(ss, TIME_SHEET) ?? [], key);
  const parts = parsePartRows(readTabValues(ss, PARTS_SHEET) ?? [], key);
  const { settings } = reference;
  const rates = ratesFrom(readTabValues(ss, SHEET_NAMES.staff) ?? [], settings.defaultHourlyRate);
  const notes = [...rates.problems];
  for (const [count, tab] of [
    [time.unsealed, TIME_SHEET],
    [parts.unsealed, PARTS_SHEET],
  ] as const) {
    if (count > 0)
      notes.push(
        `${count} row(s) of the ${tab} tab were typed or changed by hand (their seal does not verify) and are left out`,
      );
  }
  return costTab({
    orders,
    time: time.entries,
    parts: parts.entries,
    rates,
    estimatePerOrder: settings.estimatedHoursPerOrder,
    capacityPerWeek: settings.crewHoursPerWeek,
    // As the other report tabs say it: with the zone.
    builtAt: `${new ZonedCalendar(reference.timeZone).isoDateTime(now.getTime())} (${reference.timeZone})`,
    names: new Map(reference.staff.map((m) => [m.email.trim().toLowerCase(), m.name])),
    notes,
  });
}
