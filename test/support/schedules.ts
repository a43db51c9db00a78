/** Schedules rows as an administrator types them, by column (src/core/schedules.ts SCHEDULE_COLUMNS order). */
import { SHEET_NAMES } from '../../src/core/model';
import { SCHEDULE_COLUMNS, type ScheduleColumn } from '../../src/core/schedules';
import { addCalendarDays, isoDate, localParts } from '../../src/core/time';
import { DAY, advance, now, runHourly } from './ops';
import { ADMIN, expectOk, type TestWorkbook } from './workbook';

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

/**
 * An administrator types a weekly schedule (`fields` over the defaults) first due tomorrow; a day later the
 * hourly job makes its order. Returns that order's Request ID and the due date its Response Row names.
 */
export async function orderMadeBySchedule(
  wb: TestWorkbook,
  fields: Partial<Record<ScheduleColumn, string>> & { id: string },
): Promise<{ id: string; due: string }> {
  const p = localParts(now(wb), wb.model.timeZone);
  const due = isoDate(addCalendarDays({ year: p.year, month: p.month, day: p.day }, 1));
  (
    await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [scheduleRow({ ...fields, nextDue: due })])
  ).executions.forEach(expectOk);
  advance(wb, DAY);
  (await runHourly(wb)).forEach(expectOk);
  const ref = `Schedule ${fields.id} ${due}`;
  const made = wb.register().find((r) => r.order.responseRef === ref);
  if (!made) throw new Error(`the hourly job made no order for ${ref}`);
  return { id: made.order.id, due };
}
