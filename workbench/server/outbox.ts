/** The outbox of every email MailApp sent, listed newest first and each shown as its HTML body. */
import type { SentMail } from '../../runtime/host/services/mail';
import { escapeHtml } from '../../src/core/sanitize';

export interface MailSummary {
  index: number;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  at: number;
  /** The time as the script's zone reads it, for the list. */
  when: string;
  html: boolean;
}

export function mailList(sent: readonly SentMail[], timeZone: string): MailSummary[] {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return sent
    .map((m, index) => ({
      index,
      from: m.name ? `${m.name} <${m.from}>` : m.from,
      to: [...m.to],
      cc: [...m.cc],
      subject: m.subject,
      at: m.at.getTime(),
      when: format.format(m.at),
      html: m.htmlBody !== null,
    }))
    .reverse();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The message's links that the workbench itself serves (a form of this workbook, the spreadsheet),
 * pointed at the workbench: `local` gives a link's workbench address, or null to leave it as sent.
 * Such a link opens in a new tab, as a mail client opens it.
 */
export function withLocalLinks(html: string, local: (url: string) => string | null): string {
  return html.replace(/<a href="([^"]*)"/g, (whole, attribute: string) => {
    const url = attribute.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
    const there = local(url);
    return there === null ? whole : `<a href="${escapeHtml(there)}" target="_blank" rel="noopener"`;
  });
}

/** The message as its own document: the HTML body, or the plain body kept as it was written. */
export function mailPage(mail: SentMail, local: (url: string) => string | null = () => null): string {
  const body = mail.htmlBody
    ? withLocalLinks(mail.htmlBody, local)
    : `<pre style="white-space:pre-wrap;font:14px/1.45 system-ui,sans-serif">${escapeHtml(mail.body)}</pre>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head><body style="margin:16px;font-family:system-ui,sans-serif">${body}</body></html>`;
}
