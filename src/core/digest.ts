/**
 * The supervisors' daily digest: one email summarizing what needs attention across the register.
 * Not about a single work order, so its subject carries the organization's name instead of a number.
 */
import { cleanRecipients, renderEmail, signatureOf, type Email } from './email-format';
import { OPEN_STATUSES, type WorkOrder } from './model';
import { singleLine } from './sanitize';
import { isOverdue } from './sla';
import { formatLocal, hoursBetween } from './time';

/** What an email listing work orders to supervisors is made from. */
interface OrderListInput {
  orders: readonly WorkOrder[];
  now: Date;
  timeZone: string;
  to: readonly string[];
  organizationName?: string;
  link?: string;
}

export interface DigestInput extends OrderListInput {
  /** Longest list per section; the rest is counted ("… and 12 more"). */
  maxPerSection?: number;
}

function line(order: WorkOrder, suffix: string): string {
  const ref = order.woNumber || order.id;
  return singleLine(
    `${ref} — ${singleLine(order.description, 80)}${suffix.trim() ? ` (${suffix.trim()})` : ''}`,
    200,
  );
}

/** Requests waiting for a decision, oldest first, each with how long it has waited. */
function waitingLines(orders: readonly WorkOrder[], now: Date): string[] {
  return [...orders]
    .sort((a, b) => (a.requestedAt?.getTime() ?? 0) - (b.requestedAt?.getTime() ?? 0))
    .map((o) =>
      line(o, o.requestedAt ? `submitted ${Math.floor(hoursBetween(o.requestedAt, now))} h ago` : ''),
    );
}

function capped(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

/** Builds the digest; sections with nothing in them are left out. */
export function composeDigest(input: DigestInput): Email {
  const { now, timeZone } = input;
  const max = input.maxPerSection ?? 50;
  const open = input.orders.filter((o) => OPEN_STATUSES.includes(o.status));
  const overdue = open
    .filter((o) => isOverdue(o, now))
    .sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
  const waiting = waitingLines(
    open.filter((o) => o.status === 'Submitted'),
    now,
  );
  const unassigned = open.filter((o) => o.status === 'Approved');
  const onHold = open.filter((o) => o.status === 'On Hold');
  const toClose = open.filter((o) => o.status === 'Completed');
  const sections = [
    {
      heading: `Overdue (${overdue.length})`,
      lines: overdue.map((o) =>
        line(o, `due ${o.due ? formatLocal(o.due, timeZone) : ''}, ${o.assignee || 'unassigned'}`),
      ),
    },
    {
      heading: `Waiting for a decision (${waiting.length})`,
      lines: waiting,
    },
    {
      heading: `Approved, not assigned (${unassigned.length})`,
      lines: unassigned.map((o) => line(o, o.priority)),
    },
    { heading: `On hold (${onHold.length})`, lines: onHold.map((o) => line(o, o.reason)) },
    {
      heading: `Completed, waiting to be closed (${toClose.length})`,
      lines: toClose.map((o) => line(o, '')),
    },
  ]
    .filter((s) => s.lines.length > 0)
    .map((s) => ({ heading: s.heading, lines: capped(s.lines, max) }));
  const org = signatureOf(input.organizationName);
  const subject = singleLine(`[${org}] Daily digest: ${open.length} open, ${overdue.length} overdue`, 250);
  const intro = [`${open.length} work orders are open as of ${formatLocal(now, timeZone)} (${timeZone}).`];
  if (sections.length === 0) intro.push('Nothing needs your attention today.');
  const rendered = renderEmail(
    { title: 'Daily digest', intro, details: [], sections },
    input.link ?? '',
    org,
  );
  return { to: cleanRecipients(input.to), subject, ...rendered };
}

export interface UndecidedSummaryInput extends OrderListInput {
  /** 'reminder': half the response target passed; 'escalation': the target passed. */
  stage: 'reminder' | 'escalation';
  maxLines?: number;
}

/**
 * Several requests crossing a response threshold in the same run make one email per recipient, not
 * one each: a backlog of undecided requests must not flood the supervisors or the day's mail quota.
 */
export function composeUndecidedSummary(input: UndecidedSummaryInput): Email {
  const { orders, now, timeZone } = input;
  const n = orders.length;
  const org = signatureOf(input.organizationName);
  const lines = capped(waitingLines(orders, now), input.maxLines ?? 50);
  const escalation = input.stage === 'escalation';
  const title = escalation
    ? `Escalation: ${n} requests have had no decision within their response target`
    : `${n} requests are waiting for a decision`;
  const intro = [
    escalation
      ? `These requests passed their Respond Within target (Settings) as of ${formatLocal(now, timeZone)} (${timeZone}) without a decision.`
      : `These requests are halfway to their Respond Within target (Settings) without a decision.`,
  ];
  const rendered = renderEmail(
    { title, intro, details: [], sections: [{ heading: `Requests (${n})`, lines }] },
    input.link ?? '',
    org,
  );
  return { to: cleanRecipients(input.to), subject: singleLine(`[${org}] ${title}`, 250), ...rendered };
}

export interface PersonalDigestInput {
  /** Notices held for digests, oldest first, as they would have been sent. */
  notices: readonly Pick<Email, 'to' | 'subject' | 'body'>[];
  now: Date;
  timeZone: string;
  organizationName?: string;
  /** Notices shown in full per email; the rest are listed by subject. */
  maxInFull?: number;
}

/** The text a notice says, without its greeting and signature. */
function noticeLines(body: string): string[] {
  const lines = body.split('\n').map((l) => l.trim());
  let end = lines.length - 1;
  while (end >= 0 && !(lines[end] ?? '').startsWith('— ')) end--;
  return (end >= 0 ? lines.slice(0, end) : lines).filter((l) => l !== '' && l !== 'Hello,');
}

/**
 * One email per person (in the order first met) holding every notice held for them: each in full
 * (its lines, links included), so nothing a single email said is lost by waiting for the digest.
 */
export function composePersonalDigests(input: PersonalDigestInput): Email[] {
  const byRecipient = new Map<string, Pick<Email, 'subject' | 'body'>[]>();
  for (const notice of input.notices) {
    for (const to of cleanRecipients(notice.to)) {
      const list = byRecipient.get(to) ?? [];
      list.push(notice);
      byRecipient.set(to, list);
    }
  }
  const org = signatureOf(input.organizationName);
  const max = input.maxInFull ?? 30;
  return [...byRecipient].map(([to, notices]) => {
    const n = notices.length;
    const sections = notices
      .slice(0, max)
      .map((x) => ({ heading: singleLine(x.subject, 200), lines: noticeLines(x.body) }));
    if (n > max)
      sections.push({
        heading: `And ${n - max} more`,
        lines: notices.slice(max).map((x) => singleLine(x.subject, 200)),
      });
    const rendered = renderEmail(
      {
        title: 'Your daily digest',
        intro: [
          `${n} notice${n === 1 ? '' : 's'} about work orders since the last digest, gathered in one email as of ${formatLocal(input.now, input.timeZone)} (${input.timeZone}). None needs action at once; anything urgent is emailed as it happens.`,
        ],
        details: [],
        sections,
      },
      '',
      org,
    );
    return {
      to: [to],
      subject: singleLine(`[${org}] Your daily digest: ${n} work order notice${n === 1 ? '' : 's'}`, 250),
      ...rendered,
    };
  });
}
