/**
 * "My work": the menu item that opens the technicians' sidebar and the functions the sidebar calls
 * through google.script.run. A sidebar call runs as the person who opened it, so Google tells the add-on
 * who they are on any account, consumer or Workspace, which the edit trigger cannot count on. Each
 * function validates its input and re-checks the caller on the Staff tab; a refusal comes back as
 * `{ ok: false, message }` for the sidebar to show.
 */
import { wholeSeconds } from '../../../core/time';
import {
  MyWorkActionRequestSchema,
  MyWorkLoadRequestSchema,
  type MyWorkActResponse,
  type MyWorkLoadResponse,
} from '../../../shared/my-work';
import { answer, openSidebar } from '../review/respond';
import { notifyStep, performStep } from './act';
import { cardOf } from './cards';
import { isRefusal, myWorkCall, workerOrRefusal } from './caller';
import { successMessage } from './messages';
import { MY_WORK_SEEN } from './moved-on';
import { updateLinkFor } from './update-link';
import { buildMyWork } from './view';

export const MY_WORK_FILE = 'MyWorkSidebar';
export const MY_WORK_TITLE = 'My work';

/**
 * Menu: My work. Shows the sidebar to active staff who can be assigned work, with their cards already
 * in it: the page draws them at once instead of making a first call (another execution and browser
 * round trip). The cards are put in unchecked, without reading the register (reading it is most of an
 * opening's cost): as remembered from an earlier opening, else as the review queue summarizes them
 * (./first-paint). The page draws them, then asks myWorkLoad for the checked view before it takes any
 * step. Should the cards fail to load here, the page makes that call itself.
 */
export function openMyWork(): void {
  openSidebar(
    { file: MY_WORK_FILE, title: MY_WORK_TITLE, without: 'its cards (the page loads them)' },
    workerOrRefusal,
    (ss, reference, worker): MyWorkLoadResponse => ({
      ok: true,
      view: buildMyWork(ss, reference, worker, new Date(), { check: false }),
    }),
  );
}

/** The sidebar's call on Reload (and on opening, when the page came without its cards). */
export function myWorkLoad(request?: unknown): MyWorkLoadResponse {
  return answer((): MyWorkLoadResponse => {
    const call = myWorkCall(MyWorkLoadRequestSchema, request);
    if (isRefusal(call)) return call;
    const { ss, reference, worker } = call;
    const now = new Date();
    return { ok: true, view: buildMyWork(ss, reference, worker, now) };
  });
}

/** Start, hold, resume, add a note or complete one order; the reply carries the order's new card. */
export function myWorkAct(request?: unknown): MyWorkActResponse {
  return answer((): MyWorkActResponse => {
    const call = myWorkCall(MyWorkActionRequestSchema, request, { acting: true });
    if (isRefusal(call)) return call;
    const { ss, reference, worker, data } = call;
    // Whole seconds: the stamps read back exactly as recorded.
    const now = wholeSeconds(new Date());
    const outcome = performStep(ss, reference, worker, data, now, {
      source: 'sidebar',
      seen: 'opened My work',
      ...MY_WORK_SEEN,
      checkRevision: true,
    });
    if (!outcome.ok) return { ok: false, message: outcome.message };
    // Emails after the lock is released, as every other path sends them.
    notifyStep(ss, reference, outcome, worker.email, now);
    return {
      ok: true,
      message: successMessage(outcome.before, outcome.after, outcome.transition),
      card: cardOf(outcome.after, outcome.row, worker, reference, now, updateLinkFor()(outcome.after)),
    };
  });
}
