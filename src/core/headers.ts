/**
 * Header-driven tables. Every tab the add-on reads (register, Settings, Staff) finds its columns by
 * header text, case and spacing ignored, so an administrator may reorder columns or add their own.
 */
import { isDate, isValidDate } from './time';

export interface HeaderMap<K extends string> {
  /** Column index (0-based) of each wanted key; -1 when its header is missing. */
  indexOf: Record<K, number>;
  missing: K[];
  /** Non-empty headers that are not wanted (columns of the organization's own), as written. */
  extra: string[];
  /** Wanted headers present more than once (the first one is used). */
  duplicates: string[];
  /** Length of the header row. */
  width: number;
}

/** "  Request   id " → "request id". */
export function normalizeHeader(value: unknown): string {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `existing` plus each header of `wanted` it lacks (compared normalized), and which were added. */
export function completedHeader(
  existing: readonly string[],
  wanted: readonly string[],
): { header: string[]; added: string[] } {
  const header = [...existing];
  const have = new Set(existing.map(normalizeHeader));
  const added: string[] = [];
  for (const h of wanted) {
    const key = normalizeHeader(h);
    if (key === '' || have.has(key)) continue;
    header.push(h);
    have.add(key);
    added.push(h);
  }
  return { header, added };
}

/**
 * A row of one table laid out under another table's header: each `target` column takes the `source`
 * cell under the same header (compared normalized; the first one when doubled), '' when it has none.
 */
export function cellsUnderHeader(
  target: readonly string[],
  source: readonly unknown[],
  cells: readonly unknown[],
): unknown[] {
  const at = new Map<string, number>();
  source.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '' && !at.has(key)) at.set(key, i);
  });
  return target.map((h) => {
    const i = at.get(normalizeHeader(h));
    const v = i === undefined ? '' : cells[i];
    return v === null || v === undefined ? '' : v;
  });
}

export function mapHeaders<K extends string>(
  headerRow: readonly unknown[],
  wanted: Readonly<Record<K, string>>,
): HeaderMap<K> {
  const byHeader = new Map<string, K>();
  for (const key of Object.keys(wanted) as K[]) byHeader.set(normalizeHeader(wanted[key]), key);
  const indexOf = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) indexOf[key] = -1;
  const extra: string[] = [];
  const duplicates: string[] = [];
  headerRow.forEach((cell, index) => {
    const normalized = normalizeHeader(cell);
    if (normalized === '') return;
    const key = byHeader.get(normalized);
    if (key === undefined) extra.push(String(cell).trim());
    else if (indexOf[key] === -1) indexOf[key] = index;
    else duplicates.push(String(cell).trim());
  });
  const missing = (Object.keys(wanted) as K[]).filter((key) => indexOf[key] === -1);
  return { indexOf, missing, extra, duplicates, width: headerRow.length };
}

/** String(value), '' for null or undefined (a Date in its String form: cellText gives ISO). */
export function asText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text of a cell as read with getValues: numbers and booleans as typed, dates as ISO. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isValidDate(value) ? value.toISOString() : '';
  return String(value);
}
