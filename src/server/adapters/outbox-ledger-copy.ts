/**
 * A signed copy of the owner's Outbox ledger (core/outbox-ledger.ts), in a note on the Hourly Outbox's
 * first header cell. The ledger lives in the installation owner's user properties, which no other
 * account can read. Without the copy, a new owner (after Take over installation), or an owner whose
 * properties were lost, would start with no ledger, and its first drain would trust the Statuses it
 * finds, which any sidebar user can type: "Sent" typed over a queued row would drop that email for good.
 *
 * Why it can be trusted: the Hourly Outbox is protected (administrators and the installation owner
 * only), and the copy carries a MAC keyed with the add-on's secret over the spreadsheet's id and the
 * ledger's text, so a copy changed by hand is ignored. What it cannot prevent: an administrator putting
 * an older copy back. The drain would then take rows settled since as owed and send them again; nothing
 * owed is lost. The copy is written after the owner's ledger. An execution stopped between the two
 * leaves the copy one step behind until the next write of the ledger.
 */
import { SHEET_NAMES } from '../../core/model';
import { hmacSha256Hex, type HmacKey } from '../../core/sha256';
import { addonKey } from './addon-secret';
import type { Spreadsheet } from './apps-script-types';

const MARK = 'WO-OUTBOX-LEDGER';
const EXPLANATION =
  'Work Orders keeps here a signed copy of its record of which queued emails were sent, for a new ' +
  'installation owner. Editing it only makes Work Orders ignore it.';

function macOf(key: HmacKey, spreadsheetId: string, text: string): string {
  return hmacSha256Hex(key, 'outbox-ledger-copy\n', `${spreadsheetId}\n${text}`);
}

/** Keeps `text` (the ledger as the owner's state now holds it) as the copy; nothing without the tab or the key. */
export function keepLedgerCopy(ss: Spreadsheet, text: string): void {
  const key = addonKey(ss.getId());
  const sheet = ss.getSheetByName(SHEET_NAMES.hourlyOutbox);
  if (!key || !sheet) return;
  sheet.getRange(1, 1).setNote(`${EXPLANATION}\n${MARK} ${macOf(key, ss.getId(), text)} ${text}`);
}

/** The copy's ledger text when it verifies; null when there is none, or it was changed. */
export function ledgerCopy(ss: Spreadsheet): string | null {
  const key = addonKey(ss.getId());
  const sheet = ss.getSheetByName(SHEET_NAMES.hourlyOutbox);
  if (!key || !sheet) return null;
  const line = sheet
    .getRange(1, 1)
    .getNote()
    .split('\n')
    .find((l) => l.startsWith(`${MARK} `));
  const match = line ? /^\S+ ([0-9a-f]{64}) (.*)$/.exec(line) : null;
  if (!match) return null;
  const [, mac, text] = match as unknown as [string, string, string];
  return mac === macOf(key, ss.getId(), text) ? text : null;
}
