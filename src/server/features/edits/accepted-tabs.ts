/**
 * The Staff and Settings tabs as last accepted, kept by the add-on in document properties. Hand edits
 * are judged against this copy, never against the edited sheet or the reference-data cache (which any
 * edit drops): typing the same forbidden value twice is refused twice. Setup records the tabs as they
 * stand; every accepted edit records them again.
 */
import { SHEET_NAMES } from '../../../core/model';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { readSnapshot, writeSnapshot } from '../../adapters/durable-snapshot';
import { readTabValues } from '../../adapters/workbook';
import type { Grid } from '../../../core/settings-edit';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export type AcceptedTab = typeof SHEET_NAMES.staff | typeof SHEET_NAMES.settings;

const KEY: Record<AcceptedTab, string> = {
  [SHEET_NAMES.staff]: PROPERTY_KEYS.acceptedStaff,
  [SHEET_NAMES.settings]: PROPERTY_KEYS.acceptedSettings,
};

/** Only text, numbers and booleans are kept (these tabs hold nothing else); anything else as text. */
function plain(grid: Grid): (string | number | boolean)[][] {
  return grid.map((row) =>
    row.map((v) =>
      typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v),
    ),
  );
}

export function readAcceptedTab(tab: AcceptedTab): Grid | null {
  return readAcceptedGrid(KEY[tab]);
}

/** The accepted copy kept under `key` (Staff, Settings, Checklists): null when none or unreadable. */
export function readAcceptedGrid(key: string): Grid | null {
  const stored = readSnapshot(key, Number.POSITIVE_INFINITY, Date.now());
  if (stored === null) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.every(Array.isArray) ? (parsed as unknown[][]) : null;
  } catch {
    return null;
  }
}

export function recordAcceptedTab(tab: AcceptedTab, grid: Grid): void {
  writeSnapshot(KEY[tab], JSON.stringify(plain(grid)), Date.now());
}

/** Setup: the tabs as they stand become the accepted copies. */
export function recordAcceptedTabs(ss: Spreadsheet): void {
  for (const tab of [SHEET_NAMES.staff, SHEET_NAMES.settings] as const) {
    const values = readTabValues(ss, tab);
    if (values) recordAcceptedTab(tab, values);
  }
}
