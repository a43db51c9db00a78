import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import type { World } from '../world';
import { asText, signatureError, utf8Bytes } from '../args';
import { RecipientWindows } from './mail-quota';
import { workspaceOf } from '../identity';
import { Blob } from './utilities';

/**
 * Google's quotas page: email recipients per day, 100 for a consumer (gmail.com) account and 1,500 for
 * a Google Workspace account.
 */
export const CONSUMER_DAILY_RECIPIENTS = 100;
export const WORKSPACE_DAILY_RECIPIENTS = 1500;
/**
 * Google's quotas page (developers.google.com/apps-script/guides/services/quotas, "Current
 * limitations"): per message, 50 recipients, 250 attachments and 25 MB of attachments on every
 * account; a body of 200 KB on a consumer (gmail.com) account but 400 KB on Google Workspace.
 */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const CONSUMER_MAX_BODY_BYTES = 200 * 1024;
export const WORKSPACE_MAX_BODY_BYTES = 400 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 250;
export const MAX_ATTACHMENTS_BYTES = 25 * 1024 * 1024;
/** Apps Script refuses a longer subject with "Argument too large: subject". */
export const MAX_SUBJECT_CHARS = 250;

export const QUOTA_EXCEEDED_MESSAGE = 'Service invoked too many times for one day: email.';

export interface SentMail {
  /** Addresses as the script gave them (comma-separated lists split). */
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  /** The sender's display name (`name` option). */
  name: string | null;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: { name: string | null; contentType: string | null; size: number }[];
  /** The account that sent it: the effective user (a trigger's owner in a trigger). */
  from: string;
  at: Date;
  executionId: number;
}

/**
 * Every message MailApp sent, and each user's daily recipient count. Google counts recipients (to,
 * cc and bcc) per account, over 24 hours from the account's first message (mail-quota.ts).
 */
export class MailOutbox {
  readonly sent: SentMail[] = [];
  private readonly used = new RecipientWindows();

  constructor(
    readonly world: World,
    /** One daily quota for every account (a test's choice); unset, each account has its own kind's. */
    public dailyQuota?: number,
  ) {}

  /** The daily recipient quota of `user`'s account. */
  quotaOf(user: string): number {
    if (this.dailyQuota !== undefined) return this.dailyQuota;
    return workspaceOf(this.world.accounts, user) === null
      ? CONSUMER_DAILY_RECIPIENTS
      : WORKSPACE_DAILY_RECIPIENTS;
  }

  /** The largest body `user`'s account may send in one message. */
  maxBodyBytesOf(user: string): number {
    return workspaceOf(this.world.accounts, user) === null
      ? CONSUMER_MAX_BODY_BYTES
      : WORKSPACE_MAX_BODY_BYTES;
  }

  usedToday(user: string): number {
    return this.used.used(user, this.world.clock.nowMs());
  }
  remainingToday(user: string): number {
    return Math.max(0, this.quotaOf(user) - this.usedToday(user));
  }
  /** Messages one address received (to, cc or bcc). */
  receivedBy(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) =>
      [...m.to, ...m.cc, ...m.bcc].some((r) => bareAddress(r).toLowerCase() === a),
    );
  }
  /** Counts the recipients against the sender's quota and keeps the message; throws past the quota. */
  deliver(mail: SentMail): void {
    const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
    const used = this.used.used(mail.from, mail.at.getTime());
    if (used + recipients > this.quotaOf(mail.from)) throw new GasError(QUOTA_EXCEEDED_MESSAGE);
    this.used.add(mail.from, mail.at.getTime(), recipients);
    this.sent.push(mail);
  }
  clear(): void {
    this.sent.length = 0;
    this.used.clear();
  }
  /** Sent messages and quota counts as plain data (runtime/persistence.ts). */
  exportState(): { sent: SentMail[]; used: [string, number][] } {
    return { sent: this.sent.map(cloneMail), used: this.used.exportState() };
  }
  importState(state: { sent: readonly SentMail[]; used: readonly [string, number][] }): void {
    this.clear();
    this.sent.push(...state.sent.map(cloneMail));
    this.used.importState(state.used, this.world.timeZone);
  }
}

function cloneMail(m: SentMail): SentMail {
  return {
    ...m,
    to: [...m.to],
    cc: [...m.cc],
    bcc: [...m.bcc],
    attachments: m.attachments.map((a) => ({ ...a })),
    at: new Date(m.at.getTime()),
  };
}

/** `Name <a@b.c>` or `a@b.c` → `a@b.c`. */
function bareAddress(recipient: string): string {
  const m = /<([^<>]*)>\s*$/.exec(recipient);
  return (m ? m[1]! : recipient).trim();
}

const EMAIL =
  /^[^\s@<>(),;:"[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Splits a comma-separated recipient list and checks every address ("Invalid email: x"). */
function recipients(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  const text = asText(list);
  const out: string[] = [];
  for (const part of text.split(',')) {
    const recipient = part.trim();
    if (recipient === '') continue;
    if (!EMAIL.test(bareAddress(recipient))) throw new GasError(`Invalid email: ${recipient}`);
    out.push(recipient);
  }
  return out;
}

interface MailRequest {
  to: unknown;
  subject: unknown;
  body: unknown;
  options: Record<string, unknown>;
}

class MailAppService extends GasObject {
  readonly gasClass = 'MailApp';
  readonly gasService = 'Mail' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }

  /**
   * sendEmail(message) · sendEmail(recipient, subject, body) · sendEmail(recipient, subject, body, options)
   * · sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    this._send(this._request(args));
  }

  /** Recipients the effective user may still send to today. */
  getRemainingDailyQuota(): number {
    if (arguments.length !== 0) throw signatureError(this.gasClass, 'getRemainingDailyQuota', arguments);
    return this.ctx.world.mail.remainingToday(this.ctx.effectiveUserEmail);
  }

  private _request(args: unknown[]): MailRequest {
    const isObject = (v: unknown): v is Record<string, unknown> =>
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      !(v instanceof GasObject);
    if (args.length === 1 && isObject(args[0])) {
      const { to, subject, body, ...options } = args[0];
      return { to, subject, body, options };
    }
    if (args.length === 3 && args.every((a) => typeof a === 'string')) {
      return { to: args[0], subject: args[1], body: args[2], options: {} };
    }
    if (
      args.length === 4 &&
      typeof args[0] === 'string' &&
      typeof args[1] === 'string' &&
      typeof args[2] === 'string'
    ) {
      if (typeof args[3] === 'string')
        return { to: args[0], subject: args[2], body: args[3], options: { replyTo: args[1] } };
      if (isObject(args[3])) return { to: args[0], subject: args[1], body: args[2], options: args[3] };
    }
    throw signatureError(this.gasClass, 'sendEmail', args);
  }

  private _send(request: MailRequest): void {
    const { options } = request;
    const to = recipients(request.to);
    const cc = recipients(options.cc);
    const bcc = recipients(options.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new GasError('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE)
      throw new GasError('Limit Exceeded: Email Recipients Per Message.');
    const subject = request.subject === undefined || request.subject === null ? '' : asText(request.subject);
    if (subject.length > MAX_SUBJECT_CHARS) throw new GasError('Argument too large: subject');
    const body = request.body === undefined || request.body === null ? '' : asText(request.body);
    const htmlBody =
      options.htmlBody === undefined || options.htmlBody === null ? null : asText(options.htmlBody);
    const from = this.ctx.effectiveUserEmail;
    if (utf8Bytes(body) + utf8Bytes(htmlBody ?? '') > this.ctx.world.mail.maxBodyBytesOf(from))
      throw new GasError('Limit Exceeded: Email Body Size.');
    const replyTo =
      options.replyTo === undefined || options.replyTo === null
        ? null
        : recipients(options.replyTo).join(', ') || null;
    const attachments = attachmentsOf(options.attachments);
    if (attachments.length > MAX_ATTACHMENTS_PER_MESSAGE)
      throw new GasError('Limit Exceeded: Email Attachments Per Message.');
    if (attachments.reduce((total, a) => total + a.size, 0) > MAX_ATTACHMENTS_BYTES)
      throw new GasError('Limit Exceeded: Email Total Attachments Size.');
    const mail: SentMail = {
      to,
      cc,
      bcc,
      replyTo,
      name: options.name === undefined || options.name === null ? null : asText(options.name),
      noReply: options.noReply === true,
      subject,
      body,
      htmlBody,
      attachments,
      from,
      at: this.ctx.world.clock.now(),
      executionId: this.ctx.executionId,
    };
    this.ctx.world.mail.deliver(mail);
    this.ctx.stats.emailsSent += 1;
    this.ctx.stats.emailRecipients += count;
  }
}

function attachmentsOf(value: unknown): SentMail['attachments'] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (!(item instanceof Blob)) throw new GasError('Invalid argument: attachments');
    return { name: item.getName(), contentType: item.getContentType(), size: item._bytes().length };
  });
}

export function createMailApp(ctx: ExecutionContext): GasObject {
  return new MailAppService(ctx);
}
