/**
 * The weekly KPI snapshot: one dated row per ISO week, kept by the hourly job on the KPI History tab
 * (the report tabs are rebuilt each time; this is the record of how the figures moved), and the
 * summary emailed to managers. The figures are the report's own, over the orders whose milestone
 * falls in the week, so a row and a report built over the same data agree.
 */
import type { StaffMember } from '../model';
import { roleMay } from '../permissions';
import { escapeHtml } from '../sanitize';
import { addCalendarDays, formatLocal, isoDate, isoWeekOf, ZonedCalendar } from '../time';
import { factsOf } from './compute';
import { DEFINITIONS } from './definitions';
import { durationKpis } from './durations';
import { SkipNotes } from './notes';
import { countBelow, ratio } from './stats';
import type { DurationKpi, ReportInput } from './types';

export const KPI_HISTORY_SHEET = 'KPI History';

/** A finished ISO week in the spreadsheet's zone: [start, end). */
export interface KpiWeek {
  /** "2026-W48": the key the hourly job records, in its own state, once the row is kept. */
  key: string;
  /** Monday and Sunday, YYYY-MM-DD. */
  from: string;
  to: string;
  start: number;
  end: number;
}

/** The last whole ISO week before `now` (the week that ended at the most recent Monday 00:00 local). */
export function previousWeek(now: Date, timeZone: string): KpiWeek {
  const cal = new ZonedCalendar(timeZone);
  const thisMonday = isoWeekOf(cal.local(now.getTime())).monday;
  const monday = addCalendarDays(thisMonday, -7);
  return {
    key: isoWeekOf(monday).key,
    from: isoDate(monday),
    to: isoDate(addCalendarDays(monday, 6)),
    start: cal.startOfDay(monday),
    end: cal.startOfDay(thisMonday),
  };
}

export interface KpiSnapshot {
  week: KpiWeek;
  recordedAt: Date;
  created: number;
  completed: number;
  closed: number;
  /** Rejected or cancelled in the week. */
  withdrawn: number;
  /** Not yet Closed, Rejected or Cancelled at the end of the week. */
  backlogEnd: number;
  /** Overdue when the snapshot was taken. */
  overdueNow: number;
  slaMet: number;
  slaMissed: number;
  /** slaMet / (slaMet + slaMissed) for orders completed in the week, null when none had a due date. */
  slaCompliance: number | null;
  /** Means in hours over the orders whose end milestone is in the week (null when none). */
  respondHours: number | null;
  assignHours: number | null;
  repairHours: number | null;
  completeHours: number | null;
}

export function weekSnapshot(input: ReportInput, week: KpiWeek): KpiSnapshot {
  const { facts } = factsOf(input, new SkipNotes());
  const inWeek = (t: number) => t >= week.start && t < week.end;
  const out = { created: 0, completed: 0, closed: 0, withdrawn: 0, overdueNow: 0, slaMet: 0, slaMissed: 0 };
  const requested: number[] = [];
  const exits: number[] = [];
  for (const f of facts) {
    if (inWeek(f.requested)) out.created++;
    if (f.done && inWeek(f.completed)) {
      out.completed++;
      if (f.sla === 'met') out.slaMet++;
      if (f.sla === 'missed') out.slaMissed++;
    }
    if (inWeek(f.exit)) {
      if (f.status === 'Closed') out.closed++;
      else out.withdrawn++;
    }
    if (f.overdue) out.overdueNow++;
    if (!Number.isNaN(f.requested)) {
      requested.push(f.requested);
      if (!Number.isNaN(f.exit)) exits.push(f.exit);
    }
  }
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const durations = durationKpis(facts, null, week);
  const mean = (key: DurationKpi['key']) => durations.find((d) => d.key === key)?.meanHours ?? null;
  return {
    week,
    recordedAt: new Date(input.now.getTime()),
    ...out,
    backlogEnd: countBelow(sorted(requested), week.end) - countBelow(sorted(exits), week.end),
    slaCompliance: ratio(out.slaMet, out.slaMet + out.slaMissed),
    respondHours: mean('respond'),
    assignHours: mean('assign'),
    repairHours: mean('repair'),
    completeHours: mean('complete'),
  };
}

export const KPI_HISTORY_HEADERS = [
  'Week',
  'From',
  'To',
  'Recorded At',
  'Created',
  'Completed',
  'Closed',
  'Rejected or cancelled',
  'Backlog (end of week)',
  'Overdue (when recorded)',
  'Completed on time',
  'Completed late',
  'SLA compliance (%)',
  'Mean time to respond (h)',
  'Time to assign (mean h)',
  'MTTR (h)',
  'Time to complete (mean h)',
] as const;

/** Whether `header` (a tab's first row, trimmed) is the KPI History header, with nothing beside it. */
export function hasKpiHistoryHeader(header: readonly string[]): boolean {
  const width = KPI_HISTORY_HEADERS.length;
  return KPI_HISTORY_HEADERS.every((h, i) => header[i] === h) && header.slice(width).every((h) => h === '');
}

/** The owner's record of the KPI History tab when the job has kept weeks but made no tab yet. */
export const NO_KPI_TAB = 'none';

/**
 * Whether the tab under the KPI History name is the one the hourly job writes: its header is the
 * add-on's, and its sheet id the one the job recorded for it (`recordedId`; NO_KPI_TAB while the job
 * has made none, so any tab there was made by someone else). Any editor can add a tab under that name
 * before the job makes its own, type weeks of figures into it under headers of their choosing, and have
 * the job's protection make them look like the add-on's history. With nothing recorded, the tab is
 * taken only when the job has kept a week before (`keptBefore`: it made the tab before it recorded
 * ids); a tab found on the first week it keeps is someone else's.
 */
export function isKpiHistoryTab(
  found: { sheetId: number; header: readonly string[] },
  recordedId: string | null,
  keptBefore: boolean,
): boolean {
  if (!hasKpiHistoryHeader(found.header)) return false;
  if (recordedId !== null) return recordedId === String(found.sheetId);
  return keptBefore;
}

const round2 = (h: number | null): number | '' => (h === null ? '' : Math.round(h * 100) / 100);

/** The KPI History row of a snapshot (Week, From and To as text the sheet keeps as typed). */
export function snapshotRow(s: KpiSnapshot): (string | number | Date)[] {
  return [
    s.week.key,
    s.week.from,
    s.week.to,
    s.recordedAt,
    s.created,
    s.completed,
    s.closed,
    s.withdrawn,
    s.backlogEnd,
    s.overdueNow,
    s.slaMet,
    s.slaMissed,
    s.slaCompliance === null ? '' : Math.round(s.slaCompliance * 1000) / 10,
    round2(s.respondHours),
    round2(s.assignHours),
    round2(s.repairHours),
    round2(s.completeHours),
  ];
}

/** Who the weekly summary is for: active staff the permission table gives `receiveWeeklySummary`. */
export function managerEmails(staff: readonly StaffMember[]): string[] {
  return staff.filter((m) => m.active && roleMay(m.role, 'receiveWeeklySummary')).map((m) => m.email);
}

export interface WeeklySummaryEmail {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
}

/** The managers' weekly summary: the week's row in words, with what each KPI means. */
export function composeWeeklySummary(
  s: KpiSnapshot,
  options: { to: string[]; organizationName: string; link: string; timeZone: string },
): WeeklySummaryEmail {
  const h = (v: number | null) => (v === null ? 'no data' : `${round2(v)} h`);
  const lines: [string, string, string][] = [
    ['Created', String(s.created), 'requests received in the week'],
    ['Completed', String(s.completed), 'work orders completed in the week'],
    ['Closed', String(s.closed), 'signed off in the week'],
    ['Rejected or cancelled', String(s.withdrawn), 'requests rejected and work orders cancelled in the week'],
    ['Backlog at the end of the week', String(s.backlogEnd), DEFINITIONS.backlog],
    ['Overdue now', String(s.overdueNow), DEFINITIONS.overdue],
    [
      'SLA compliance',
      s.slaCompliance === null
        ? 'no data'
        : `${Math.round(s.slaCompliance * 1000) / 10} % (${s.slaMet} on time, ${s.slaMissed} late)`,
      DEFINITIONS.slaCompliance,
    ],
    ['Mean time to respond', h(s.respondHours), DEFINITIONS.respond],
    ['Time to assign (mean)', h(s.assignHours), DEFINITIONS.assign],
    ['MTTR (mean time to repair)', h(s.repairHours), DEFINITIONS.repair],
    ['Time to complete (mean)', h(s.completeHours), DEFINITIONS.complete],
  ];
  const title = `Week ${s.week.key} (${s.week.from} to ${s.week.to})`;
  const footer = `Recorded ${formatLocal(s.recordedAt, options.timeZone)} on the ${KPI_HISTORY_SHEET} tab: ${options.link}`;
  const body = [
    `${title}:`,
    '',
    ...lines.map(([label, value]) => `${label}: ${value}`),
    '',
    'What the figures mean:',
    ...lines.map(([label, , meaning]) => `- ${label}: ${meaning}`),
    '',
    footer,
  ].join('\n');
  const rows = lines
    .map(
      ([label, value, meaning]) =>
        `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td><td><small>${escapeHtml(meaning)}</small></td></tr>`,
    )
    .join('');
  return {
    to: options.to,
    subject: `[${options.organizationName}] Weekly KPIs: ${title}`,
    body,
    htmlBody: `<p>${escapeHtml(title)}</p><table>${rows}</table><p>${escapeHtml(footer)}</p>`,
  };
}
