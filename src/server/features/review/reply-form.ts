/**
 * The requestors' reply form (core/reply-form.ts): verified email addresses collected (so a reply is
 * from whom Google says it is), this spreadsheet as its destination on a tab of its own. Setup makes
 * and repairs it (../setup/reply-form.ts), as the installation's owner, like the other forms; a
 * workbook set up before setup made it gets it the first time a supervisor asks a requestor
 * something. Its link, pre-filled with a placeholder request id where Forms can make one
 * (Form.createResponse … toPrefilledUrl), is stored, so that each email's link costs no call.
 */
import { REPLY_FORM_TITLE, REPLY_QUESTIONS, REPLY_RESPONSES_SHEET } from '../../../core/reply-form';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { collectVerifiedEmails, createForm, openFormOrNull, sendResponsesTo } from '../../adapters/forms';
import type { Form, Spreadsheet } from '../../adapters/apps-script-types';
import { nameNewResponsesTab } from '../setup/responses-tab';

/** Letters only, so URL-encoding leaves it as it is. */
const PLACEHOLDER = 'REPLYREQUESTPLACEHOLDER';

function open(id: string | null): Form | null {
  // Null when deleted or no longer shared: a new one is made.
  return id ? openFormOrNull(id) : null;
}

/** A new reply form, sending its responses to a tab of this spreadsheet named for it. */
export function createReplyForm(ss: Spreadsheet): Form {
  // FormApp.create(title) only names the Drive file: the form respondents see is titled separately.
  const form = createForm(REPLY_FORM_TITLE);
  collectVerifiedEmails(form);
  form
    .setTitle(REPLY_FORM_TITLE)
    .setDescription(
      'Answer a question about your request, or add information to it. Your reply goes on its record.',
    )
    .setConfirmationMessage('Thank you: your reply was added to your request.');
  form
    .addTextItem()
    .setTitle(REPLY_QUESTIONS.requestId.title)
    .setHelpText(REPLY_QUESTIONS.requestId.helpText)
    .setRequired(true);
  form
    .addParagraphTextItem()
    .setTitle(REPLY_QUESTIONS.answer.title)
    .setHelpText(REPLY_QUESTIONS.answer.helpText)
    .setRequired(true);
  sendResponsesTo(form, ss.getId());
  nameNewResponsesTab(ss, REPLY_RESPONSES_SHEET);
  return form;
}

/** The link with the placeholder in it where Forms can pre-fill; else the form's own link. */
export function replyLinkTemplate(form: Form): string {
  const item = form.getItems().find((i) => i.getTitle() === REPLY_QUESTIONS.requestId.title);
  try {
    if (item) {
      return form
        .createResponse()
        .withItemResponse(item.asTextItem().createResponse(PLACEHOLDER))
        .toPrefilledUrl();
    }
  } catch (error) {
    console.warn(`The reply form's pre-filled link could not be made: ${String(error)}`);
  }
  return form.getPublishedUrl();
}

/** The stored link template, making the form first if there is none (call under the document lock). */
export function ensureReplyForm(ss: Spreadsheet, properties: Readonly<Record<string, string>>): string {
  const stored = properties[PROPERTY_KEYS.replyFormLink];
  if (stored) return stored;
  const form = open(properties[PROPERTY_KEYS.replyFormId] ?? null) ?? createReplyForm(ss);
  const template = replyLinkTemplate(form);
  documentPropertiesOrNull()?.setProperties({
    [PROPERTY_KEYS.replyFormId]: form.getId(),
    [PROPERTY_KEYS.replyFormLink]: template,
  });
  return template;
}

/** Whether the link carries the request id (a pre-filled link) or the requestor must type it. */
export function replyLinkFor(template: string, id: string): { link: string; prefilled: boolean } {
  if (template.includes(PLACEHOLDER))
    return { link: template.replace(PLACEHOLDER, encodeURIComponent(id)), prefilled: true };
  return { link: template, prefilled: false };
}
