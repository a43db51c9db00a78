/**
 * The change log as only the add-on can check it: with the secret and checkpoint from the
 * spreadsheet's document properties (read through the host model, never through Code.js). Tests use
 * it to assert a log is intact after what they did, and to forge rows as an attacker with the sheet
 * (but not the secret) could.
 */
import { hmacKey, parseCheckpoint, type Checkpoint, type HmacKey } from '../../src/core/keyed-chain';
import { LogVerifier } from '../../src/core/log-verify';
import { ADDON_SECRET_KEY } from '../../src/server/adapters/addon-secret';
import { CHECKPOINT_KEY } from '../../src/server/adapters/change-log-tail';
import { SHEET_NAMES } from '../../src/core/model';
import type { TestWorkbook } from './workbook';

export function auditKey(wb: TestWorkbook): HmacKey {
  const secret = wb.rt.world.properties.document(wb.ssId).get(ADDON_SECRET_KEY);
  if (!secret) throw new Error('no add-on secret in document properties');
  return hmacKey(secret);
}

export function checkpointOf(wb: TestWorkbook): Checkpoint {
  const checkpoint = parseCheckpoint(wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY));
  if (!checkpoint) throw new Error('no change-log checkpoint in document properties');
  return checkpoint;
}

/** The whole log verified as Verify audit log does (without running it). */
export function verifyLog(wb: TestWorkbook) {
  const verifier = new LogVerifier(auditKey(wb), checkpointOf(wb));
  const rows = wb.changeLog();
  verifier.feed(rows, rows.length, 2);
  return verifier.finish(rows.length + 2);
}

export const LOG = SHEET_NAMES.changeLog;
