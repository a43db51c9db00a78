/** reportTables: the three report tabs, each one rectangular block plus the charts that read it. */
import { ZonedCalendar } from '../../time';
import type { ReportData, ReportTab } from '../types';
import { bottlenecksTab } from './bottlenecks-tab';
import { summaryTab } from './summary-tab';
import { trendsTab } from './trends-tab';

export function reportTables(data: ReportData): ReportTab[] {
  const cal = new ZonedCalendar(data.timeZone);
  return [summaryTab(data, cal), trendsTab(data, cal), bottlenecksTab(data, cal)];
}
