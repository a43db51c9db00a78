/**
 * What the two catalog tabs (Assets, Schedules: ./assets, ./schedules) check the same way: an id's
 * spelling, a value that must be on a Settings list, the Active cell, a missing column, an id listed
 * twice. One wording for each, so the administrator reads the same rule in the same words on both tabs.
 */
import { BooleanCell } from './cells';

export interface RowProblem {
  /** 1-based sheet row. */
  row: number;
  message: string;
}

/** Letters, digits and - _ . / (no spaces: an id is typed into links, labels and the register). */
export const CATALOG_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

/** Why `id` is not a catalog id (`label`: "Asset ID"), or null when it is one. */
export function badIdProblem(label: string, id: string): string | null {
  return CATALOG_ID_PATTERN.test(id)
    ? null
    : `${label} "${id.slice(0, 60)}" is not 1 to 40 letters, digits, - _ . or /`;
}

/** The configured spelling of `value` in `list` (case and spacing ignored), or undefined. */
export function matchListed(value: string, list: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  return list.find((v) => v.trim().toLowerCase() === wanted);
}

export function notOnSettingsList(label: string, typed: string): string {
  return `${label} "${typed.slice(0, 60)}" is not on the Settings list`;
}

/** The Settings list's spelling of `typed`; undefined, with the problem added to `errors`, when it is not on it. */
export function settingsListed(
  label: string,
  typed: string,
  list: readonly string[],
  errors: string[],
): string | undefined {
  const known = matchListed(typed, list);
  if (known === undefined) errors.push(notOnSettingsList(label, typed));
  return known;
}

/** TRUE/FALSE cell, empty = true; undefined when unreadable. */
export function activeCell(value: unknown): boolean | undefined {
  if (value === '' || value === null || value === undefined) return true;
  const parsed = BooleanCell.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The problem of a tab (`tab`: "Assets") whose header lacks columns its rows cannot be read without. */
export function missingColumnsProblem(tab: string, names: readonly string[]): RowProblem {
  return { row: 1, message: `The ${tab} tab is missing its ${names.join(', ')} column(s)` };
}

/**
 * Whether `id` was listed on an earlier row (case ignored): then the problem of this row, which is
 * ignored; else null, and the id is noted in `seen`.
 */
export function listedTwice(
  tab: string,
  idLabel: string,
  seen: Set<string>,
  id: string,
  row: number,
): RowProblem | null {
  const key = id.toLowerCase();
  if (seen.has(key))
    return { row, message: `${tab} row ${row} is ignored: ${idLabel} ${id} is listed twice` };
  seen.add(key);
  return null;
}
