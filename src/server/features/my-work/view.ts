/**
 * What the My work sidebar receives: the caller's open orders and their completed ones awaiting close.
 * Which orders are theirs comes from the review queue's open loads (Document Properties, no register
 * read). Checked (myWorkLoad): the orders are those remembered from the last opening where their
 * rows' Revision, Status and Assignee are unchanged (./card-cache), else read from their rows (./rows):
 * every card is the register as it is. Unchecked (the menu item): drawn from what is remembered and
 * the queue's summaries alone (./first-paint), for the page to check before any step.
 */
import type { MyWorkCard, MyWorkView } from '../../../shared/my-work-types';
import type { ReferenceData } from '../../adapters/reference-data';
import { parseRequestId } from '../../../core/ids';
import { Register, type LocatedOrder } from '../../adapters/register';
import { loadQueue } from '../../adapters/review-queue';
import type { Worker } from './caller';
import { OPEN_WORK_STATUSES, cardOf, compareCards } from './cards';
import { predictRows, readOrdersById } from './rows';
import { currentRemembered, readRemembered, remember, type Remembered } from './card-cache';
import { firstPaintOrders } from './first-paint';
import { updateLinkFor } from './update-link';
import type { Spreadsheet } from '../../adapters/apps-script-types';

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The caller's cards. With `check: false` (the menu item, whose page draws them at once), the orders
 * are drawn without reading the register, as remembered from an earlier opening or as the review
 * queue summarizes them (those cards say `summary`), and the view says so (`unchecked`): the page
 * then asks myWorkLoad, which reads and checks them, before any step.
 */
export function buildMyWork(
  ss: Spreadsheet,
  reference: ReferenceData,
  worker: Worker,
  now: Date,
  { check = true }: { check?: boolean } = {},
): MyWorkView {
  const { index, properties } = loadQueue(ss);
  // The update form's link template rides on the queue's property read.
  const linkFor = updateLinkFor(properties);
  const openIds = [...index.load].filter(([, email]) => sameEmail(email, worker.email)).map(([id]) => id);
  const completed = [...index.entries.values()].filter(
    (e) => e.status === 'Completed' && sameEmail(e.assignee, worker.email),
  );
  const ids = [...openIds, ...completed.map((e) => e.id)];
  let located: Array<LocatedOrder & { summary?: boolean }> = [];
  const remembered = ids.length > 0 ? readRemembered(worker.email) : new Map<string, Remembered>();
  const unchecked = check || ids.length === 0 ? null : firstPaintOrders(ids, index.entries, remembered);
  if (unchecked) located = unchecked.map(({ row, order, summary }) => ({ row, order, cells: [], summary }));
  else if (ids.length > 0) {
    // The header is not shared with the edit trigger here (a cache write, for a later execution):
    // opening My work is on the technician's clock.
    const register = Register.open(ss, { shareHeader: false });
    // Orders shown last time and unchanged since (two column reads), then the rest from their rows.
    const current = currentRemembered(register, remembered, ids);
    const rest = ids.filter((id) => !current.has(id));
    let read: LocatedOrder[] = [];
    if (rest.length > 0) {
      const anchors = [...index.entries.values()].map((e) => ({
        seq: parseRequestId(e.id) ?? 0,
        row: e.row,
      }));
      anchors.push({ seq: index.maxSeq, row: index.lastRow });
      const known = predictRows(rest, anchors);
      for (const id of rest) {
        const row = index.entries.get(id)?.row;
        if (row !== undefined) known.set(id, row);
      }
      read = readOrdersById(register, worker.email, rest, known);
    }
    const byId = new Map<string, LocatedOrder>([...current, ...read.map((l) => [l.order.id, l] as const)]);
    located = ids.flatMap((id) => {
      const found = byId.get(id);
      return found ? [found] : [];
    });
    // Written again only when it would change (a cache write costs as much as a read call).
    const same =
      located.length === remembered.size &&
      located.every(({ row, order }) => {
        const r = remembered.get(order.id);
        return r !== undefined && r.row === row && r.revision === order.revision;
      });
    if (!same) remember(worker.email, located);
  }
  const open: MyWorkCard[] = [];
  const awaitingClose: MyWorkCard[] = [];
  for (const { row, order, summary } of located) {
    // The register is the truth: an order the queue still counts but that moved on is left out.
    if (!sameEmail(order.assignee, worker.email)) continue;
    const card = (): MyWorkCard => ({
      ...cardOf(order, row, worker, reference, now, linkFor(order)),
      ...(summary ? { summary: true as const } : {}),
    });
    if (OPEN_WORK_STATUSES.includes(order.status)) open.push(card());
    else if (order.status === 'Completed') awaitingClose.push(card());
  }
  const priorities = reference.settings.priorities.map((p) => p.name);
  open.sort(compareCards(priorities));
  awaitingClose.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...(unchecked && unchecked.length > 0 ? { unchecked: true } : {}),
    generatedAt: now.toISOString(),
    timeZone: reference.timeZone,
    user: { email: worker.email, name: worker.name, role: worker.role },
    open,
    awaitingClose,
  };
}
