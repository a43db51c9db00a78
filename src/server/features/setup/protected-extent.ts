/**
 * What the hourly job's upkeep of the protections last covered (the register's rows, each whole-protected
 * tab by its sheet id), kept in the installation owner's state: the job compares the register's size
 * and the tabs' ids with it instead of reading every protection each hour.
 */
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';

/** Owner state (per spreadsheet) of the hourly repair: the register rows last covered, tabs done. */
const PROTECTED_STATE = 'protectedExtent';

export interface ProtectedExtent {
  rows: number;
  /**
   * The sheet id of each whole-protected tab as the job last found it protected, by tab name. A tab
   * deleted and made again (by anyone: a technician may delete the tabs they must write) has a new
   * id, and is checked again; unchanged ids cost nothing but the one listing of the tabs.
   */
  ids: Record<string, number>;
}

/** What the hourly repair last covered; nothing (everything checked again) when unreadable. */
export function readProtectedExtent(spreadsheetId: string): ProtectedExtent {
  try {
    const parsed = JSON.parse(readOwnerState(spreadsheetId, PROTECTED_STATE) ?? '{}') as {
      rows?: unknown;
      ids?: unknown;
    };
    // A record from before the ids (names only) has none: every tab is checked once more.
    const ids =
      typeof parsed.ids === 'object' && parsed.ids !== null && !Array.isArray(parsed.ids)
        ? Object.fromEntries(
            Object.entries(parsed.ids).filter((e): e is [string, number] => Number.isInteger(e[1])),
          )
        : {};
    return { rows: typeof parsed.rows === 'number' ? parsed.rows : 0, ids };
  } catch {
    return { rows: 0, ids: {} };
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
