/**
 * "Review & assign": the menu item that opens the sidebar and the functions the sidebar calls through
 * google.script.run. Each validates its input with the shared zod schemas and re-checks the caller's
 * role on the Staff tab; a refusal comes back as `{ ok: false, message }` for the sidebar to show.
 */
import { parseRequestId, parseWoNumber } from '../../../core/ids';
import {
  ReviewActionRequestSchema,
  ReviewFindRequestSchema,
  ReviewLoadRequestSchema,
  ReviewPollRequestSchema,
  ReviewSearchRequestSchema,
  SEARCH_LIMIT,
  type Offsets,
  type ReviewActResponse,
  type ReviewFindResponse,
  type ReviewLoadResponse,
  type ReviewPollResponse,
  type ReviewSearchResponse,
} from '../../../shared/review';
import type { ReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { loadQueue, queueMarker } from '../../adapters/review-queue';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { performAction } from './act';
import { reviewerOrRefusal, type Reviewer } from './caller';
import { findOrder } from '../../adapters/register-lookup';
import { successMessage } from './messages';
import { describeDeliveries, sendActionEmails } from './notify';
import { answer, isRefusal, openSidebar, refusal, sidebarCall } from './respond';
import { openQuestionsIn } from './questions';
import { searchIndex } from './search';
import { buildView, itemFromEntry, itemFromOrder } from './view';
import { notInRegisterMessage } from '../archive/find';

export const SIDEBAR_FILE = 'ReviewSidebar';
export const SIDEBAR_TITLE = 'Review & assign';

const OVERFLOW_NOTICE =
  'So many work orders await a supervisor that the list cannot be kept in the document: it is read from the register each time, which is slower.';

const INDEXING_NOTICE =
  'The list is still being rebuilt after a large change (setup, archiving or many rows added at once): some work orders may not be shown yet. Reload in a minute to see them all.';

/**
 * Menu: Review & assign. Shows the sidebar to supervisors and administrators only, with the queue
 * already in it (openSidebar).
 */
export function openReviewSidebar(): void {
  openSidebar(
    { file: SIDEBAR_FILE, title: SIDEBAR_TITLE, without: 'its queue (the page loads it)' },
    reviewerOrRefusal,
    (ss, reference, reviewer) => loadedView(ss, reference, reviewer, {}),
  );
}

/** The queue as the sidebar shows it, from `offsets`. */
function loadedView(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reference: ReferenceData,
  reviewer: Reviewer,
  offsets: Offsets,
): ReviewLoadResponse {
  const { index, source, marker, properties } = loadQueue(ss);
  const notices = source === 'scan' ? [OVERFLOW_NOTICE] : source === 'indexing' ? [INDEXING_NOTICE] : [];
  const asked = openQuestionsIn(properties);
  return {
    ok: true,
    view: buildView({ index, reference, reviewer, offsets, now: new Date(), notices, marker, asked }),
  };
}

/** The sidebar's call on Reload and paging (and on opening, when the page came without its queue). */
export function reviewLoad(request?: unknown): ReviewLoadResponse {
  return answer((): ReviewLoadResponse => {
    const call = sidebarCall(ReviewLoadRequestSchema, request, reviewerOrRefusal);
    if (isRefusal(call)) return call;
    return loadedView(call.ss, call.reference, call.caller, call.data.offsets ?? {});
  });
}

/** Approve, reject, ask, assign, reassign, approve-and-assign, close, return or cancel one order. */
export function reviewAct(request?: unknown): ReviewActResponse {
  return answer((): ReviewActResponse => {
    // Acting: the caller, and the assignees offered, as the Staff tab has them now.
    const call = sidebarCall(ReviewActionRequestSchema, request, reviewerOrRefusal, { acting: true });
    if (isRefusal(call)) return call;
    // Stamped after the caller checks, just before the lock: concurrent actions are decided in that order.
    const now = new Date();
    const { ss, reference, caller: reviewer, data } = call;
    const outcome = performAction(ss, reference, reviewer, data, now);
    if (isRefusal(outcome)) return outcome;
    const deliveries = sendActionEmails(ss, reference, reviewer, outcome, now);
    const message = [
      successMessage(data, outcome.before, outcome.after, reference),
      describeDeliveries(deliveries),
    ]
      .filter((part) => part !== '')
      .join(' ');
    const offsets = data.offsets ?? {};
    const asked = openQuestionsIn(documentPropertiesOrNull()?.getProperties() ?? {});
    const context = { priorities: reference.settings.priorities, asked };
    const { index, marker } = outcome;
    return {
      ok: true,
      message,
      item: itemFromOrder(outcome.after, outcome.row, context),
      view: index ? buildView({ index, reference, reviewer, offsets, now, marker, asked }) : null,
    };
  });
}

/** One work order by request id or work-order number, in full, whatever its status. */
export function reviewFind(request?: unknown): ReviewFindResponse {
  return answer((): ReviewFindResponse => {
    const call = sidebarCall(ReviewFindRequestSchema, request, reviewerOrRefusal);
    if (isRefusal(call)) return call;
    const { ss, reference, data } = call;
    const found = findOrder(Register.open(ss), data.query);
    if (!found) return refusal(notInRegisterMessage(data.query));
    const asked = openQuestionsIn(documentPropertiesOrNull()?.getProperties() ?? {});
    const context = { priorities: reference.settings.priorities, asked };
    return { ok: true, item: itemFromOrder(found.order, found.row, context) };
  });
}

/**
 * Free-text search over the open work orders (ids, WO numbers, descriptions, locations, requesters),
 * from the queue index; an exact request id or WO number is also looked up in the whole register, so
 * closed work is found too.
 */
export function reviewSearch(request?: unknown): ReviewSearchResponse {
  return answer((): ReviewSearchResponse => {
    const call = sidebarCall(ReviewSearchRequestSchema, request, reviewerOrRefusal);
    if (isRefusal(call)) return call;
    const { ss, reference } = call;
    const query = call.data.query;
    const { index, properties } = loadQueue(ss);
    const context = { priorities: reference.settings.priorities, asked: openQuestionsIn(properties) };
    const hits = searchIndex(index, query);
    const items = hits.slice(0, SEARCH_LIMIT).map((e) => itemFromEntry(e, context));
    const exact = query.toUpperCase();
    const isKey = parseRequestId(exact) !== null || parseWoNumber(exact) !== null;
    if (isKey && !items.some((i) => i.id === exact || i.woNumber === exact)) {
      const found = findOrder(Register.open(ss), query);
      if (found) items.unshift(itemFromOrder(found.order, found.row, context));
    }
    return { ok: true, items, total: Math.max(hits.length, items.length) };
  });
}

/**
 * The open sidebar's poll: has the queue changed since the view it shows? One property read (and the
 * caller's role from the cached Staff tab); the page reloads only when the answer is yes.
 */
export function reviewPoll(request?: unknown): ReviewPollResponse {
  return answer((): ReviewPollResponse => {
    const call = sidebarCall(ReviewPollRequestSchema, request, reviewerOrRefusal);
    if (isRefusal(call)) return call;
    const marker = queueMarker();
    return { ok: true, changed: marker !== call.data.marker, marker };
  });
}
