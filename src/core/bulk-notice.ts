/**
 * One email per recipient for a bulk change: a paste of hundreds of rows owes each person one email
 * listing what concerns them, not one email per row (hundreds of ~1 s sends, and the day's recipient
 * quota: 100 for a consumer account). Built from the emails each row would have sent on its own, so
 * the wording of each line is the one the single email's subject carries.
 */
import { cleanRecipients, renderEmail, signatureOf, type Email } from './email-format';
import { singleLine } from './sanitize';
import { formatLocal } from './time';

export interface BulkNoticeInput {
  /** The emails the rows would have sent one by one. */
  emails: readonly Email[];
  now: Date;
  timeZone: string;
  organizationName?: string;
  /** The spreadsheet's link. */
  link?: string;
  /** Longest list per email; the rest is counted ("… and 12 more"). */
  maxLines?: number;
}

/** Per recipient (in the order first met), one email listing the subjects of theirs. */
export function composeBulkNotices(input: BulkNoticeInput): Email[] {
  const byRecipient = new Map<string, string[]>();
  for (const email of input.emails) {
    for (const to of cleanRecipients(email.to)) {
      const lines = byRecipient.get(to) ?? [];
      lines.push(singleLine(email.subject, 200));
      byRecipient.set(to, lines);
    }
  }
  const org = signatureOf(input.organizationName);
  const max = input.maxLines ?? 200;
  return [...byRecipient].map(([to, all]) => {
    const lines = all.length <= max ? all : [...all.slice(0, max), `… and ${all.length - max} more`];
    const n = all.length;
    const subject = singleLine(`[${org}] ${n} work order update${n === 1 ? '' : 's'} for you`, 250);
    const intro = [
      `One change to the register at ${formatLocal(input.now, input.timeZone)} (${input.timeZone}) updated ${n} work order${n === 1 ? '' : 's'} that concern you. Each is listed below; the register and the add-on's sidebars show them in full.`,
    ];
    const rendered = renderEmail(
      { title: 'Work order updates', intro, details: [], sections: [{ heading: 'Updates', lines }] },
      input.link ?? '',
      org,
    );
    return { to: [to], subject, ...rendered };
  });
}
