/**
 * The scalar settings' rows setup puts back: a setting whose row is missing from the Settings tab
 * (cleared or deleted by hand, or a setting a newer version added to a tab made by an older one) is
 * written again with its default and its description, so an administrator sees it and can change it
 * instead of being told on every setup that its default is used. Pure: the tab's values in, the
 * cells to write out.
 */
import { mapHeaders } from './headers';
import { asCellText } from './sanitize';
import { DEFAULT_SCALAR_SETTINGS, SETTING_DESCRIPTIONS, type SettingKey } from './settings-model';
import { SETTINGS_COLUMNS } from './settings';

const SETTING_KEYS = Object.keys(SETTING_DESCRIPTIONS) as SettingKey[];

/** One column's cells to write, from `row` down (1-based), existing values kept between new ones. */
export interface ColumnWrite {
  column: number;
  row: number;
  values: unknown[][];
}

export interface RestoredSettings {
  keys: SettingKey[];
  writes: ColumnWrite[];
}

const blank = (v: unknown): boolean => v === null || v === undefined || String(v).trim() === '';

/**
 * Each missing setting goes to the first row below the header whose Setting, Value and Description
 * cells are all empty (the gap a cleared row left, else below the table). Null when none is missing
 * or the tab has no Setting, Value and Description columns.
 */
export function restoreMissingSettings(values: readonly (readonly unknown[])[]): RestoredSettings | null {
  const header = values[0];
  if (!header) return null;
  const layout = mapHeaders(header, SETTINGS_COLUMNS);
  const columns = [layout.indexOf.setting, layout.indexOf.value, layout.indexOf.description];
  if (columns.some((c) => c < 0)) return null;
  const [settingAt = 0] = columns;
  const present = new Set(
    values.slice(1).map((r) =>
      String(r[settingAt] ?? '')
        .toLowerCase()
        .replace(/\s+/g, ''),
    ),
  );
  const keys = SETTING_KEYS.filter((k) => !present.has(k.toLowerCase()));
  if (keys.length === 0) return null;
  const targets: number[] = [];
  for (let i = 1; targets.length < keys.length; i++) {
    const cells = values[i];
    if (!cells || columns.every((c) => blank(cells[c]))) targets.push(i);
  }
  const first = targets[0] ?? 1;
  const last = targets[targets.length - 1] ?? first;
  const cellsOf = (key: SettingKey): unknown[] => {
    const value = DEFAULT_SCALAR_SETTINGS[key];
    return [key, typeof value === 'string' ? asCellText(value).cell : value, SETTING_DESCRIPTIONS[key]];
  };
  const writes = columns.map((column, c) => {
    const span: unknown[][] = [];
    for (let i = first; i <= last; i++) {
      const k = targets.indexOf(i);
      const key = keys[k];
      span.push([key !== undefined ? cellsOf(key)[c] : (values[i]?.[column] ?? '')]);
    }
    return { column: column + 1, row: first + 1, values: span };
  });
  return { keys, writes };
}
