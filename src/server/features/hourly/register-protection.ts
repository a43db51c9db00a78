/**
 * The hourly job's cheap way of keeping the register's protected columns down to its last row: when
 * rows were added at the bottom, only the new rows are protected (one more range per column run, with
 * the same description and editors), instead of removing and protecting again every row — which covers
 * every cell of a 100,000-row register each time one request is appended. The sheet is grown by some
 * spare rows at the same time, so the appends of the next days land in rows already protected.
 *
 * Setup's repair follows growth the same way (protectRowsBelow, setup/register-columns-protection.ts),
 * without spare rows or a limit. Anything other than growth at the bottom (a changed layout, rows
 * deleted, protections edited by hand) is left to that repair (repairRegisterProtection), which
 * rebuilds one range per run.
 */
import type { StaffMember } from '../../../core/model';
import { areaEditors } from '../../../core/permissions';
import { ownerKey, ownerProperties, readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { readHeaderRow } from '../../adapters/workbook';
import { readProtectedExtent, writeProtectedExtent, type RegisterCoverage } from '../setup/protected-extent';
import { repairRegisterProtection } from '../setup/protections';
import {
  protectRowsBelow,
  protectedThrough,
  registerColumnProtections,
  systemColumnRuns,
} from '../setup/register-columns-protection';
import { gridRows, insertRowsBelow } from '../../adapters/tabs';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Empty rows added below the register when it is extended: days of requests before the next extension. */
export const SPARE_ROWS = 500;
/**
 * Rows protected per run at most: each covered cell is priced like a cell written (bench/cost-model.ts),
 * so 2,500 rows of the register's ~30 columns cost about 4 s. Far more than a day of requests, or a
 * run's preventive orders; a register filled some other way is covered over the next runs.
 */
export const PROTECT_ROWS_PER_RUN = 2_500;
/** Owner state (per spreadsheet): set while rows at the bottom of the register still wait for protection. */
const EXTENDING = 'protectionExtending';

/**
 * Protects the rows added at the bottom of the register since its protections were made, with spare
 * rows, at most PROTECT_ROWS_PER_RUN rows a run (a register filled some other way than by the add-on
 * is covered over a few runs). Returns the register's size and coverage as it leaves them, `extended`
 * when it protected rows; not extended when there was nothing to do this way (repairRegisterProtection
 * then decides).
 */
function extendRegisterProtection(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  id: string,
  start: RegisterCoverage,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): RegisterCoverage & { extended: boolean } {
  const state = start.recorded;
  let { maxRows, recorded } = start;
  const unfinished = readOwnerState(id, EXTENDING) !== null;
  if (state.rows === maxRows && !unfinished) return { maxRows, recorded, extended: false };
  const record = (rows: number, done: boolean): void => {
    recorded = { rows, ids: state.ids };
    writeProtectedExtent(id, recorded);
    if (done && unfinished) ownerProperties().deleteProperty(ownerKey(id, EXTENDING));
    if (!done && !unfinished) writeOwnerState(id, EXTENDING, 'true');
  };
  const header = readHeaderRow(sheet);
  const runs = systemColumnRuns(header);
  const found = protectedThrough(registerColumnProtections(sheet), runs, Math.max(header.length, 1));
  if (found === null || found.through < 2 || found.through > maxRows) {
    // Not a register grown at the bottom: the full repair rebuilds its protections.
    if (unfinished) record(0, true);
    return { maxRows, recorded, extended: false };
  }
  const { through } = found;
  if (through === maxRows) {
    // Already covered (rows deleted since, or protected by setup): only the record is behind.
    record(maxRows, true);
    return { maxRows, recorded, extended: false };
  }
  if (!unfinished) {
    insertRowsBelow(sheet, maxRows, SPARE_ROWS);
    maxRows += SPARE_ROWS;
  }
  const last = Math.min(maxRows, through + PROTECT_ROWS_PER_RUN);
  const editors = areaEditors('registerSystemColumns', staff, installationOwner);
  protectRowsBelow(sheet, runs, editors, found, last);
  // Recorded as covered even while rows remain, so the full repair leaves them to the next runs.
  record(maxRows, last === maxRows);
  return { maxRows, recorded, extended: true };
}

/**
 * The hourly job's upkeep of the register's protected columns and of the tabs made on first use: rows
 * added at the bottom are protected alone; anything else is left to setup's repair. The register's size
 * and the record of what was covered are read once for both. True when anything was protected.
 */
export function keepRegisterProtected(
  ss: Spreadsheet,
  /** The register as the job found it by its kept id (never the name: a decoy would be protected). */
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): boolean {
  const id = ss.getId();
  const start = { maxRows: gridRows(sheet), recorded: readProtectedExtent(id) };
  const after = extendRegisterProtection(sheet, id, start, staff, installationOwner);
  return repairRegisterProtection(ss, sheet, after, staff, installationOwner) || after.extended;
}
