/**
 * "Review & assign": the menu item that opens the sidebar and the functions the sidebar calls through
 * google.script.run. Each validates its input with the shared zod schemas and re-checks the caller's
 * role on the Staff tab; a refusal comes back as `{ ok: false, message }` for the sidebar to show.
 */
import {
  ReviewActionRequestSchema,
  ReviewFindRequestSchema,
  ReviewLoadRequestSchema,
  describeIssues,
  type ReviewActResponse,
  type ReviewFindResponse,
  type ReviewLoadResponse,
} from '../../../shared/review';
import { loadReferenceData } from '../../adapters/reference-data';
import { Register } from '../../adapters/register';
import { loadQueue } from '../../adapters/review-queue';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet } from '../../adapters/workbook';
import { performAction } from './act';
import { isRefusal, reviewerOrRefusal } from './caller';
import { findOrder } from './find';
import { successMessage } from './messages';
import { describeDeliveries, sendActionEmails } from './notify';
import { answer, refusal } from './respond';
import { buildView, itemFromOrder } from './view';
import { alertUser, showSidebar } from '../../adapters/ui';

export const SIDEBAR_FILE = 'ReviewSidebar';
export const SIDEBAR_TITLE = 'Review & assign';

const OVERFLOW_NOTICE =
  'So many work orders await a supervisor that the list cannot be kept in the document: it is read from the register each time, which is slower.';

/** Menu: Review & assign. Shows the sidebar to supervisors and administrators only. */
export function openReviewSidebar(): void {
  const ss = activeSpreadsheet();
  // Reading Staff here also warms the document cache for the sidebar's first call.
  const reviewer = reviewerOrRefusal(loadReferenceData(ss), currentUserEmail());
  if (isRefusal(reviewer)) {
    alertUser(SIDEBAR_TITLE, reviewer.message);
    return;
  }
  showSidebar(SIDEBAR_FILE, SIDEBAR_TITLE);
}

/** The sidebar's one call on opening (and on Reload or paging): the queue and the technicians. */
export function reviewLoad(request?: unknown): ReviewLoadResponse {
  return answer((): ReviewLoadResponse => {
    const parsed = ReviewLoadRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const reviewer = reviewerOrRefusal(reference, currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    const { index, source } = loadQueue(ss);
    const notices = source === 'scan' ? [OVERFLOW_NOTICE] : [];
    const offsets = parsed.data.offsets ?? {};
    return { ok: true, view: buildView({ index, reference, reviewer, offsets, now: new Date(), notices }) };
  });
}

/** Approve, reject, ask, assign, reassign, approve-and-assign, close, return or cancel one order. */
export function reviewAct(request?: unknown): ReviewActResponse {
  return answer((): ReviewActResponse => {
    const parsed = ReviewActionRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const now = new Date();
    const reference = loadReferenceData(ss);
    const reviewer = reviewerOrRefusal(reference, currentUserEmail());
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
    return {
      ok: true,
      message,
      item: itemFromOrder(outcome.after, outcome.row),
      view: outcome.index ? buildView({ index: outcome.index, reference, reviewer, offsets, now }) : null,
    };
  });
}

/** One work order by request id or work-order number, in full, whatever its status. */
export function reviewFind(request?: unknown): ReviewFindResponse {
  return answer((): ReviewFindResponse => {
    const parsed = ReviewFindRequestSchema.safeParse(request);
    if (!parsed.success) return refusal(describeIssues(parsed.error));
    const ss = activeSpreadsheet();
    const reviewer = reviewerOrRefusal(loadReferenceData(ss), currentUserEmail());
    if (isRefusal(reviewer)) return reviewer;
    const found = findOrder(Register.open(ss), parsed.data.query);
    if (!found) return refusal(`No work order ${parsed.data.query} is in the register.`);
    return { ok: true, item: itemFromOrder(found.order, found.row) };
  });
}
