/** Report: Trends — weekly and monthly created / completed / closed / backlog, overall and by key. */
import { SHEET_NAMES } from '../../model';
import { DEFINITIONS } from '../definitions';
import type { ZonedCalendar } from '../../time';
import type { Cell, ReportData, ReportTab, TrendPoint, TrendSeries } from '../types';
import { appendNotes } from './notes-block';
import { builtAtLabel } from './summary-tab';
import { column, columns, TabBuilder } from './tab-builder';

/** "1 week", "4 weeks". */
const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

const MEASURES = ['Created', 'Completed', 'Closed', 'Rejected or cancelled', 'Backlog (end)'];

export function trendsTab(data: ReportData, cal: ZonedCalendar): ReportTab {
  const { weekly, monthly } = data.trends;
  const end = cal.isoDate(data.range.end.getTime());
  const lastLabel = (s: TrendSeries) => s.periods[s.periods.length - 1]?.label ?? end;
  const covers =
    `${count(weekly.periods.length, 'week')} from ${weekly.periods[0]?.label ?? end} to the week of ${lastLabel(weekly)}; ` +
    `${count(monthly.periods.length, 'month')} from ${monthly.periods[0]?.label ?? end} to ${lastLabel(monthly)} ` +
    `(the data's own range, as of ${end})`;
  const tab = new TabBuilder(SHEET_NAMES.reportTrends).opening(builtAtLabel(data, cal), covers).blank();

  tab.heading('Per week (weeks start on Monday)');
  const week = tab.table(['Week', ...MEASURES], rows(weekly));
  // A line needs two points: data of a single week is drawn as columns, which show one period.
  const shape = weekly.periods.length > 1 ? 'line' : 'column';
  tab.chart(shape, 'Created vs completed per week', [columns(week, 1, 3)]);
  tab.chart(shape, 'Open backlog per week', [column(week, 1), column(week, 6)]);
  tab.blank().heading('Per month');
  const month = tab.table(['Month', ...MEASURES], rows(monthly));
  tab.chart('column', 'Created vs completed per month', [columns(month, 1, 3)]);

  byKey(tab, 'Per week by category', 'Category', 'Week', weekly, weekly.byCategory);
  byKey(tab, 'Per month by category', 'Category', 'Month', monthly, monthly.byCategory);
  byKey(tab, 'Per week by priority', 'Priority', 'Week', weekly, weekly.byPriority);
  byKey(tab, 'Per month by priority', 'Priority', 'Month', monthly, monthly.byPriority);

  tab.blank().heading('Definitions');
  tab.line(DEFINITIONS.trendColumns);
  tab.line(DEFINITIONS.trendBacklog);
  tab.line(DEFINITIONS.trendRange);
  appendNotes(tab, data.notes);
  return tab.build();
}

function measures(p: TrendPoint): Cell[] {
  return [p.created, p.completed, p.closed, p.withdrawn, p.backlog];
}

function rows(series: TrendSeries): Cell[][] {
  return series.periods.map((period, i) => {
    const p = series.total[i];
    return [period.label, ...(p ? measures(p) : [])];
  });
}

/** Long format (one row per key and period) so the block can be filtered and pivoted in Sheets. */
function byKey(
  tab: TabBuilder,
  title: string,
  keyHeader: string,
  periodHeader: string,
  series: TrendSeries,
  groups: { key: string; points: TrendPoint[] }[],
): void {
  const body: Cell[][] = [];
  for (const g of groups) {
    series.periods.forEach((period, i) => {
      const p = g.points[i];
      if (p) body.push([g.key, period.label, ...measures(p)]);
    });
  }
  tab.blank().heading(title);
  tab.table([keyHeader, periodHeader, ...MEASURES], body);
}
