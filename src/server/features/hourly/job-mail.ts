import type { OutgoingEmail } from '../../adapters/mailer';
import { deliverAll } from '../../adapters/outbox';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * The job's mail: every step delivers through it, so once anything had to be queued (quota short, or
 * older mail still waiting in the Outbox) every later email of the run queues behind it, in order.
 */
export class JobMail {
  sent = 0;
  queued = 0;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly now: Date,
    private backlog: boolean,
    /** After this (epoch ms) the run's mail is queued, not sent: the execution must end in time. */
    private readonly deadlineMs?: number,
    /** How many emails the run may still send (the drain's sends already counted); the rest is queued. */
    private readonly maxSends?: number,
  ) {}

  deliver(emails: readonly OutgoingEmail[]): void {
    if (emails.length === 0) return;
    const delivery = deliverAll(this.ss, emails, this.now, {
      backlog: this.backlog,
      deadlineMs: this.deadlineMs,
      maxSends: this.maxSends === undefined ? undefined : Math.max(0, this.maxSends - this.sent),
    });
    this.sent += delivery.sent;
    this.queued += delivery.queued;
    if (delivery.queued > 0) this.backlog = true;
  }
}
