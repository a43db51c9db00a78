/**
 * What the Settings tab configures, with defaults. The sheet layout and its parsing are in ./settings.
 */
import * as z from './validator';
import { cleanRecipients } from './email-format';
import { DEFAULT_BUSINESS_HOURS, parseHolidays, parseWorkingDays, parseWorkingHours } from './business-time';

export const COMPLETE_UNITS = ['end of day', 'hours', 'business days', 'business hours', 'days'] as const;
export type CompleteUnit = (typeof COMPLETE_UNITS)[number];

export interface PriorityRule {
  /** As shown in the Priority column and drop-down, e.g. "P1 Emergency". */
  name: string;
  /** Hours within which a request of this priority should be decided; null = no target. */
  respondHours: number | null;
  /**
   * With `completeUnit`: "end of day" = end of the local day N days later (0 = same day); "hours" =
   * elapsed hours; "business days" = N working days' worth of working hours (Working Days, Working
   * Hours and Holidays settings, in the spreadsheet's zone); "business hours" = N working hours;
   * "days" = calendar days. A priority on a business unit also counts its Respond Within in working
   * hours, and the time it waits On Hold in working hours.
   */
  completeWithin: number;
  completeUnit: CompleteUnit;
}

export const PriorityRuleSchema = z.lazySchema(() =>
  z
    .object({
      name: z.string().check(z.trim(), z.minLength(1)),
      respondHours: z.nullable(z.number().check(z.nonnegative())),
      completeWithin: z.number().check(z.nonnegative()),
      completeUnit: z.enum(COMPLETE_UNITS),
    })
    .check(
      z.refine((r) => r.completeUnit === 'hours' || Number.isInteger(r.completeWithin), {
        error: 'days must be a whole number',
        path: ['completeWithin'],
      }),
    ),
);

/** Scalar settings (the Setting | Value | Description table). */
export const SCALAR_SETTINGS_SCHEMA = z.lazySchema(() =>
  z.object({
    organizationName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    retentionDays: z.int().check(z.gte(1), z.lte(36_500)),
    notifyRequestor: z.boolean(),
    notifyAssignee: z.boolean(),
    notifySupervisors: z.boolean(),
    dailyDigest: z.boolean(),
    digestHour: z.int().check(z.gte(0), z.lte(23)),
    reminderHoursBeforeDue: z.number().check(z.gte(0), z.lte(24 * 365)),
    escalateAfterOverdueHours: z.number().check(z.gte(0), z.lte(24 * 365)),
    replyTo: z.string().check(
      z.trim(),
      z.toLowerCase(),
      z.maxLength(254),
      z.refine((v) => v === '' || cleanRecipients([v]).length === 1, {
        message: 'an email address, or empty',
      }),
    ),
    // Business time (core/business-time.ts): the clock of business-day SLAs and of time On Hold.
    workingDays: z.string().check(
      z.trim(),
      z.refine((v) => parseWorkingDays(v) !== null, { message: 'working days such as Mon-Fri' }),
    ),
    workingHours: z.string().check(
      z.trim(),
      z.refine((v) => parseWorkingHours(v) !== null, { message: 'working hours such as 08:00-17:00' }),
    ),
    holidays: z.string().check(
      z.trim(),
      z.maxLength(20_000),
      z.refine((v) => 'dates' in parseHolidays(v), { message: 'dates written YYYY-MM-DD' }),
    ),
    // The weekly KPI snapshot (server/features/kpi-history): kept every week; emailed when TRUE.
    weeklyKpiSummary: z.boolean(),
    defaultHourlyRate: z.number().check(z.gte(0), z.lte(100_000)),
    crewHoursPerWeek: z.number().check(z.gte(0), z.lte(100_000)),
    estimatedHoursPerOrder: z.number().check(z.gte(0), z.lte(10_000)),
  }),
);
export type ScalarSettings = z.infer<typeof SCALAR_SETTINGS_SCHEMA>;
export type SettingKey = keyof ScalarSettings;

const Name = z.lazySchema(() => z.string().check(z.trim(), z.minLength(1)));
export const SettingsSchema = z.lazySchema(() =>
  z.extend(SCALAR_SETTINGS_SCHEMA, {
    categories: z.array(Name).check(z.minLength(1)),
    locations: z.array(Name),
    priorities: z.array(PriorityRuleSchema).check(z.minLength(1)),
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;

/** The notification switches, as recipientsFor reads them. */
export type NotifySwitches = Pick<Settings, 'notifyRequestor' | 'notifyAssignee' | 'notifySupervisors'>;

/** Each scalar setting's meaning, shown in the Description column. Order = row order on the tab. */
export const SETTING_DESCRIPTIONS: Readonly<Record<SettingKey, string>> = {
  organizationName: 'Name used in emails and on the Procedure tab.',
  retentionDays:
    'Days a closed, rejected or cancelled work order stays in the register before it is moved to that year’s archive spreadsheet, "Work Orders Archive <year>" (never deleted; the note on this Value lists them).',
  notifyRequestor: 'TRUE to email requestors (acknowledgment, approval, rejection, delays, closure).',
  notifyAssignee: 'TRUE to email technicians when work is assigned, reassigned, returned or cancelled.',
  notifySupervisors:
    'TRUE to email supervisors about completed work, delays, escalations and requestors’ replies.',
  dailyDigest: 'TRUE to send supervisors one summary email a day.',
  digestHour: 'Hour of the day (0–23, spreadsheet time zone) at which the daily digest is sent.',
  reminderHoursBeforeDue: 'Remind the assignee this many hours before a work order is due (0 = no reminder).',
  escalateAfterOverdueHours:
    'Tell supervisors when a work order has been overdue this many hours (sooner for a priority whose Respond Within is shorter).',
  replyTo:
    'Address that replies to the add-on’s emails go to (for example the maintenance desk); empty = the account that sent them. Every email is sent under the organization’s name.',
  workingDays:
    'Working days of the business clock, e.g. Mon-Fri, or Mon, Tue, Thu (ranges may wrap: Sun-Thu). Business-day and business-hour SLA targets, their Respond Within and time On Hold count only these.',
  workingHours:
    'Working hours of each working day, 24-hour clock in the spreadsheet time zone, e.g. 08:00-17:00. One business day = these hours.',
  holidays:
    'Days off on the business clock: dates written YYYY-MM-DD, separated by commas (e.g. 2026-12-25, 2027-01-01). Empty = none.',
  weeklyKpiSummary:
    'TRUE to email managers a summary of last week’s KPIs each Monday (the KPI History tab keeps one row per week either way).',
  defaultHourlyRate:
    'Labour cost per hour for a technician whose Staff row has no Hourly Rate (cost = hours × rate + parts).',
  crewHoursPerWeek:
    'Hours of work the whole crew can do in a week: the capacity the backlog is measured against.',
  estimatedHoursPerOrder:
    'Hours of work an open work order is expected to take, for the backlog in labour hours (less the hours already logged on it).',
};

/** What each setting accepts, in the problem (and the put-back note) about a value it refused. */
export const SETTING_EXPECTED: Readonly<Record<SettingKey, string>> = {
  organizationName: '1 to 200 characters',
  retentionDays: 'a whole number of days from 1 to 36500',
  notifyRequestor: 'TRUE or FALSE',
  notifyAssignee: 'TRUE or FALSE',
  notifySupervisors: 'TRUE or FALSE',
  dailyDigest: 'TRUE or FALSE',
  digestHour: 'a whole hour from 0 to 23',
  reminderHoursBeforeDue: 'a number of hours from 0 to 8760',
  escalateAfterOverdueHours: 'a number of hours from 0 to 8760',
  replyTo: 'an email address, or empty',
  workingDays: 'weekday names or ranges such as Mon-Fri or Mon, Wed, Fri',
  workingHours: 'a start and an end on the 24-hour clock such as 08:00-17:00, the start before the end',
  holidays: 'dates written YYYY-MM-DD separated by commas, such as 2026-12-25, 2027-01-01, or empty',
  weeklyKpiSummary: 'TRUE or FALSE',
  defaultHourlyRate: 'a number from 0 to 100000',
  crewHoursPerWeek: 'a number of hours from 0 to 100000',
  estimatedHoursPerOrder: 'a number of hours from 0 to 10000',
};

export const DEFAULT_PRIORITIES: readonly PriorityRule[] = [
  { name: 'P1 Emergency', respondHours: 1, completeWithin: 0, completeUnit: 'end of day' },
  { name: 'P2 Urgent', respondHours: 4, completeWithin: 24, completeUnit: 'hours' },
  { name: 'P3 Routine', respondHours: 24, completeWithin: 5, completeUnit: 'business days' },
  { name: 'P4 Scheduled', respondHours: 72, completeWithin: 30, completeUnit: 'days' },
];

export const DEFAULT_CATEGORIES: readonly string[] = [
  'Electrical',
  'Plumbing',
  'HVAC',
  'Carpentry',
  'Cleaning',
  'IT',
  'Grounds',
  'Other',
];

export const DEFAULT_LOCATIONS: readonly string[] = [
  'Main Building',
  'Annex',
  'Warehouse',
  'Car Park',
  'Grounds',
];

export const DEFAULT_SCALAR_SETTINGS: Readonly<ScalarSettings> = {
  organizationName: 'Facilities Maintenance',
  retentionDays: 730,
  notifyRequestor: true,
  notifyAssignee: true,
  notifySupervisors: true,
  dailyDigest: false,
  digestHour: 7,
  reminderHoursBeforeDue: 24,
  escalateAfterOverdueHours: 24,
  replyTo: '',
  ...DEFAULT_BUSINESS_HOURS,
  weeklyKpiSummary: true,
  defaultHourlyRate: 40,
  crewHoursPerWeek: 160,
  estimatedHoursPerOrder: 2,
};

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  ...DEFAULT_SCALAR_SETTINGS,
  categories: [...DEFAULT_CATEGORIES],
  locations: [...DEFAULT_LOCATIONS],
  priorities: DEFAULT_PRIORITIES.map((p) => ({ ...p })),
};

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SCALAR_SETTINGS,
    categories: [...DEFAULT_CATEGORIES],
    locations: [...DEFAULT_LOCATIONS],
    priorities: DEFAULT_PRIORITIES.map((p) => ({ ...p })),
  };
}
