/** Report: Summary — status counts, KPIs with their definitions, breakdowns, notes. */
import { SHEET_NAMES } from '../../model';
import type { ZonedCalendar } from '../../time';
import type { BreakdownRow, ReportData, ReportTab } from '../types';
import { days, hours, percent, TabBuilder } from './tab-builder';
import { appendNotes } from './notes-block';

export function summaryTab(data: ReportData, cal: ZonedCalendar): ReportTab {
  const s = data.summary;
  const total = s.values.find((v) => v.key === 'total')?.value ?? 0;
  const covers = data.range.start
    ? `Work orders requested ${cal.isoDate(data.range.start.getTime())} to ${cal.isoDate(data.range.end.getTime())} (${total} work orders)`
    : `No dated work orders in the register as of ${cal.isoDate(data.range.end.getTime())} (${total} rows)`;
  const tab = new TabBuilder(SHEET_NAMES.reportSummary).opening(builtAtLabel(data, cal), covers).blank();

  tab.heading('Work orders by status');
  const statusRows = s.statusCounts.map((c) => [c.status, c.count]);
  const byStatus = tab.table(['Status', 'Count'], statusRows);
  if (s.unknownStatus > 0) tab.line('Not a lifecycle status', s.unknownStatus);
  tab.chart('column', 'Work orders by status', [byStatus]);
  tab.blank();

  tab.heading('Open, in progress and closed');
  tab.table(
    ['Group', 'Count', 'Statuses'],
    s.groups.map((g) => [g.label, g.count, g.statuses.join(', ')]),
  );
  tab.blank();

  tab.heading(
    'Response, repair and lead times (MTTR, mean time to respond, time to approve, assign, complete and close)',
  );
  tab.table(
    [
      'KPI',
      'Mean (hours)',
      'Median (hours)',
      'Mean (days)',
      'Median (days)',
      'Orders counted',
      'Left out',
      'Definition',
    ],
    s.durations.map((d) => [
      d.label,
      hours(d.meanHours),
      hours(d.medianHours),
      days(d.meanHours),
      days(d.medianHours),
      d.count,
      d.leftOut,
      d.definition,
    ]),
  );
  tab.blank();

  tab.heading('SLA, overdue and backlog');
  tab.table(
    ['KPI', 'Value', 'Unit', 'Definition'],
    s.values.map((v) => [
      v.label,
      v.unit === 'ratio' ? percent(v.value) : (v.value ?? ''),
      v.unit === 'ratio' ? '%' : 'work orders',
      v.definition,
    ]),
  );
  breakdown(tab, 'By category', 'Category', s.byCategory);
  breakdown(tab, 'By priority', 'Priority', s.byPriority);
  breakdown(tab, 'By location', 'Location', s.byLocation);
  appendNotes(tab, data.notes);
  return tab.build();
}

function breakdown(tab: TabBuilder, title: string, keyHeader: string, rows: BreakdownRow[]): void {
  tab.blank().heading(title);
  tab.table(
    [keyHeader, 'Total', 'Open', 'Overdue', 'Completed or closed', 'On time', 'Late', 'SLA compliance (%)'],
    rows.map((r) => [
      r.key,
      r.total,
      r.open,
      r.overdue,
      r.done,
      r.slaMet,
      r.slaMissed,
      percent(r.slaCompliance),
    ]),
  );
}

export function builtAtLabel(data: ReportData, cal: ZonedCalendar): string {
  return `${cal.isoDateTime(data.builtAt.getTime())} (${data.timeZone})`;
}
