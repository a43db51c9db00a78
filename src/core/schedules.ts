/**
 * The Schedules tab (preventive maintenance), found by header:
 * `Schedule ID | Task | Asset | Location | Category | Priority | Default Technician | Every | Unit |
 *  Weekdays | Lead Time (days) | Next Due | Active | Last Created`.
 *
 * A schedule recurs every N days, weeks or months (months on the day of the month it keeps:
 * core/schedule-anchors.ts), or on given weekdays (Unit "weekdays", Weekdays "Mon, Thu"). Its work
 * order is made Lead Time days before Next Due (core/schedule-plan.ts). Next
 * Due and Last Created are written back by the hourly job; what it trusts is its own ledger, never them.
 *
 * A row still being typed (a required cell still empty) is ignored; a complete row with a bad value is refused
 * with a problem naming the row and what is wrong, and the other rows are used as usual.
 */
import { findAsset, type Asset } from './assets';
import {
  CATALOG_ID_PATTERN,
  activeCell,
  badIdProblem,
  listedTwice,
  missingColumnsProblem,
  settingsListed,
  type RowProblem,
} from './catalog-rows';
import { cellText, mapHeaders } from './headers';
import { isValidDate, localParts, parseIsoDate, type IsoWeekday, type LocalDate } from './time';

export const SCHEDULE_COLUMNS = {
  id: 'Schedule ID',
  task: 'Task',
  asset: 'Asset',
  location: 'Location',
  category: 'Category',
  priority: 'Priority',
  technician: 'Default Technician',
  every: 'Every',
  unit: 'Unit',
  weekdays: 'Weekdays',
  leadDays: 'Lead Time (days)',
  nextDue: 'Next Due',
  active: 'Active',
  lastCreated: 'Last Created',
} as const;
export type ScheduleColumn = keyof typeof SCHEDULE_COLUMNS;
export const SCHEDULE_HEADER_ROW: readonly string[] = Object.values(SCHEDULE_COLUMNS);

export const SCHEDULE_UNITS = ['days', 'weeks', 'months', 'weekdays'] as const;
export type ScheduleUnit = (typeof SCHEDULE_UNITS)[number];

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A schedule id is a catalog id, like an asset's (./catalog-rows). */
export const SCHEDULE_ID_PATTERN = CATALOG_ID_PATTERN;
/** A longer interval is a typing mistake more likely than a plan (and would never come due). */
const MAX_EVERY = 366;
const MAX_LEAD_DAYS = 365;

export interface Schedule {
  /** Sheet row it was read from (for messages and writing Next Due back). */
  row: number;
  id: string;
  task: string;
  asset: string;
  location: string;
  category: string;
  priority: string;
  /** Lower-cased email, or ''. */
  technician: string;
  every: number;
  unit: ScheduleUnit;
  /** ISO weekdays for Unit "weekdays" (1 = Monday), sorted. */
  weekdays: IsoWeekday[];
  leadDays: number;
  nextDue: LocalDate;
  active: boolean;
}

export const SCHEDULES_ACCEPTED =
  'Accepted: Schedule ID 1 to 40 letters, digits, - _ . or / (each once), Task 1 to 500 characters, an Asset ID ' +
  'from the Assets tab (one in service, Active TRUE, unless the schedule is paused) or a Location from Settings (or both), Category and Priority from Settings, Default ' +
  `Technician empty or an email, Every a whole number from 1 to ${MAX_EVERY}, Unit one of ${SCHEDULE_UNITS.join(', ')} ` +
  '(for weekdays, Weekdays such as "Mon, Thu"), Lead Time (days) a whole number from 0 to 365, Next Due a date, ' +
  'Active TRUE or FALSE (empty counts as TRUE).';

export interface ScheduleContext {
  assets: readonly Asset[];
  /** Asset rows the Assets tab has but refuses (lower-cased id → why), so a schedule says so. */
  refusedAssets?: ReadonlyMap<string, string>;
  locations: readonly string[];
  categories: readonly string[];
  priorities: readonly string[];
  timeZone: string;
}

export interface ParsedSchedules {
  schedules: Schedule[];
  problems: RowProblem[];
}

function wholeNumber(value: unknown, min: number, max: number, empty: number | null): number | null {
  const text = cellText(value).trim();
  if (text === '') return empty;
  const n = typeof value === 'number' ? value : Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** A date cell (a Date from Sheets, read in the spreadsheet's zone) or typed "2026-03-10". */
export function dateCell(value: unknown, timeZone: string): LocalDate | null {
  if (isValidDate(value)) {
    const p = localParts(value, timeZone);
    return { year: p.year, month: p.month, day: p.day };
  }
  return typeof value === 'string' ? parseIsoDate(value) : null;
}

function weekdayList(text: string): IsoWeekday[] | null {
  const parts = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  const days = new Set<IsoWeekday>();
  for (const part of parts) {
    const index = WEEKDAY_NAMES.findIndex((name) => part.startsWith(name));
    if (index < 0) return null;
    days.add((index + 1) as IsoWeekday);
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

type Raw = (key: ScheduleColumn) => unknown;

function scheduleRow(row: number, raw: Raw, context: ScheduleContext): Schedule | string[] {
  const text = (key: ScheduleColumn): string => cellText(raw(key)).trim();
  const errors: string[] = [];
  const id = text('id');
  const badId = badIdProblem('Schedule ID', id);
  if (badId !== null) errors.push(badId);
  const task = text('task');
  if (task.length > 500) errors.push('Task is longer than 500 characters');
  const asset = text('asset') === '' ? undefined : findAsset(context.assets, text('asset'));
  const refusedAsset = context.refusedAssets?.get(text('asset').toLowerCase());
  if (text('asset') !== '' && !asset)
    errors.push(
      refusedAsset
        ? `Asset "${text('asset').slice(0, 60)}" is not usable: ${refusedAsset}`
        : `Asset "${text('asset').slice(0, 60)}" is not on the Assets tab`,
    );
  let location = text('location');
  if (location !== '') {
    const known =
      context.locations.length > 0
        ? settingsListed('Location', location, context.locations, errors)
        : location;
    if (known !== undefined) location = known;
    // An asset's order goes where the Assets tab says it is: a different place would send the
    // technician to the wrong building (also after the asset is moved while this row names the old one).
    if (asset && asset.location !== '' && location.toLowerCase() !== asset.location.toLowerCase())
      errors.push(
        `Location "${location.slice(0, 60)}" is not where asset ${asset.id} is (${asset.location}, on the Assets tab): leave Location empty to follow the asset, or name its location`,
      );
  } else if (asset) location = asset.location;
  else if (text('asset') === '') errors.push('Asset and Location are both empty: give one (or both)');
  const category = settingsListed('Category', text('category'), context.categories, errors);
  const priority = settingsListed('Priority', text('priority'), context.priorities, errors);
  const technician = text('technician').toLowerCase();
  if (technician !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(technician))
    errors.push(`Default Technician "${technician.slice(0, 60)}" is not an email address`);
  const unit = SCHEDULE_UNITS.find((u) => u === text('unit').toLowerCase());
  if (!unit) errors.push(`Unit "${text('unit').slice(0, 30)}" is not one of ${SCHEDULE_UNITS.join(', ')}`);
  const every = wholeNumber(raw('every'), 1, MAX_EVERY, unit === 'weekdays' ? 1 : null);
  if (every === null)
    errors.push(`Every "${text('every').slice(0, 30)}" is not a whole number from 1 to ${MAX_EVERY}`);
  let weekdays: IsoWeekday[] = [];
  if (unit === 'weekdays') {
    weekdays = weekdayList(text('weekdays')) ?? [];
    if (weekdays.length === 0)
      errors.push(`Weekdays "${text('weekdays').slice(0, 60)}" names no weekday (e.g. "Mon, Thu")`);
  }
  const leadDays = wholeNumber(raw('leadDays'), 0, MAX_LEAD_DAYS, 0);
  if (leadDays === null)
    errors.push(
      `Lead Time (days) "${text('leadDays').slice(0, 30)}" is not a whole number from 0 to ${MAX_LEAD_DAYS}`,
    );
  const nextDue = dateCell(raw('nextDue'), context.timeZone);
  if (!nextDue)
    errors.push(
      text('nextDue') === ''
        ? 'Next Due is empty'
        : `Next Due "${text('nextDue').slice(0, 30)}" is not a date`,
    );
  const active = activeCell(raw('active'));
  if (active === undefined) errors.push('Active is not TRUE or FALSE');
  // Equipment taken out of service gets no more preventive orders: a technician would be sent to it.
  if (asset && !asset.active && active === true)
    errors.push(
      `Asset ${asset.id} is retired (Active FALSE on the Assets tab): set this schedule's Active to FALSE, or name an asset in service`,
    );
  if (errors.length > 0 || !unit || every === null || leadDays === null || !nextDue || active === undefined)
    return errors;
  if (category === undefined || priority === undefined) return errors;
  return {
    row,
    id,
    task,
    asset: asset?.id ?? '',
    location,
    category,
    priority,
    technician,
    every,
    unit,
    weekdays,
    leadDays,
    nextDue,
    active,
  };
}

/** Every schedule of the tab's rows (row 1 the header), with a problem per refused row. */
export function parseSchedules(
  values: readonly (readonly unknown[])[],
  context: ScheduleContext,
): ParsedSchedules {
  const out: ParsedSchedules = { schedules: [], problems: [] };
  const header = values[0];
  if (!header) return out;
  const layout = mapHeaders(header, SCHEDULE_COLUMNS);
  const required: ScheduleColumn[] = ['id', 'task', 'category', 'priority', 'unit', 'nextDue'];
  const missing = required.filter((k) => layout.indexOf[k] < 0);
  if (missing.length > 0) {
    out.problems.push(
      missingColumnsProblem(
        'Schedules',
        missing.map((k) => SCHEDULE_COLUMNS[k]),
      ),
    );
    return out;
  }
  const seen = new Set<string>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const raw: Raw = (key) => (layout.indexOf[key] < 0 ? '' : cells[layout.indexOf[key]]);
    // Being typed, one cell at a time: nothing is refused until every required cell has a value.
    const blank = (key: ScheduleColumn): boolean => cellText(raw(key)).trim() === '';
    if (required.some(blank) || (blank('asset') && blank('location'))) return;
    const result = scheduleRow(row, raw, context);
    if (Array.isArray(result)) {
      out.problems.push({ row, message: `Schedules row ${row} is ignored: ${result.join('; ')}` });
      return;
    }
    const twice = listedTwice('Schedules', 'Schedule ID', seen, result.id, row);
    if (twice) out.problems.push(twice);
    else out.schedules.push(result);
  });
  return out;
}
