/** Schedules rows as an administrator types them, by column (src/core/schedules.ts SCHEDULE_COLUMNS order). */
import { SCHEDULE_COLUMNS, type ScheduleColumn } from '../../src/core/schedules';

/** What a row holds unless told otherwise: a weekly task, active, no technician, no lead time. */
const WEEKLY: Partial<Record<ScheduleColumn, string>> = {
  priority: 'P4 Scheduled',
  every: '1',
  unit: 'weeks',
  leadDays: '0',
  active: 'TRUE',
};

/** One Schedules row: `fields` over a weekly task's defaults, every other cell empty. */
export function scheduleRow(fields: Partial<Record<ScheduleColumn, string>>): string[] {
  const row = { ...WEEKLY, ...fields };
  return (Object.keys(SCHEDULE_COLUMNS) as ScheduleColumn[]).map((column) => row[column] ?? '');
}
