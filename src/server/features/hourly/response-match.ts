/**
 * Is a form response already in the register? Pure. The intake ledger and the register's Response Row
 * say so by position ("Form Responses 1!A7"); this module answers by content, for the cases where the
 * position lies: a lost ledger, a renamed responses tab, or the copy of every earlier response that
 * Google Forms writes into a new tab when the form is linked again.
 */
import type { WorkOrder, WorkOrderField } from '../../../core/model';

const MINUTE_MS = 60_000;
/** How long after the response a form-submit execution may have recorded it (retries, queueing). */
const LATEST_RECORDING_MS = 6 * 60 * MINUTE_MS;
/** Intake stamps its own clock; the response's timestamp is Google's: allow for a little skew. */
const EARLIEST_RECORDING_MS = 5 * MINUTE_MS;

function contentKey(requesterEmail: string, description: string): string {
  return `${requesterEmail.trim().toLowerCase()}\n${description.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** The fields a register row claims a response by: its position, or its content. */
export const REF_FIELDS = ['responseRef'] as const satisfies readonly WorkOrderField[];
export const CONTENT_FIELDS = [
  'requesterEmail',
  'description',
  'requestedAt',
] as const satisfies readonly WorkOrderField[];

/**
 * Whether a register row's `fields` are as the add-on recorded them. The cells are writable by every
 * editor's script where no edit trigger sees it, so a row claims a response only when they are: else a
 * technician's own order could be made to name a missed request, which would then never be taken in.
 */
export interface Vouch {
  /** Reads the rows of `orders` together, before they are asked about one by one. */
  prepare(orders: readonly WorkOrder[]): void;
  agrees(order: WorkOrder, fields: readonly WorkOrderField[]): boolean;
}

/** The register's requests by requester and description, with the times they were recorded. */
export class RegisterIndex {
  /** Content keys → when each was recorded, and the row recording it (null: a response taken in now). */
  private readonly byContent = new Map<string, Array<{ at: number; order: WorkOrder | null }>>();
  private readonly refs = new Map<string, WorkOrder[]>();

  constructor(
    orders: readonly WorkOrder[],
    private readonly vouch: Vouch,
  ) {
    for (const order of orders) this.add(order);
  }

  add(order: WorkOrder): void {
    if (order.responseRef)
      this.refs.set(order.responseRef, [...(this.refs.get(order.responseRef) ?? []), order]);
    if (order.requestedAt) this.addContent(order.requesterEmail, order.description, order.requestedAt, order);
  }

  /** Which of `refs` ("Form Responses 1!A7") a row the add-on vouches for names (the rows checked together). */
  named(refs: readonly string[]): Set<string> {
    this.vouch.prepare(refs.flatMap((ref) => this.refs.get(ref) ?? []));
    return new Set(
      refs.filter((ref) => (this.refs.get(ref) ?? []).some((order) => this.vouch.agrees(order, REF_FIELDS))),
    );
  }

  /** Reads together the rows that hold any of these responses' content (see hasContent). */
  prepareContent(responses: ReadonlyArray<{ requesterEmail: string; description: string }>): void {
    this.vouch.prepare(
      responses.flatMap(
        (r) =>
          this.byContent
            .get(contentKey(r.requesterEmail, r.description))
            ?.flatMap((e) => (e.order ? [e.order] : [])) ?? [],
      ),
    );
  }

  addContent(
    requesterEmail: string,
    description: string,
    recordedAt: Date,
    order: WorkOrder | null = null,
  ): void {
    const key = contentKey(requesterEmail, description);
    const times = this.byContent.get(key) ?? [];
    times.push({ at: recordedAt.getTime(), order });
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
    return times.some(
      ({ at, order }) =>
        at >= t - EARLIEST_RECORDING_MS &&
        at <= t + LATEST_RECORDING_MS &&
        (order === null || this.vouch.agrees(order, CONTENT_FIELDS)),
    );
  }
}
