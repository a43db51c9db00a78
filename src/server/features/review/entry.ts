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
  describeIssues,
  type Offsets,
  type ReviewActResponse,
  type ReviewFindResponse,
  type ReviewLoadResponse,
  type ReviewPollResponse,
  type ReviewSearchResponse,
} from '../../../shared/review';
import {
  loadReferenceData,
  referenceWithCurrentStaff,
  type ReferenceData,
} from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { loadQueue, queueMarker } from '../../adapters/review-queue';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet } from '../../adapters/workbook';
import { performAction } from './act';
import { isRefusal, reviewerOrRefusal, type Reviewer } from './caller';
import { findOrder } from '../../adapters/register-lookup';
import { successMessage } from './messages';
import { describeDeliveries, sendActionEmails } from './notify';
import { answer, refusal } from './respond';
import { openQuestionsIn } from './questions';
import { searchIndex } from './search';
import { buildView, itemFromEntry, itemFromOrder } from './view';
import { notInRegisterMessage } from '../archive/find';
import { alertUser, showSidebar } from '../../adapters/ui';

export const SIDEBAR_FILE = 'ReviewSidebar';
export const SIDEBAR_TITLE = 'Review & assign';

const OVERFLOW_NOTICE =
  'So many work orders await a supervisor that the list cannot be kept in the document: it is read from the register each time, which is slower.';

const INDEXING_NOTICE =
  'The list is still being rebuilt after a large change (setup, archiving or many rows added at once): some work orders may not be shown yet. Reload in a minute to see them all.';

/**
 * Menu: Review & assign. Shows the sidebar to supervisors and administrators only, with the queue
 * already in it: the page draws it at once instead of making a first call (another execution and
 * browser round trip). Should the queue fail to load here, the page makes that call itself.
 */
export function openReviewSidebar(): void {
  const ss = activeSpreadsheet();
  const reference = loadReferenceData(ss);
  const reviewer = reviewerOrRefusal(reference, currentUserEmail());
  if (isRefusal(reviewer)) {
    alertUser(SIDEBAR_TITLE, reviewer.message);
    return;
  }
  let first: ReviewLoadResponse | undefined;
  try {
    first = answer(() => loadedView(ss, reference, reviewer, {}));
  } catch (error) {
    console.error(`Review & assign opened without its queue (the page loads it): ${String(error)}`);
  }
  showSidebar(SIDEBAR_FILE, SIDEBAR_TITLE, first);
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
    const parsed = ReviewLoadRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const reviewer = reviewerOrRefusal(reference, currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    return loadedView(ss, reference, reviewer, parsed.data.offsets ?? {});
  });
}

/** Approve, reject, ask, assign, reassign, approve-and-assign, close, return or cancel one order. */
export function reviewAct(request?: unknown): ReviewActResponse {
  return answer((): ReviewActResponse => {
    const parsed = ReviewActionRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const now = new Date();
    const email = currentUserEmail();
    const remembered = loadReferenceData(ss);
    const seen = reviewerOrRefusal(remembered, email);
    if (isRefusal(seen)) return seen;
    // Before acting, the caller (and the assignees offered) as the Staff tab has them now: a row
    // deleted from it fires no edit trigger, so the remembered Staff may still list someone removed.
    const reference = referenceWithCurrentStaff(ss);
    const reviewer = reviewerOrRefusal(reference, email);
    if (isRefusal(reviewer)) return reviewer;
    const outcome = performAction(ss, reference, reviewer, parsed.data, now);
    if (isRefusal(outcome)) return outcome;
    const deliveries = sendActionEmails(ss, reference, reviewer, outcome, now);
    const message = [
      successMessage(parsed.data, outcome.before, outcome.after, reference),
      describeDeliveries(deliveries),
    ]
      .filter((part) => part !== '')
      .join(' ');
    const offsets = parsed.data.offsets ?? {};
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
    const parsed = ReviewFindRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const reviewer = reviewerOrRefusal(reference, currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    const found = findOrder(Register.open(ss), parsed.data.query);
    if (!found) return refusal(notInRegisterMessage(parsed.data.query));
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
    const parsed = ReviewSearchRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const reviewer = reviewerOrRefusal(reference, currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    const query = parsed.data.query;
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
    const parsed = ReviewPollRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const reviewer = reviewerOrRefusal(loadReferenceData(activeSpreadsheet()), currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    const marker = queueMarker();
    return { ok: true, changed: marker !== parsed.data.marker, marker };
  });
}
