/**
 * The requestors' reply form (../review/reply-form.ts), made and repaired by setup like the update
 * form. Made here, it belongs to the installation's owner: made on a supervisor's first question, it
 * was that supervisor's, who could turn its verified email addresses off (then anyone may type any
 * requestor's address) and whose leaving took it, and every reply link, away. Each run puts its
 * questions, verified email addresses and link to this spreadsheet right, makes a new one when it was
 * deleted or can no longer be opened, and keeps the stored link current.
 */
import { REPLY_FORM_TITLE, REPLY_QUESTIONS, REPLY_RESPONSES_SHEET } from '../../../core/reply-form';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import type { Form, Spreadsheet } from '../../adapters/apps-script-types';
import { createReplyForm, replyLinkTemplate } from '../review/reply-form';
import { itemsByTitle, recordedOrNewForm, repairQuestions, type AskedQuestion } from './form-questions';
import { repairFormSettings } from './responses-tab';
import type { SetupReport } from './report';

/** The reply form's questions as the form asks them (both required, as createReplyForm makes them). */
const ASKED: readonly AskedQuestion[] = [
  { ...REPLY_QUESTIONS.requestId, type: 'text', required: true },
  { ...REPLY_QUESTIONS.answer, type: 'paragraph', required: true },
];

export const REPLY_FORM_CREATED = "the requestors' reply form (linked to this spreadsheet)";

function repair(ss: Spreadsheet, form: Form, report: SetupReport): void {
  for (const { question } of repairQuestions(form, itemsByTitle(form), ASKED))
    report.repaired.push(`the reply form's "${question.title}" question was added back`);
  const own = { name: 'the reply form', title: REPLY_FORM_TITLE, tab: REPLY_RESPONSES_SHEET };
  repairFormSettings(ss, form, own, report.repaired);
}

export function ensureReplyFormAtSetup(ss: Spreadsheet, report: SetupReport): Form | null {
  const form = recordedOrNewForm(
    PROPERTY_KEYS.replyFormId,
    report,
    REPLY_FORM_CREATED,
    () => createReplyForm(ss),
    (recorded) => repair(ss, recorded, report),
  );
  if (!form) return null;
  // Emails already sent keep the link they carry; every email from now on carries this one.
  const template = replyLinkTemplate(form);
  if (getProperty(PROPERTY_KEYS.replyFormLink) !== template)
    setProperty(PROPERTY_KEYS.replyFormLink, template);
  return form;
}
