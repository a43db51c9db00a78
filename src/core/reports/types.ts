/**
 * The shape of everything the report tabs show. Pure data: numbers (durations in hours, ratios 0..1),
 * counts, Dates and labels. `computeReports` builds it; `reportTables` lays it out for the sheet.
 */
import type { ChangeLogEntry, StaffMember, Status, WorkOrder } from '../model';

export interface ReportInput {
  orders: readonly WorkOrder[];
  changes: readonly ChangeLogEntry[];
  now: Date;
  /** IANA time zone (the spreadsheet's): weeks start on Monday 00:00 there, months on the 1st. */
  timeZone: string;
  /** Number of weekly buckets, the current week included (default 26). */
  weeks?: number;
  /** Number of monthly buckets, the current month included (default 12). */
  months?: number;
  /** Staff list, used only to show technicians' names beside their emails. */
  staff?: readonly StaffMember[];
}

/** Mean and median of one duration KPI, over the orders that had both dates. */
export interface DurationStat {
  /** Orders that contributed a duration. */
  count: number;
  meanHours: number | null;
  medianHours: number | null;
  totalHours: number;
}

export interface DurationKpi extends DurationStat {
  key: 'respond' | 'approve' | 'assign' | 'repair' | 'complete' | 'close';
  label: string;
  definition: string;
  /** Orders that should have counted but had a missing, malformed or inconsistent date. */
  leftOut: number;
}

export interface ValueKpi {
  key: 'slaCompliance' | 'slaMet' | 'slaMissed' | 'slaNoDue' | 'overdue' | 'backlog' | 'total';
  label: string;
  /** A count, or a ratio 0..1 for compliance (null when nothing to measure). */
  value: number | null;
  unit: 'count' | 'ratio';
  definition: string;
}

export interface StatusGroupCount {
  label: string;
  statuses: readonly Status[];
  count: number;
}

/** One row of a "by category / priority / location" breakdown. */
export interface BreakdownRow {
  key: string;
  total: number;
  open: number;
  overdue: number;
  /** Completed or Closed. */
  done: number;
  slaMet: number;
  slaMissed: number;
  /** slaMet / (slaMet + slaMissed), null when no completed order had a due date. */
  slaCompliance: number | null;
}

export interface SummaryData {
  statusCounts: { status: Status; count: number }[];
  /** Rows whose Status is not one of the lifecycle's statuses. */
  unknownStatus: number;
  groups: StatusGroupCount[];
  durations: DurationKpi[];
  values: ValueKpi[];
  byCategory: BreakdownRow[];
  byPriority: BreakdownRow[];
  byLocation: BreakdownRow[];
}

/** A calendar period in the report's time zone: [start, end). */
export interface Period {
  /** ISO date of the first day (weeks: the Monday) or YYYY-MM for months. */
  label: string;
  start: Date;
  end: Date;
}

export interface TrendPoint {
  created: number;
  completed: number;
  closed: number;
  /** Rejected or Cancelled within the period: with `closed` and `created` this explains the backlog. */
  withdrawn: number;
  /** Open backlog at the end of the period (at `now` for the current one). */
  backlog: number;
}

export interface TrendSeries {
  periods: Period[];
  total: TrendPoint[];
  byCategory: { key: string; points: TrendPoint[] }[];
  byPriority: { key: string; points: TrendPoint[] }[];
}

export interface TrendsData {
  weekly: TrendSeries;
  monthly: TrendSeries;
}

export interface StatusTime {
  status: Status;
  /** Orders that spent time in the status. */
  orders: number;
  /** Separate stays (a reopened order visits In Progress more than once). */
  visits: number;
  /** Per order: the order's total time in the status. */
  meanHours: number | null;
  medianHours: number | null;
  totalHours: number;
}

export interface AgingBucket {
  label: string;
  /** Lower bound in days, included. */
  fromDays: number;
  /** Upper bound in days, excluded; null for the last bucket. */
  toDays: number | null;
  total: number;
  byStatus: { status: Status; count: number }[];
}

export interface OverdueItem {
  id: string;
  woNumber: string;
  status: Status;
  priority: string;
  category: string;
  location: string;
  assignee: string;
  description: string;
  due: Date;
  daysOverdue: number;
}

export interface TechnicianRow {
  email: string;
  name: string;
  assigned: number;
  inProgress: number;
  onHold: number;
  /** Assigned + In Progress + On Hold. */
  load: number;
  overdue: number;
  awaitingClose: number;
  /** Completed or Closed with Completed At inside the weekly window. */
  completedInWindow: number;
  completedAllTime: number;
  medianHoursToComplete: number | null;
}

export interface BottlenecksData {
  /** Every open, non-final status except On Hold, in lifecycle order. */
  timeInStatus: StatusTime[];
  /** On Hold is waiting on something outside the team: shown apart so it does not hide the real queues. */
  onHold: StatusTime;
  /** Completed → In Progress transitions in the change log (work returned for rework). */
  returns: { transitions: number; orders: number };
  aging: AgingBucket[];
  /** Open orders whose age is unknown (no usable Requested At). */
  agingUnknown: number;
  overdue: OverdueItem[];
  /** Overdue orders beyond the list's cap. */
  overdueNotListed: number;
  technicians: TechnicianRow[];
}

export interface ReportData {
  builtAt: Date;
  /** Weeks up to the build time over which each technician's recent completions are counted. */
  technicianWeeks: number;
  timeZone: string;
  /** Earliest usable Requested At .. now; start is null for an empty register. */
  range: { start: Date | null; end: Date };
  /** Earliest and latest usable change-log time (Status rows), null when there are none. */
  changeLogRange: { start: Date | null; end: Date | null };
  summary: SummaryData;
  trends: TrendsData;
  bottlenecks: BottlenecksData;
  /** Plain-language notes on rows left out of a figure, and why. */
  notes: string[];
}

export type Cell = string | number | Date;

/** A sub-range of a tab, 1-based, header row included. */
export interface TabRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ChartSpec {
  type: 'line' | 'column' | 'bar';
  title: string;
  /** Ranges fed to the chart, in order; the first column of the first range is the domain. */
  ranges: TabRange[];
  /** Where to place the chart's top-left corner (1-based row and column of the tab). */
  anchor: { row: number; col: number };
}

export interface ReportTab {
  name: string;
  /** Rectangular: every row has the same length, ready for one setValues. */
  values: Cell[][];
  /** 1-based rows that are titles or column headers (for bold formatting). */
  headerRows: number[];
  charts: ChartSpec[];
}
