/**
 * Who the add-on's emails are from: the organization's name and the Settings tab's reply-to address,
 * on every email whichever account sends it (the person acting, or the trigger owner). Read once per
 * execution and spreadsheet (the reference data is cached; the hourly job reads it anyway).
 */
import { senderOf, type MailSender } from '../../core/email-format';
import type { Settings } from '../../core/settings-model';
import { loadReferenceData } from './reference-data';
import type { Spreadsheet } from './apps-script-types';

const known = new WeakMap<Spreadsheet, MailSender>();

/** Called by loadReferenceData with what it loaded, so sending costs no second read. */
export function noteSender(ss: Spreadsheet, settings: Pick<Settings, 'organizationName' | 'replyTo'>): void {
  known.set(ss, senderOf(settings));
}

export function mailSender(ss: Spreadsheet): MailSender {
  let sender = known.get(ss);
  if (!sender) {
    sender = senderOf(loadReferenceData(ss).settings);
    known.set(ss, sender);
  }
  return sender;
}
