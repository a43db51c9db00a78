/**
 * A request's form response edited after it was taken in. With "Allow response editing" on (setup turns
 * it off, an administrator may turn it back on), Google overwrites the response row and fires the
 * form-submit trigger again for it. The work order is not rewritten from it: it may have been approved,
 * assigned and worked on since, and the register keeps what was decided on the first answers. So the
 * edit is recorded on the order's change log (once per set of answers) and the requestor and the
 * supervisors are told it was not applied and what to do instead. A replayed delivery (the same
 * answers as intake recorded) changes nothing, as before.
 *
 * Told apart by the digest of the answers intake logged ("Response Digest", core/covered-rows): found
 * by reading the change log from its end; a row whose digest is no longer in the log (rotated out) is
 * left alone, since nothing says whether its answers changed.
 */
import { parseChanges } from '../../../core/change-lines';
import { LOG_COLUMN } from '../../../core/change-log-row';
import {
  RESPONSE_DIGEST_FIELD,
  RESPONSE_EDITED_FIELD,
  responseDigest,
  readResponseEdited,
  responseEditMark,
  responseEditedValue,
} from '../../../core/covered-rows';
import { renderEmail } from '../../../core/email-format';
import { responseRef, type FormSubmitEvent } from '../../../core/intake';
import { cleanRecipients } from '../../../core/notifications';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import { addonKey } from '../../adapters/addon-secret';
import { appendChangeLog } from '../../adapters/change-log';
import { readChangeLogBackward } from '../../adapters/change-log-read';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { sendOrQueue } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { logSheet } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { emailFormRefusal } from './form-refusal';
import { replyLinkFor } from '../review/reply-form';

/** The edit to tell about: the order the response made, and who made the request (from the log). */
export interface EditedResponse {
  recordId: string;
  requester: string;
  ref: string;
  /** Names this set of answers in the log line, so a replay of the edit's event is told once. */
  mark: string;
}

/** What intake logged of a response row, or 'told': this edit of it was logged already. */
type Logged = { digest: string; recordId: string; requester: string } | 'told';

/** Reads the log from its end for what intake recorded of the response row at `ref`. */
function findLogged(ss: Spreadsheet, ref: string, mark: string): Logged | null {
  const first = LOG_COLUMN.user;
  const columns = LOG_COLUMN.changes - first + 1;
  // Set inside the callback, which TypeScript's flow analysis does not follow: hence the cast below.
  let found: Logged | null = null;
  const scan = { firstColumn: first, columns, chunks: [500, 5000], maxRows: Number.MAX_SAFE_INTEGER };
  readChangeLogBackward(logSheet(ss), scan, (rows) => {
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      const text = String(row[LOG_COLUMN.changes - first] ?? '');
      if (!text.includes(ref)) continue;
      for (const line of parseChanges(text)) {
        const edit = line.field === RESPONSE_EDITED_FIELD ? readResponseEdited(line.newValue) : null;
        if (edit && edit.ref === ref && edit.mark === mark) {
          found = 'told';
          return true;
        }
        if (line.field === RESPONSE_DIGEST_FIELD && line.newValue.startsWith(`${ref} `)) {
          found = {
            digest: line.newValue.slice(ref.length + 1),
            recordId: String(row[LOG_COLUMN.recordId - first] ?? ''),
            requester: String(row[LOG_COLUMN.user - first] ?? ''),
          };
          return true;
        }
      }
    }
    return false;
  });
  return found as Logged | null;
}

/**
 * For a response row intake took in already: the edit to tell about, logged here (the caller holds
 * the document's and the owner's locks), or null (a replay, an edit told already, or nothing to go by).
 */
export function recordEditedResponse(
  ss: Spreadsheet,
  event: FormSubmitEvent,
  now: Date,
): EditedResponse | null {
  const key = addonKey(ss.getId());
  if (!key) return null;
  const ref = responseRef(event.range.sheetName, event.range.row);
  const digest = responseDigest(key, event.namedValues);
  const mark = responseEditMark(digest);
  const logged = findLogged(ss, ref, mark);
  if (logged === null) {
    console.warn(
      `The response at ${ref} came again, but intake's record of it is no longer in the change log.`,
    );
    return null;
  }
  if (logged === 'told' || logged.digest === digest) return null;
  appendChangeLog(ss, [
    {
      at: now,
      user: logged.requester,
      source: 'form',
      recordId: logged.recordId,
      field: RESPONSE_EDITED_FIELD,
      oldValue: '',
      newValue: responseEditedValue(ref, mark),
    },
  ]);
  return { recordId: logged.recordId, requester: logged.requester, ref, mark };
}

/** Tells the requestor and the supervisors that the edit was not applied, and what to do instead. */
export function tellEditedResponse(
  ss: Spreadsheet,
  reference: ReferenceData,
  edit: EditedResponse,
  now: Date,
): void {
  const { recordId: id, ref } = edit;
  const template = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.replyFormLink) ?? '';
  const reply = template ? replyLinkFor(template, id).link : '';
  if (reference.settings.notifyRequestor && cleanRecipients([edit.requester]).length > 0) {
    emailFormRefusal(
      ss,
      reference,
      {
        to: edit.requester,
        ref: id,
        title: 'Your changes were not applied',
        subject: `[${id}] Your changes to your request were not applied`,
        intro: [
          `You edited your request ${id} after sending it. A request is taken in as first sent, so your changes were not applied and it goes on as you first sent it.`,
          reply
            ? `To correct or add something, send it with the reply form (it goes on the record of ${id}): ${reply}. For other work, submit a new request.`
            : `To correct or add something, answer the next email about ${id}, or submit a new request.`,
        ],
        link: '',
      },
      now,
    );
  }
  if (!reference.settings.notifySupervisors) return;
  const supervisors = supervisorEmails(reference.staff);
  const to = supervisors.length > 0 ? supervisors : administratorEmails(reference.staff);
  if (to.length === 0) return;
  const content = {
    title: 'A request was edited after it was taken in',
    intro: [
      `The requestor of ${id} edited their form response (${ref} on the responses tab) after it was taken in. The work order was not changed: it keeps the first answers, and the requestor was told to use the reply form or submit a new request.`,
      `If the new answers matter, compare that row with ${id} and correct the order in Review & assign, or ask the requestor. To stop such edits, run Set up work orders: it turns response editing off on the request form.`,
    ],
    details: [] as Array<[string, string]>,
  };
  const rendered = renderEmail(content, ss.getUrl(), reference.settings.organizationName);
  try {
    sendOrQueue(
      ss,
      { to, subject: `[${id}] Request edited after it was taken in`, ...rendered, recordId: id },
      now,
    );
  } catch (error) {
    console.error(`The supervisors could not be told of the edit of ${ref}: ${String(error)}`);
  }
}
