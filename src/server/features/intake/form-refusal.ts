/**
 * An answer to one of the add-on's forms (the update form, the reply form) that changed nothing is
 * answered by email saying why and what to do: the respondent would otherwise believe it was taken.
 * Sent only to the address Google verified for the response, never to one read from a sheet.
 */
import { renderEmail } from '../../../core/email-format';
import { singleLine } from '../../../core/sanitize';
import { sendOrQueue } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface FormRefusal {
  /** The response's verified address; '' (the form recorded none): nothing is sent. */
  to: string;
  /** The order as the respondent named it, for the subject and the Outbox's Record ID. */
  ref: string;
  title: string;
  subject: string;
  /** Why, then what to do. */
  intro: string[];
  /** The spreadsheet's link, for staff only ('' for anyone else: the register is not theirs to see). */
  link: string;
}

/** Sends or queues the refusal; a failure is logged, never thrown (the answer was handled already). */
export function emailFormRefusal(
  ss: Spreadsheet,
  reference: ReferenceData,
  refusal: FormRefusal,
  now: Date,
): void {
  if (refusal.to === '') return;
  const content = { title: refusal.title, intro: refusal.intro, details: [] as Array<[string, string]> };
  const rendered = renderEmail(content, refusal.link, reference.settings.organizationName);
  try {
    sendOrQueue(
      ss,
      { to: [refusal.to], subject: singleLine(refusal.subject, 250), ...rendered, recordId: refusal.ref },
      now,
    );
  } catch (error) {
    console.error(`The refusal of an answer about ${refusal.ref} could not be emailed: ${String(error)}`);
  }
}
