/**
 * Is a form response already in the register? Pure. The intake ledger and the register's Response Row
 * say so by position ("Form Responses 1!A7"); this module answers by content, for the cases where the
 * position lies: a lost ledger, a renamed responses tab, or the copy of every earlier response that
 * Google Forms writes into a new tab when the form is linked again.
 */
import type { WorkOrder } from '../../../core/model';

const MINUTE_MS = 60_000;
/** How long after the response a form-submit execution may have recorded it (retries, queueing). */
const LATEST_RECORDING_MS = 6 * 60 * MINUTE_MS;
/** Intake stamps its own clock; the response's timestamp is Google's: allow for a little skew. */
const EARLIEST_RECORDING_MS = 5 * MINUTE_MS;

function contentKey(requesterEmail: string, description: string): string {
  return `${requesterEmail.trim().toLowerCase()}\n${description.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** The register's requests by requester and description, with the times they were recorded. */
export class RegisterIndex {
  private readonly byContent = new Map<string, number[]>();
  readonly refs = new Set<string>();

  constructor(orders: readonly WorkOrder[]) {
    for (const order of orders) this.add(order);
  }

  add(order: WorkOrder): void {
    if (order.responseRef) this.refs.add(order.responseRef);
    if (order.requestedAt) this.addContent(order.requesterEmail, order.description, order.requestedAt);
  }

  addContent(requesterEmail: string, description: string, recordedAt: Date): void {
    const key = contentKey(requesterEmail, description);
    const times = this.byContent.get(key) ?? [];
    times.push(recordedAt.getTime());
    this.byContent.set(key, times);
  }

  /**
   * True when a request with the same requester and description was recorded from shortly before to
   * a few hours after the response was submitted: that request is this response. (Two identical
   * requests by one person within hours are one request submitted twice.)
   */
  hasContent(requesterEmail: string, description: string, submittedAt: Date): boolean {
    const times = this.byContent.get(contentKey(requesterEmail, description));
    if (!times) return false;
    const t = submittedAt.getTime();
    return times.some((r) => r >= t - EARLIEST_RECORDING_MS && r <= t + LATEST_RECORDING_MS);
  }
}
