/**
 * The emails an action owes, recorded with its log commit so that each is sent or queued exactly
 * once even when the execution fails between its change and its mail.
 *
 * The intent is written after the log rows and before the register change, under the key of the
 * rows' last chain position: what to send (kinds and recipients; compact, the text is composed again
 * from the work order). The writer deletes the intent under the document lock it has kept since its
 * commit, gives the lock back, and only then sends (releaseMailIntent). So:
 *  - failed before its change landed: recovery drops the rows, and their intent with them;
 *  - failed after it landed, before the intent was deleted: the next append (under the lock) finds
 *    the intent of the rows it keeps or of the last commit, composes the emails from the register's
 *    order and queues them in the Outbox;
 *  - failed after the intent was deleted: sendOrQueue either sent or queued each email (a failed send
 *    is queued), so nothing is owed any more.
 * Every writer owing emails records them so: sidebar actions, technicians' edits and pastes (one
 * intent for all the rows, a plan naming every order it is about), My work and update-form steps, and
 * the hourly job (its intents in the owner's properties, change-log-handoff.ts).
 *
 * Except a form submission, which always runs as the installation owner under the owner's lock: it
 * records its acknowledgment with the request counter and releases it with the intake ledger, two
 * writes of the owner's properties it makes anyway (features/intake/pending-ack.ts), instead of an
 * intent written and deleted here. The same three cases hold there, with the owner's executions (the
 * next submission, the hourly job) settling in place of the next append: before its change landed,
 * the order is not in the register and nothing is owed; after, before the release, the order is found
 * and the email queued; after the release, the submission sends or queues it itself.
 */
import type { WorkOrder } from '../../core/model';
import { supervisorEmails } from '../../core/staff';
import { linkFromTemplate } from '../../core/update-link';
import { PROPERTY_KEYS } from './document-properties';
import { composePlanned, type ComposeContext, type PlannedMail } from './change-log-mail-compose';
import { queueEmails, type OutgoingEmail } from './mailer';
import { loadReferenceData } from './reference-data';
import { Register } from './register';
import { findOrder } from './register-lookup';
import { documentKeysLastSeen, documentPropertiesOrNull } from './service-handles';
import { isHandedOffMailKey } from './change-log-handoff';
import { ownerProperties } from './owner-state';
import { documentLockHold, releaseKeptDocumentLock, withDocumentLock, withUserLock } from './document-lock';
import type { Spreadsheet } from './apps-script-types';

export {
  BULK_EMAILS,
  composePlanned,
  emailExtraOf,
  type ComposeContext,
  type PlannedMail,
} from './change-log-mail-compose';

export interface MailIntent {
  key: string;
  recordId: string;
  planned: PlannedMail[];
  /** The document lock's hold it was recorded under (documentLockHold), when it was recorded under one. */
  hold?: number | null;
}

const PREFIX = 'wo.mail.intent.';
/**
 * Longest piece of an intent in one property: Google's limit is 9 KB a value, and a character may
 * take up to 4 bytes (the all-ASCII case, nearly every intent, gets pieces four times longer).
 */
const PIECE_CHARS = 2000;
const ASCII_PIECE_CHARS = 8000;

/** The intent's key for the rows ending at chain position `seq`. */
export function intentKey(seq: number): string {
  return `${PREFIX}${seq}`;
}

/** The intent's pieces beyond its first property, when it was too long for one. */
function pieceKey(key: string, index: number): string {
  return `${key}.${index}`;
}

/**
 * The properties holding an intent: one, or, for an intent longer than a property holds (a paste
 * owing emails about hundreds of orders), its key naming how many pieces follow it.
 */
function storedIntent(
  key: string,
  recordId: string,
  planned: readonly PlannedMail[],
): Record<string, string> {
  const json = JSON.stringify({ recordId, planned });
  // eslint-disable-next-line no-control-regex
  const size = /^[\x00-\x7f]*$/.test(json) ? ASCII_PIECE_CHARS : PIECE_CHARS;
  if (json.length <= size) return { [key]: json };
  const stored: Record<string, string> = {};
  let pieces = 0;
  for (let at = 0; at < json.length; at += size) stored[pieceKey(key, pieces++)] = json.slice(at, at + size);
  stored[key] = JSON.stringify({ recordId, pieces });
  return stored;
}

/** Reads an intent back: null when gone; `intent` null when unreadable (it is deleted all the same). */
function readIntent(
  props: IntentStore,
  key: string,
): { intent: { recordId: string; planned: PlannedMail[] } | null; pieces: number } | null {
  const raw = props.getProperty(key);
  if (raw === null) return null;
  let pieces = 0;
  try {
    const head = JSON.parse(raw) as { recordId?: unknown; planned?: unknown; pieces?: unknown };
    if (typeof head.pieces === 'number' && head.pieces > 0) pieces = Math.min(head.pieces, 1000);
    let body = head;
    if (pieces > 0) {
      let json = '';
      for (let i = 0; i < pieces; i++) json += props.getProperty(pieceKey(key, i)) ?? '';
      body = JSON.parse(json) as typeof head;
    }
    if (typeof body.recordId !== 'string' || !Array.isArray(body.planned)) return { intent: null, pieces };
    return { intent: { recordId: body.recordId, planned: body.planned as PlannedMail[] }, pieces };
  } catch {
    return { intent: null, pieces };
  }
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
  sweepOrphanPieces(props);
  const stored = storedIntent(intent.key, recordId, intent.planned);
  if (Object.keys(stored).length === 1) props.setProperty(intent.key, stored[intent.key] ?? '');
  else props.setProperties(stored);
  return intent;
}

/**
 * Deletes pieces whose intent is gone (a writer released it but failed deleting its pieces): found in
 * the keys already read under the lock, so this costs nothing when there are none.
 */
function sweepOrphanPieces(props: IntentStore): void {
  const keys = documentKeysLastSeen();
  if (!keys) return;
  const present = new Set(keys);
  for (const key of keys) {
    const piece = /^(wo\.mail\.intent\.\d+)\.\d+$/.exec(key);
    if (piece && !present.has(piece[1] ?? '')) props.deleteProperty(key);
  }
}

/**
 * Forgets the intents of rows past chain position `seq` that the append does not keep: rows recovery
 * dropped (their change never landed, nor is mail owed), or left behind a damaged tail, where the chain
 * goes on from the checkpoint and their positions will be used again (an intent left there would be
 * taken for the emails of later rows). Reads the keys already read under the lock.
 */
export function dropMailIntentsAfter(seq: number): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  for (const key of props.getKeys()) {
    const intent = /^wo\.mail\.intent\.(\d+)(\.\d+)?$/.exec(key);
    if (intent && Number(intent[1]) > seq) props.deleteProperty(key);
  }
}

/** Deletes an intent's pieces after its first property (best effort: the first is what counts). */
function deletePieces(props: IntentStore, intent: MailIntent): void {
  const pieces = Object.keys(storedIntent(intent.key, intent.recordId, intent.planned)).length - 1;
  try {
    for (let i = 0; i < pieces; i++) props.deleteProperty(pieceKey(intent.key, i));
  } catch (error) {
    console.error(`Pieces of ${intent.key} left in the document's properties: ${String(error)}`);
  }
}

/**
 * Deletes the intent before its emails go out, under the document lock, and gives back the document
 * lock this execution kept for it (the emails follow, and sending is slow). False when the intent
 * could not be deleted, or another execution had already queued its emails: the caller must not send
 * them itself (the next append queues them, or did).
 *
 * Under the lock because every other execution settles intents under it (change-log.ts): one that
 * read the intent before it was deleted would queue the emails the writer then sends. A writer that
 * has held the lock since its commit (its section kept it: keepToExit) deletes it with no more calls;
 * one that gave the lock back takes it again and first checks the intent is still there.
 */
export function releaseMailIntent(intent: MailIntent | null | undefined): boolean {
  // No intent, no email: a kept lock stays kept (the execution's end gives it back at no cost).
  if (!intent) return true;
  if (isHandedOffMailKey(intent.key)) return releaseHandedOffIntent(intent);
  const props = documentPropertiesOrNull();
  if (!props) return true;
  const released = releaseOnce(intent, (deleted) => {
    if (intent.hold !== undefined && intent.hold !== null && documentLockHold() === intent.hold) {
      props.deleteProperty(intent.key);
      deleted();
    } else withDocumentLock(() => deleteIfStillThere(props, intent.key, deleted));
  });
  releaseKeptDocumentLock();
  if (released) deletePieces(props, intent);
  return released;
}
/**
 * The hourly job's intent, in the owner's properties: deleted under the owner's lock that every
 * appender of the hand-off holds. Gone already means an execution in the document queued its emails
 * while the job was between its write and its send: the job must not send them again.
 */
function releaseHandedOffIntent(intent: MailIntent): boolean {
  return releaseOnce(intent, (deleted) =>
    withUserLock(() => deleteIfStillThere(ownerProperties(), intent.key, deleted)),
  );
}

/**
 * Runs `release`, which calls `deleted` the moment the intent is gone. A failure after that (giving
 * back a lock) must not stop the send, for nothing is left for anyone else to queue; one before it
 * leaves the emails to the next change. True when the intent was deleted.
 */
function releaseOnce(intent: MailIntent, release: (deleted: () => void) => void): boolean {
  let released = false;
  try {
    release(() => {
      released = true;
    });
  } catch (error) {
    if (!released)
      console.error(`Emails about ${intent.recordId} left for the next change to queue: ${String(error)}`);
  }
  return released;
}

/** Deletes `key` if it is still there (another execution may have settled it), under the caller's lock. */
function deleteIfStillThere(props: IntentStore, key: string, deleted: () => void): void {
  if (props.getProperty(key) === null) return;
  props.deleteProperty(key);
  deleted();
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
  const found: Array<{ key: string; pieces: number }> = [];
  const intents: Array<{ recordId: string; planned: PlannedMail[] }> = [];
  for (const key of keys) {
    const read = readIntent(props, key);
    if (!read) continue;
    found.push({ key, pieces: read.pieces });
    if (read.intent) intents.push(read.intent);
  }
  const owed: OutgoingEmail[] = [];
  if (intents.length > 0) {
    const orderOf = ordersOf(ss, intents);
    const reference = loadReferenceData(ss);
    // An assignment's email carries the order's update-form link, as when its own execution sends it.
    const assigns = intents.some((i) => i.planned.some((p) => p.kind === 'assigned'));
    const template = assigns ? props.getProperty(PROPERTY_KEYS.updateFormPrefill) : null;
    const context: ComposeContext = {
      timeZone: reference.timeZone,
      organizationName: reference.settings.organizationName,
      link: ss.getUrl(),
      now: new Date(),
      supervisors: supervisorEmails(reference.staff),
      updateLinkOf: template ? (order) => linkFromTemplate(template, order.id) : undefined,
    };
    for (const intent of intents) owed.push(...composePlanned(intent, orderOf, context).emails);
  }
  queueEmails(ss, owed, new Date());
  for (const { key, pieces } of found) {
    props.deleteProperty(key);
    for (let i = 0; i < pieces; i++) props.deleteProperty(pieceKey(key, i));
  }
}

/** The register's orders the intents are about: found one by one when few, else read whole once. */
function ordersOf(
  ss: Spreadsheet,
  intents: ReadonlyArray<{ recordId: string; planned: readonly PlannedMail[] }>,
): (id: string) => WorkOrder | undefined {
  const ids = new Set(intents.flatMap((i) => i.planned.flatMap((p) => p.ids ?? [i.recordId])));
  const register = Register.open(ss);
  if (ids.size <= 3) {
    // Rows the review queue suggests first, each checked by id: the column only when none holds it.
    const found = new Map([...ids].map((id) => [id, findOrder(register, id)?.order]));
    return (id) => found.get(id);
  }
  const all = new Map(register.readAll().orders.map((o) => [o.order.id, o.order]));
  return (id) => all.get(id);
}
