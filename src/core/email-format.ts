/**
 * Shared email plumbing: recipient cleaning and rendering one content structure as plain text and as
 * escaped HTML (so the two bodies always say the same thing and no user text reaches HTML unescaped).
 */
import { cleanText, escapeHtml } from './sanitize';

export interface Email {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
}

// No whitespace, separators, brackets or double quotes anywhere (nothing that could split or extend a
// mail header); an apostrophe is allowed before the @ (o'brien@example.com is a valid address).
const EMAIL = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"'()[\]\\]+\.[^\s@,;<>"'()[\]\\]+$/;

/** Lower-cased, valid, unique addresses (no commas or line breaks can reach a mail header). */
export function cleanRecipients(addresses: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of addresses) {
    const email = a.trim().toLowerCase();
    if (EMAIL.test(email) && !out.includes(email)) out.push(email);
  }
  return out;
}

/**
 * Recipients one message may have, to, cc and bcc together ("Quotas for Google Services": email
 * recipients per message, 50); MailApp refuses a message over it ("Limit Exceeded: Email Recipients
 * Per Message."), and the same message would then fail in the Outbox for good.
 */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/** The addresses in groups of at most MAX_RECIPIENTS_PER_MESSAGE, in order: one message each. */
export function recipientGroups(addresses: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < addresses.length; i += MAX_RECIPIENTS_PER_MESSAGE)
    groups.push(addresses.slice(i, i + MAX_RECIPIENTS_PER_MESSAGE));
  return groups;
}

export interface Content {
  title: string;
  intro: string[];
  details: Array<[string, string]>;
  /** Lists after the details (the digest's sections). */
  sections?: Array<{ heading: string; lines: string[] }>;
  /** A link the reader is asked to follow (the reply form), shown after the intro. */
  action?: { label: string; url: string };
}

const html = (text: string): string => escapeHtml(cleanText(text)).replace(/\n/g, '<br>');

/** Renders content as text and HTML; `link` is added only when it is an https URL. */
export function renderEmail(
  content: Content,
  link: string,
  from: string,
): { body: string; htmlBody: string } {
  const safeLink = /^https:\/\/[^\s]+$/.test(link) ? link : '';
  const sections = content.sections ?? [];
  const action = content.action && /^https:\/\/[^\s]+$/.test(content.action.url) ? content.action : null;
  const text = cleanText(
    [
      'Hello,',
      '',
      ...content.intro,
      ...(action ? ['', `${action.label}: ${action.url}`] : []),
      ...(content.details.length > 0 ? ['', ...content.details.map(([k, v]) => `${k}: ${v}`)] : []),
      ...sections.flatMap((s) => ['', `${s.heading}:`, ...s.lines.map((l) => `- ${l}`)]),
      ...(safeLink ? ['', `Open the register: ${safeLink}`] : []),
      '',
      `— ${from}`,
    ].join('\n'),
  );
  const htmlBody = [
    '<p>Hello,</p>',
    ...content.intro.map((l) => `<p>${html(l)}</p>`),
    ...(action ? [`<p><a href="${escapeHtml(action.url)}">${html(action.label)}</a></p>`] : []),
    ...(content.details.length > 0
      ? [
          '<table>',
          ...content.details.map(
            ([k, v]) => `<tr><th align="left" valign="top">${html(k)}</th><td>${html(v)}</td></tr>`,
          ),
          '</table>',
        ]
      : []),
    ...sections.flatMap((s) => [
      `<h3>${html(s.heading)}</h3>`,
      '<ul>',
      ...s.lines.map((l) => `<li>${html(l)}</li>`),
      '</ul>',
    ]),
    ...(safeLink ? [`<p><a href="${escapeHtml(safeLink)}">Open the register</a></p>`] : []),
    `<p>— ${html(from)}</p>`,
  ].join('\n');
  return { body: text, htmlBody };
}

/** The sign-off: the organization's name. */
export function signatureOf(organizationName: string | undefined): string {
  return organizationName?.trim() || 'Work Orders';
}

/** Who every email is from, as MailApp's options: one sender name, and the reply-to address if set. */
export interface MailSender {
  name: string;
  replyTo?: string;
}

export function senderOf(settings: { organizationName?: string; replyTo?: string }): MailSender {
  const replyTo = cleanRecipients([settings.replyTo ?? ''])[0];
  return { name: signatureOf(settings.organizationName), ...(replyTo ? { replyTo } : {}) };
}
