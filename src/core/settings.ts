/**
 * The Settings tab: side-by-side tables under one header row,
 *   Category | Location | Priority | Respond Within (h) | Complete Within | Complete Unit | Setting | Value | Description
 * found by header (an administrator may move them). Parsing never throws: a bad entry is reported in
 * readable words and the default is used for that entry only.
 */
import * as z from './validator';
import { BooleanCell, NumberCell } from './cells';
import { mapHeaders } from './headers';
import { parsePriorities } from './settings-priorities';
import { asCellText } from './sanitize';
import { formatLocalDate, isDate, isValidTimeZone } from './time';
import {
  DEFAULT_SCALAR_SETTINGS,
  SCALAR_SETTINGS_SCHEMA,
  SETTING_DESCRIPTIONS,
  SETTING_EXPECTED,
  defaultSettings,
  type PriorityRule,
  type ScalarSettings,
  type SettingKey,
  type Settings,
} from './settings-model';

export * from './settings-model';
export { BooleanCell, NumberCell } from './cells';

export const SETTINGS_COLUMNS = {
  category: 'Category',
  location: 'Location',
  priority: 'Priority',
  respondWithin: 'Respond Within (h)',
  completeWithin: 'Complete Within',
  completeUnit: 'Complete Unit',
  setting: 'Setting',
  value: 'Value',
  description: 'Description',
} as const;
type SettingsColumn = keyof typeof SETTINGS_COLUMNS;

export const SETTINGS_HEADER_ROW: readonly string[] = Object.values(SETTINGS_COLUMNS);

const SETTING_KEYS = Object.keys(SETTING_DESCRIPTIONS) as SettingKey[];

/** The 2D array setup writes to the Settings tab (text neutralized; numbers and booleans typed). */
export function settingsSheetRows(settings: Settings): unknown[][] {
  const height = Math.max(
    settings.categories.length,
    settings.locations.length,
    settings.priorities.length,
    SETTING_KEYS.length,
  );
  const text = (s: string): string => asCellText(s).cell;
  const rows: unknown[][] = [[...SETTINGS_HEADER_ROW]];
  for (let i = 0; i < height; i++) {
    const p = settings.priorities[i];
    const key = SETTING_KEYS[i];
    rows.push([
      text(settings.categories[i] ?? ''),
      text(settings.locations[i] ?? ''),
      p ? text(p.name) : '',
      p ? (p.respondHours ?? '') : '',
      p ? p.completeWithin : '',
      p ? p.completeUnit : '',
      key ?? '',
      key ? cellValue(settings[key]) : '',
      key ? SETTING_DESCRIPTIONS[key] : '',
    ]);
  }
  return rows;
}

function cellValue(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' ? asCellText(value).cell : value;
}

export interface ParsedSettings {
  settings: Settings;
  /** Readable problems, e.g. `Settings row 6: Complete Unit "weeks" is not one of …`. */
  problems: string[];
}

const str = (v: unknown): string =>
  v === null || v === undefined ? '' : isDate(v) ? typedDate(v) : String(v).trim();

/**
 * A date Sheets made of what was typed (a single holiday, "2026-12-25"): the spreadsheet's local
 * midnight, read back as the calendar date it names in that zone. Without a zone, noon UTC of the
 * instant names the same date for zones from UTC−12 to UTC+11 only: Auckland's summer (UTC+13, when
 * Christmas and New Year fall), Tonga or Kiritimati would get the day before.
 */
function typedDate(value: Date, timeZone?: string): string {
  const t = value.getTime();
  if (!Number.isFinite(t)) return '';
  if (timeZone && isValidTimeZone(timeZone)) return formatLocalDate(value, timeZone);
  return new Date(t + 12 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The settings of the tab's values. `timeZone` is the spreadsheet's: a value Sheets turned into a date
 * (a single holiday) is read as the date shown there.
 */
export function parseSettings(values: readonly (readonly unknown[])[], timeZone?: string): ParsedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  const header = values[0];
  if (!header || header.every((v) => str(v) === '')) {
    return { settings, problems: ['The Settings tab has no header row: using the default settings'] };
  }
  const layout = mapHeaders(header, SETTINGS_COLUMNS);
  const column = (key: SettingsColumn): Array<{ row: number; value: unknown; cells: readonly unknown[] }> => {
    const index = layout.indexOf[key];
    if (index < 0) return [];
    return values.slice(1).map((cells, i) => ({ row: i + 2, value: cells[index], cells }));
  };
  const at = (cells: readonly unknown[], key: SettingsColumn): unknown => {
    const index = layout.indexOf[key];
    return index < 0 ? undefined : cells[index];
  };
  for (const key of ['category', 'location', 'priority', 'setting'] as const) {
    if (layout.indexOf[key] < 0)
      problems.push(`The Settings tab has no "${SETTINGS_COLUMNS[key]}" column: using the defaults`);
  }

  if (layout.indexOf.category >= 0) {
    const categories = uniqueList(column('category'), 'Category', problems);
    if (categories.length > 0) settings.categories = categories;
    else problems.push('No categories are listed: using the default categories');
  }
  if (layout.indexOf.location >= 0) settings.locations = uniqueList(column('location'), 'Location', problems);

  if (layout.indexOf.priority >= 0) {
    const priorities = parsePriorities(column('priority'), at, problems);
    if (priorities.length > 0) settings.priorities = priorities;
    else problems.push('No valid priorities are listed: using the default priorities');
  }

  if (layout.indexOf.setting >= 0)
    Object.assign(settings, parseScalars(column('setting'), at, problems, timeZone));
  return { settings, problems };
}

function uniqueList(
  cells: Array<{ row: number; value: unknown }>,
  what: string,
  problems: string[],
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { row, value } of cells) {
    const name = str(value);
    if (name === '') continue;
    if (seen.has(name.toLowerCase())) {
      problems.push(`Settings row ${row}: ${what} "${name}" is listed twice; the second is ignored`);
      continue;
    }
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

type At = (cells: readonly unknown[], key: SettingsColumn) => unknown;

function parseScalars(
  cells: Array<{ row: number; value: unknown; cells: readonly unknown[] }>,
  at: At,
  problems: string[],
  timeZone: string | undefined,
): Partial<ScalarSettings> {
  const valueText = (v: unknown): string => (isDate(v) ? typedDate(v, timeZone) : str(v));
  const out: Partial<Record<SettingKey, unknown>> = {};
  const byName = new Map(SETTING_KEYS.map((k) => [k.toLowerCase(), k]));
  for (const { row, value, cells: rowCells } of cells) {
    const name = str(value);
    if (name === '') continue;
    const key = byName.get(name.toLowerCase().replace(/\s+/g, ''));
    if (!key) {
      problems.push(`Settings row ${row}: unknown setting "${name}" is ignored`);
      continue;
    }
    if (key in out) {
      problems.push(`Settings row ${row}: setting ${key} is listed twice; the second is ignored`);
      continue;
    }
    const raw = at(rowCells, 'value');
    const fieldSchema = SCALAR_SETTINGS_SCHEMA.shape[key];
    const cellSchema: z.ZodMiniType<unknown, unknown> =
      typeof DEFAULT_SCALAR_SETTINGS[key] === 'boolean'
        ? BooleanCell
        : typeof DEFAULT_SCALAR_SETTINGS[key] === 'number'
          ? z.pipe(NumberCell, fieldSchema as z.ZodMiniType<number, number>)
          : z.pipe(z.pipe(z.unknown(), z.transform(valueText)), fieldSchema as z.ZodMiniType<string, string>);
    const parsed = cellSchema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else {
      const expected = SETTING_EXPECTED[key];
      problems.push(
        `Settings row ${row}: "${valueText(raw)}" is not a valid value for ${key}${expected ? ` (expected ${expected})` : ''}; the default (${String(DEFAULT_SCALAR_SETTINGS[key])}) is used`,
      );
      out[key] = DEFAULT_SCALAR_SETTINGS[key];
    }
  }
  for (const key of SETTING_KEYS) {
    if (!(key in out))
      problems.push(
        `Setting ${key} is missing: the default (${String(DEFAULT_SCALAR_SETTINGS[key])}) is used`,
      );
  }
  return out as Partial<ScalarSettings>;
}

/** The rule of a priority by name (case-insensitive), or undefined. */
export function priorityRule(settings: Pick<Settings, 'priorities'>, name: string): PriorityRule | undefined {
  const wanted = name.trim().toLowerCase();
  return settings.priorities.find((p) => p.name.toLowerCase() === wanted);
}
