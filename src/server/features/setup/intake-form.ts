import { ASSET_QUESTION, formQuestions, type FormQuestion } from '../../../core/intake';
import type { Settings } from '../../../core/settings';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import type { SetupReport } from './report';
import {
  collectVerifiedEmails,
  collectsVerifiedEmails,
  createForm,
  sendResponsesTo,
  stopResponseEdits,
} from '../../adapters/forms';
import { addQuestion, itemsByTitle, recordedOrNewForm, repairQuestions } from './form-questions';
import { hasLinkedTab, newResponsesSheet, trimEmptyColumns } from './responses-tab';
import type { Spreadsheet, Form } from '../../adapters/apps-script-types';

/**
 * Whether the form sends its responses here: a tab of this spreadsheet is linked to it (what
 * Form.getDestinationId() alone cannot say: live Apps Script keeps answering the old spreadsheet
 * after the form is unlinked), and its destination is this spreadsheet.
 */
function sendsResponsesHere(form: Form, ss: Spreadsheet): boolean {
  if (!hasLinkedTab(form, ss)) return false;
  try {
    return form.getDestinationId() === ss.getId();
  } catch {
    return false;
  }
}

/** How the summary names a request form setup created. */
export const INTAKE_FORM_CREATED = 'the request form (linked to this spreadsheet)';

/**
 * The intake form: created once (email collected, one item per question, this spreadsheet as its
 * destination), then kept in line with Settings. Items are found by title, so a form an administrator
 * reworded keeps working for the questions it still has, and missing ones are added back.
 */
export function ensureIntakeForm(
  ss: Spreadsheet,
  settings: Settings,
  report: SetupReport,
  /** The asset question's choices (features/assets/asset-question.ts); none: no asset question. */
  assetChoices: readonly string[] = [],
): Form | null {
  const questions = formQuestions(settings.locations, assetChoices);
  return recordedOrNewForm(
    PROPERTY_KEYS.formId,
    report,
    INTAKE_FORM_CREATED,
    () => createIntakeForm(ss, settings, questions),
    (form) => repairIntakeForm(ss, form, settings, questions, assetChoices, report),
  );
}

/** A new request form: its questions asked, verified addresses collected, its responses sent here. */
function createIntakeForm(ss: Spreadsheet, settings: Settings, questions: readonly FormQuestion[]): Form {
  const title = `Work order request — ${settings.organizationName}`;
  // FormApp.create(title) only names the Drive file: the form respondents see would be untitled.
  const form = createForm(title);
  form
    .setTitle(title)
    .setDescription(
      'Ask for maintenance or repair work. You will get an email when your request is received and at each step.',
    )
    .setConfirmationMessage(
      'Thank you: your request was received. You will get an email with its reference.',
    );
  // Verified: Google records the signed-in respondent's address. A typed one (setCollectEmail(true),
  // "responder input") would let anyone file requests in someone else's name and send the
  // acknowledgments and every later notice to whatever address they typed.
  collectVerifiedEmails(form);
  for (const q of questions) addQuestion(form, q);
  sendResponsesTo(form, ss.getId());
  const responses = newResponsesSheet(ss);
  if (responses) trimEmptyColumns(responses);
  return form;
}

/** The recorded request form put right: its questions and choices, verified addresses, title, destination. */
function repairIntakeForm(
  ss: Spreadsheet,
  form: Form,
  settings: Settings,
  questions: readonly FormQuestion[],
  assetChoices: readonly string[],
  report: SetupReport,
): void {
  const byTitle = itemsByTitle(form);
  for (const { question: q, repair } of repairQuestions(form, byTitle, questions)) {
    report.repaired.push(
      repair === 'added back'
        ? `the form's "${q.title}" question was added back`
        : `the form's "${q.title}" choices now match ${q.key === 'asset' ? 'the Assets tab' : 'Settings'}`,
    );
  }
  // The asset question is asked only while assets are listed: with none left, it goes.
  const assetItem = byTitle.get(ASSET_QUESTION.title.toLowerCase());
  if (assetChoices.length === 0 && assetItem) {
    form.deleteItem(assetItem);
    report.repaired.push(`the form's "${ASSET_QUESTION.title}" question was removed (no active assets)`);
  }
  if (!collectsVerifiedEmails(form)) {
    collectVerifiedEmails(form);
    report.repaired.push('the form collects verified email addresses again');
  }
  if (stopResponseEdits(form)) {
    report.repaired.push(
      'the request form no longer lets requestors edit a response after sending it (an edit cannot change a request taken in: they use the reply form, or submit a new request)',
    );
  }
  if (form.getTitle().trim() === '') {
    form.setTitle(`Work order request — ${settings.organizationName}`);
    report.repaired.push('the form has its title again');
  }
  if (!sendsResponsesHere(form, ss)) {
    sendResponsesTo(form, ss.getId());
    report.repaired.push('the form sends its responses to this spreadsheet again');
  }
}
