/**
 * The cheap first look for orders missing from the register, run every hour: request ids are handed
 * out in sequence (REQ-000001, REQ-000002…) by a counter only the add-on holds, so every number up to
 * it is either in the register, in the Archive tab, a number intake never used (it failed after
 * taking it), or missing. Only when some number is none of the first three does anything read the
 * change log (./log-history), which then decides; the numbers it finds never created (or archived)
 * are remembered, so a gap costs one reading of the log, not one an hour.
 */
import { normalizeHeader } from '../../../core/headers';
import { formatRequestId, highestRequestNumber, readRequestCounter } from '../../../core/ids';
import { REGISTER_COLUMNS, SHEET_NAMES } from '../../../core/model';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { REQUEST_COUNTER_STATE } from '../setup/counters';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Owner state (per spreadsheet): request ids the log showed never created or archived, JSON array. */
export const SETTLED_IDS = 'integritySettled';
/** The settled list is kept short: past this, the oldest are dropped (and read from the log again). */
const SETTLED_LIMIT = 2000;

/**
 * The highest request number handed out, from the counters the add-on keeps; with neither readable
 * (a new owner's first hour), at least the highest in the register.
 */
export function highestIssued(spreadsheetId: string, present: ReadonlySet<string>): number {
  const owner = readRequestCounter(readOwnerState(spreadsheetId, REQUEST_COUNTER_STATE)) ?? 0;
  const props = documentPropertiesOrNull();
  const floor = props ? (readRequestCounter(props.getProperty(PROPERTY_KEYS.requestCounter)) ?? 0) : 0;
  return Math.max(owner, floor, highestRequestNumber([...present]));
}

/** Request ids in the Archive tab (two reads; none when there is no Archive tab). */
export function archivedIds(ss: Spreadsheet): Set<string> {
  const sheet = ss.getSheetByName(SHEET_NAMES.archive);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return new Set();
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
  const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(REGISTER_COLUMNS.id));
  if (at < 0) return new Set();
  return new Set(
    sheet
      .getRange(2, at + 1, last - 1, 1)
      .getValues()
      .map((r) => String(r[0] ?? '').trim()),
  );
}

export function readSettled(spreadsheetId: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(readOwnerState(spreadsheetId, SETTLED_IDS) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function rememberSettled(
  spreadsheetId: string,
  settled: ReadonlySet<string>,
  added: readonly string[],
): void {
  if (added.length === 0) return;
  const all = [...settled, ...added.filter((id) => !settled.has(id))].slice(-SETTLED_LIMIT);
  writeOwnerState(spreadsheetId, SETTLED_IDS, JSON.stringify(all));
}

/**
 * Request ids up to the highest issued that are neither in `present` (the register) nor in the
 * Archive tab nor settled: the ids the change log must be asked about.
 */
export function missingCandidates(
  ss: Spreadsheet,
  present: ReadonlySet<string>,
  settled: ReadonlySet<string>,
): Set<string> {
  const highest = highestIssued(ss.getId(), present);
  const candidates = new Set<string>();
  for (let n = 1; n <= highest; n++) {
    const id = formatRequestId(n);
    if (!present.has(id) && !settled.has(id)) candidates.add(id);
  }
  if (candidates.size === 0) return candidates;
  for (const id of archivedIds(ss)) candidates.delete(id);
  return candidates;
}
