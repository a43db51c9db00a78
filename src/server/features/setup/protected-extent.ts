/**
 * What the hourly job's upkeep of the protections last covered (the register's rows, the tabs made on
 * first use that have their protection), kept in the installation owner's state: the job compares the
 * register's size with it instead of reading every protection each hour.
 */
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';

/** Owner state (per spreadsheet) of the hourly repair: the register rows last covered, tabs done. */
const PROTECTED_STATE = 'protectedExtent';

export interface ProtectedExtent {
  rows: number;
  tabs: string[];
}

/** What the hourly repair last covered; nothing (everything checked again) when unreadable. */
export function readProtectedExtent(spreadsheetId: string): ProtectedExtent {
  try {
    const parsed = JSON.parse(readOwnerState(spreadsheetId, PROTECTED_STATE) ?? '{}') as {
      rows?: unknown;
      tabs?: unknown;
    };
    return {
      rows: typeof parsed.rows === 'number' ? parsed.rows : 0,
      tabs: Array.isArray(parsed.tabs) ? parsed.tabs.filter((t): t is string => typeof t === 'string') : [],
    };
  } catch {
    return { rows: 0, tabs: [] };
  }
}

export function writeProtectedExtent(spreadsheetId: string, extent: ProtectedExtent): void {
  writeOwnerState(spreadsheetId, PROTECTED_STATE, JSON.stringify(extent));
}

/** The register's size and what the hourly upkeep last recorded covering, as the hourly job read them. */
export interface RegisterCoverage {
  maxRows: number;
  recorded: ProtectedExtent;
}
