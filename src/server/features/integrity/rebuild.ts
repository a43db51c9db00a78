/**
 * Work orders rebuilt from the change log (core/replay.ts), starting from the request's answers in
 * its form-responses tab. The answers count only when they are the ones intake recorded: their
 * digest, keyed with the add-on's secret, must equal the logged one; otherwise the order is rebuilt
 * from the log alone and its Needs Review says so.
 */
import { RESPONSE_DIGEST_FIELD, responseDigest } from '../../../core/covered-rows';
import { newWorkOrder, parseResponseRef, parseSubmission } from '../../../core/intake';
import type { HmacKey } from '../../../core/keyed-chain';
import type { StaffMember, WorkOrder } from '../../../core/model';
import { replayOrder, type RecordHistory } from '../../../core/replay';
import type { Settings } from '../../../core/settings';
import { readResponseRowsShown } from '../../adapters/response-tabs';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { scheduledStarts } from './rebuild-scheduled';

export const ANSWERS_NOT_FOUND =
  'Restored from the change log: the original form answers were not found as intake recorded them';

/**
 * The answers of each response row named ("Form Responses 1!A7"), by question title, read as they
 * display: per responses tab, its header row and the rows named, nearby rows in one read (never the
 * whole tab, which at 100,000 requests is a million cells). A row past the tab's last is left out.
 */
export function readResponseRows(
  ss: Spreadsheet,
  refs: Iterable<string>,
): Map<string, Record<string, string[]>> {
  const bySheet = new Map<string, number[]>();
  for (const ref of refs) {
    const at = parseResponseRef(ref);
    if (!at) continue;
    bySheet.set(at.sheetName, [...(bySheet.get(at.sheetName) ?? []), at.row]);
  }
  const answers = new Map<string, Record<string, string[]>>();
  for (const [name, wanted] of bySheet) {
    const rows = readResponseRowsShown(ss, name, wanted);
    const header = rows.get(1) ?? [];
    for (const row of wanted) {
      const cells = rows.get(row);
      if (!cells || row === 1) continue;
      const named: Record<string, string[]> = {};
      header.forEach((h, i) => {
        if (String(h).trim() !== '') named[String(h).trim()] = [String(cells[i] ?? '')];
      });
      answers.set(`${name}!A${row}`, named);
    }
  }
  return answers;
}

function loggedDigest(history: RecordHistory, ref: string): string | null {
  for (const line of history.lines) {
    if (line.field === RESPONSE_DIGEST_FIELD && line.newValue.startsWith(`${ref} `))
      return line.newValue.slice(ref.length + 1);
  }
  return null;
}

export interface RebuildContext {
  key: HmacKey;
  settings: Settings;
  timeZone: string;
  /** For an order a schedule made: its notes name the default technician as the Staff tab has them. */
  staff: readonly StaffMember[];
}

function unreadableFlag(unreadable: readonly string[]): string {
  return unreadable.length > 0
    ? `Restored from the change log: ${unreadable.length} logged value(s) could not be read back (${unreadable.join('; ').slice(0, 300)})`
    : '';
}

/** Each history's order as the log describes it (an order a schedule made: from its schedule, ./rebuild-scheduled). */
export function rebuildOrders(
  ss: Spreadsheet,
  histories: readonly RecordHistory[],
  ctx: RebuildContext,
): Map<string, WorkOrder> {
  const refs = histories.map((h) => h.created?.ref ?? '').filter((r) => r !== '');
  const answers = refs.length > 0 ? readResponseRows(ss, refs) : new Map<string, Record<string, string[]>>();
  const orders = new Map<string, WorkOrder>();
  const scheduled = scheduledStarts(ss, histories, ctx);
  for (const history of histories) {
    const made = scheduled.get(history.id);
    if (made) {
      const { order, unreadable } = replayOrder(history, made.start, { timeZone: ctx.timeZone });
      const flags = [order.reviewFlag, made.flag, unreadableFlag(unreadable)];
      orders.set(history.id, { ...order, reviewFlag: flags.filter((t) => t !== '').join('; ') });
      continue;
    }
    const ref = history.created?.ref ?? '';
    const named = answers.get(ref);
    const digest = loggedDigest(history, ref);
    const genuine = named !== undefined && digest !== null && responseDigest(ctx.key, named) === digest;
    const start = genuine
      ? newWorkOrder(parseSubmission(named, ctx.settings.locations), {
          id: history.id,
          requestedAt: history.created?.at ?? new Date(NaN),
          responseRef: ref,
        })
      : null;
    const { order, unreadable } = replayOrder(history, start, { timeZone: ctx.timeZone });
    const flags = [order.reviewFlag, genuine ? '' : ANSWERS_NOT_FOUND, unreadableFlag(unreadable)];
    orders.set(history.id, { ...order, reviewFlag: flags.filter((t) => t !== '').join('; ') });
  }
  return orders;
}
