/** Report: Bottlenecks — time in status (On Hold apart), aging, technicians, the overdue list. */
import { SHEET_NAMES } from '../../model';
import { DEFINITIONS } from '../definitions';
import type { ZonedCalendar } from '../../time';
import type { Cell, ReportData, ReportTab, StatusTime } from '../types';
import { appendNotes } from './notes-block';
import { builtAtLabel } from './summary-tab';
import { column, columns, hours, round, TabBuilder } from './tab-builder';

const TIME_HEADER = ['Status', 'Orders', 'Stays', 'Mean (hours)', 'Median (hours)', 'Total (hours)'];
/** Descriptions can be long; the overdue list is for scanning, the register has the full text. */
const DESCRIPTION_CHARS = 200;

export function bottlenecksTab(data: ReportData, cal: ZonedCalendar): ReportTab {
  const b = data.bottlenecks;
  const end = cal.isoDate(data.range.end.getTime());
  const log = data.changeLogRange;
  const covers =
    (log.start && log.end
      ? `Status changes ${cal.isoDate(log.start.getTime())} to ${cal.isoDate(log.end.getTime())}`
      : 'No status changes in the change log') + `; open work as of ${end}`;
  const tab = new TabBuilder(SHEET_NAMES.reportBottlenecks).opening(builtAtLabel(data, cal), covers).blank();

  tab.heading('Time in status (On Hold shown apart)');
  const times = tab.table(TIME_HEADER, b.timeInStatus.map(timeRow));
  tab.chart('bar', 'Mean hours in each status', [column(times, 1), column(times, 4)]);
  tab.line(DEFINITIONS.timeInStatus);
  tab.blank().heading('Time on hold (shown apart)');
  tab.table(TIME_HEADER, [timeRow(b.onHold)]);
  tab.line(DEFINITIONS.onHold);
  tab.blank().heading('Returned for rework');
  tab.table(['Returns', 'Work orders'], [[b.returns.transitions, b.returns.orders]]);
  tab.line(DEFINITIONS.returns);

  tab.blank().heading('Aging of open work');
  const statuses = b.aging[0]?.byStatus.map((s) => s.status) ?? [];
  const aging = tab.table(
    ['Age', 'Total', ...statuses],
    b.aging.map((a) => [a.label, a.total, ...a.byStatus.map((s) => s.count)]),
  );
  if (b.agingUnknown > 0) tab.line('Unknown age', b.agingUnknown);
  tab.chart('column', 'Open work by age', [columns(aging, 1, 2)]);
  tab.line(DEFINITIONS.aging);

  tab.blank().heading('Technicians');
  const techs = tab.table(
    [
      'Technician',
      'Email',
      'Assigned',
      'In Progress',
      'On Hold',
      'Load',
      'Overdue',
      'Awaiting closure',
      `Completed (last ${data.technicianWeeks} weeks)`,
      'Completed (all time)',
      'Median hours to complete',
    ],
    b.technicians.map((t) => [
      t.name || t.email,
      t.email,
      t.assigned,
      t.inProgress,
      t.onHold,
      t.load,
      t.overdue,
      t.awaitingClose,
      t.completedInWindow,
      t.completedAllTime,
      hours(t.medianHoursToComplete),
    ]),
  );
  tab.chart('column', 'Load per technician', [column(techs, 1), column(techs, 6)]);
  tab.line(DEFINITIONS.technicians);

  const overdueTotal = b.overdue.length + b.overdueNotListed;
  tab.blank().heading(`Overdue work orders (${overdueTotal})`);
  tab.table(
    [
      'WO Number',
      'Request ID',
      'Status',
      'Priority',
      'Category',
      'Location',
      'Assignee',
      'Due',
      'Days overdue',
      'Description',
    ],
    b.overdue.map((o): Cell[] => [
      o.woNumber,
      o.id,
      o.status,
      o.priority,
      o.category,
      o.location,
      o.assignee,
      o.due,
      round(o.daysOverdue, 1),
      clip(o.description),
    ]),
  );
  if (b.overdueNotListed > 0)
    tab.line(`${b.overdueNotListed} more overdue work orders are not listed (oldest due first).`);
  tab.line(DEFINITIONS.overdue);
  appendNotes(tab, data.notes);
  return tab.build();
}

function timeRow(t: StatusTime): Cell[] {
  return [t.status, t.orders, t.visits, hours(t.meanHours), hours(t.medianHours), hours(t.totalHours)];
}

function clip(text: string): string {
  return text.length > DESCRIPTION_CHARS ? `${text.slice(0, DESCRIPTION_CHARS - 1)}…` : text;
}
