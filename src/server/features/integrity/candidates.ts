/**
 * The cheap first look for orders missing from the register, run every hour: request ids are handed
 * out in sequence (REQ-000001, REQ-000002…) by a counter only the add-on holds, so every number up to
 * it is either in the register, archived (moved out by design), a number intake never used (it failed
 * after taking it), or missing. Only when some number is neither in the register nor already known
 * as archived or unused does anything read the change log (./log-history), which then decides; the
 * numbers it finds archived or never created are remembered (one bit each, SETTLED_NUMBERS), so an
 * archive run or a gap costs one reading of the log, not one an hour.
 */
import { formatRequestId, highestRequestNumber, parseRequestId, readRequestCounter } from '../../../core/ids';
import { NumberSet } from '../../../core/number-set';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { readChunkedFrom, writeChunked } from '../../adapters/chunked-property';
import { ownerKey, ownerProperties, readOwnerState } from '../../adapters/owner-state';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { REQUEST_COUNTER_STATE } from '../setup/counters';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Owner state (per spreadsheet): the request numbers the log showed never created or archived, as a
 * NumberSet in a chunked value (one bit per number: archived orders leave the register by design and
 * are many, and the hourly job has no other cheap way to tell them from deleted ones).
 */
export const SETTLED_NUMBERS = 'integritySettled';

/**
 * The highest request number handed out, from the counters the add-on keeps (the owner's, and in a
 * document the document's). The register's ids do not count while a counter is readable: they are
 * cells, and one Request ID written by a script (REQ-9999999 on a Closed row) would otherwise make
 * every number up to it a candidate, and the numbers the log shows never created are remembered one
 * bit each in the owner's properties: about 1.6 MB for that one cell (six numbers a character), past
 * the 500 KB every property of the owner shares, which the request counter and the intake ledger
 * need. With neither counter readable (a
 * new owner's first hour), the register's highest counts, but only within FORGED_ID_SLACK of its number
 * of rows and the numbers already settled.
 */
export function highestIssued(
  spreadsheetId: string,
  present: ReadonlySet<string>,
  settled: NumberSet | null = null,
): number {
  const owner = readRequestCounter(readOwnerState(spreadsheetId, REQUEST_COUNTER_STATE));
  const props = documentPropertiesOrNull();
  const floor = props ? readRequestCounter(props.getProperty(PROPERTY_KEYS.requestCounter)) : null;
  if (owner !== null || floor !== null) return Math.max(owner ?? 0, floor ?? 0);
  const plausible = present.size + (settled?.size() ?? 0) + FORGED_ID_SLACK;
  return highestRequestNumber([...present].filter((id) => (parseRequestId(id) ?? 0) <= plausible));
}

/**
 * With no counter to go by, how far past the register's row count and the settled numbers an id may
 * be and still be taken as handed out (gaps of failed intakes, orders deleted before the counter).
 */
const FORGED_ID_SLACK = 10_000;

const settledKey = (spreadsheetId: string): string => ownerKey(spreadsheetId, SETTLED_NUMBERS);

export function readSettled(spreadsheetId: string): NumberSet {
  const read = readChunkedFrom(ownerProperties(), settledKey(spreadsheetId));
  return (read.kind === 'ok' ? NumberSet.decode(read.text) : null) ?? NumberSet.empty();
}

/** Adds these ids to the settled numbers (one property write, only when one is new). */
export function rememberSettled(spreadsheetId: string, settled: NumberSet, added: readonly string[]): void {
  let grew = false;
  for (const id of added) {
    const n = parseRequestId(id);
    if (n === null || settled.has(n)) continue;
    settled.add(n);
    grew = true;
  }
  if (grew) writeChunked(ownerProperties(), settledKey(spreadsheetId), settled.encode());
}

/**
 * Request ids up to the highest issued that are neither in `present` (the register) nor settled:
 * the ids the change log must be asked about (after an archive run, once, for the orders it moved).
 */
export function missingCandidates(
  ss: Spreadsheet,
  present: ReadonlySet<string>,
  settled: NumberSet,
): Set<string> {
  const highest = highestIssued(ss.getId(), present, settled);
  const candidates = new Set<string>();
  for (let n = 1; n <= highest; n++) {
    const id = formatRequestId(n);
    if (!present.has(id) && !settled.has(n)) candidates.add(id);
  }
  return candidates;
}
