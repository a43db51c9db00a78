/**
 * The emails an action owes, recorded with its log commit so that each is sent or queued exactly
 * once even when the execution fails between its change and its mail.
 *
 * The intent is written after the log rows and before the register change, under the key of the
 * rows' last chain position: what to send (kinds and recipients; compact, the text is composed again
 * from the work order). After the document lock is released the writer deletes the intent and only
 * then sends. So:
 *  - failed before its change landed: recovery drops the rows, and their intent with them;
 *  - failed after it landed, before the intent was deleted: the next append (under the lock) finds
 *    the intent of the rows it keeps or of the last commit, composes the emails from the register's
 *    order and queues them in the Outbox;
 *  - failed after the intent was deleted: sendOrQueue either sent or queued each email (a failed send
 *    is queued), so nothing is owed any more.
 */
import { composeEmail, type EmailKind } from '../../core/notifications';
import { queueEmails, type OutgoingEmail } from './mailer';
import { loadReferenceData } from './reference-data';
import { Register } from './register';
import { documentPropertiesOrNull } from './service-handles';
import { isHandedOffMailKey } from './change-log-handoff';
import { ownerProperties } from './owner-state';
import { withUserLock } from './reentrant-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PlannedMail {
  kind: EmailKind;
  /** Recipients when not the kind's usual ones. */
  to?: string[];
  question?: string;
  previousAssignee?: string;
  /** The reply form's link (a clarification, or an approval once the form exists). */
  reply?: { link: string; prefilled: boolean };
  /** Why a supervisor changed the priority or due date. */
  reason?: string;
  /** The due date before the change, as milliseconds (an intent is stored as JSON). */
  previousDueMs?: number | null;
}

/** A planned mail's parts of the email's extra (the stored due date back to a Date). */
export function emailExtraOf(plan: PlannedMail): Omit<PlannedMail, 'kind' | 'previousDueMs'> & {
  previousDue?: Date | null;
} {
  const { previousDueMs, ...rest } = plan;
  const parts: Omit<PlannedMail, 'previousDueMs'> & { previousDue?: Date | null } = rest;
  if (previousDueMs !== undefined)
    parts.previousDue = previousDueMs === null ? null : new Date(previousDueMs);
  return parts;
}

export interface MailIntent {
  key: string;
  recordId: string;
  planned: PlannedMail[];
}

const PREFIX = 'wo.mail.intent.';

/** The intent's key for the rows ending at chain position `seq`. */
export function intentKey(seq: number): string {
  return `${PREFIX}${seq}`;
}

/** Records the emails owed by the rows ending at `seq` (one property write); null when none. */
export function recordMailIntent(
  seq: number,
  recordId: string,
  planned: readonly PlannedMail[],
): MailIntent | null {
  const props = documentPropertiesOrNull();
  if (planned.length === 0 || !props) return null;
  const intent = { key: intentKey(seq), recordId, planned: [...planned] };
  props.setProperty(intent.key, JSON.stringify({ recordId, planned: intent.planned }));
  return intent;
}

/** Forgets the intents of rows recovery dropped (their change never landed, nor is mail owed). */
export function dropMailIntents(keys: readonly string[]): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  const present = new Set(props.getKeys());
  for (const key of keys) if (present.has(key)) props.deleteProperty(key);
}

/**
 * Deletes the intent before its emails go out. False when that failed: the next append then queues
 * them, and the caller must not send them itself.
 */
export function releaseMailIntent(intent: MailIntent | null | undefined): boolean {
  if (!intent) return true;
  if (isHandedOffMailKey(intent.key)) return releaseHandedOffIntent(intent);
  try {
    documentPropertiesOrNull()?.deleteProperty(intent.key);
    return true;
  } catch (error) {
    console.error(`Emails about ${intent.recordId} left for the next change to queue: ${String(error)}`);
    return false;
  }
}

/**
 * The hourly job's intent, in the owner's properties: deleted under the owner's lock that every
 * appender of the hand-off holds. Gone already means an execution in the document queued its emails
 * while the job was between its write and its send: the job must not send them again.
 */
function releaseHandedOffIntent(intent: MailIntent): boolean {
  // Set once the record is deleted: a failure after that (releasing the lock) must not stop the send,
  // for nothing is left for anyone else to queue.
  let released = false;
  try {
    withUserLock(() => {
      const props = ownerProperties();
      if (props.getProperty(intent.key) === null) return;
      props.deleteProperty(intent.key);
      released = true;
    });
  } catch (error) {
    if (!released)
      console.error(`Emails about ${intent.recordId} left for the next change to queue: ${String(error)}`);
  }
  return released;
}

/** Where intents are read and deleted: the document's properties, or the owner's for handed-off ones. */
interface IntentStore {
  getProperty(key: string): string | null;
  deleteProperty(key: string): unknown;
}

/** Emails of intents left by executions that failed after their commit: composed and queued. */
export function settleMailIntents(
  ss: Spreadsheet,
  keys: readonly string[],
  props: IntentStore | null = documentPropertiesOrNull(),
): void {
  if (!props || keys.length === 0) return;
  const owed: OutgoingEmail[] = [];
  const found: string[] = [];
  let register: Register | null = null;
  for (const key of keys) {
    const raw = props.getProperty(key);
    if (raw === null) continue;
    found.push(key);
    let intent: { recordId?: unknown; planned?: unknown };
    try {
      intent = JSON.parse(raw) as typeof intent;
    } catch {
      continue;
    }
    if (typeof intent.recordId !== 'string' || !Array.isArray(intent.planned)) continue;
    register ??= Register.open(ss);
    const order = register.find(intent.recordId)?.order;
    if (!order) continue;
    const reference = loadReferenceData(ss);
    for (const plan of intent.planned as PlannedMail[]) {
      const email = composeEmail(plan.kind, order, {
        timeZone: reference.timeZone,
        organizationName: reference.settings.organizationName,
        ...emailExtraOf(plan),
        link: ss.getUrl(),
      });
      if (email.to.length > 0) owed.push({ ...email, recordId: order.id });
    }
  }
  queueEmails(ss, owed, new Date());
  for (const key of found) props.deleteProperty(key);
}
