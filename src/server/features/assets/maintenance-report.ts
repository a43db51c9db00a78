/** Report: Maintenance, built with the other report tabs from the orders they read and the Assets tab. */
import type { WorkOrder } from '../../../core/model';
import { computeMaintenance, maintenanceTab } from '../../../core/reports/maintenance';
import type { ReportTab } from '../../../core/reports';
import { ZonedCalendar } from '../../../core/time';
import type { ReferenceData } from '../../adapters/reference-data';
import { readAssets } from './assets-tab';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function maintenanceReportTab(
  ss: Spreadsheet,
  reference: ReferenceData,
  orders: readonly WorkOrder[],
  now: Date,
): ReportTab {
  const assets = readAssets(ss, reference.settings).assets;
  const data = computeMaintenance({ orders, assets, now, timeZone: reference.timeZone });
  return maintenanceTab(data, new ZonedCalendar(reference.timeZone));
}
