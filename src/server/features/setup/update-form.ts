/**
 * The per-order update form for phones: created once (verified email addresses collected, so the
 * respondent's email is one Google vouches for; this spreadsheet as its destination, on a tab of its own
 * that the hourly reconciliation does not take for requests), then repaired like the intake form:
 * questions found by title and added back, choices and settings put right. Each run also stores the
 * pre-filled link with a placeholder order (Form.createResponse … toPrefilledUrl), from which every
 * order's link is made without a call (my-work/update-link.ts).
 */
import {
  UPDATE_STEP_CHOICES,
  UPDATE_FORM_TITLE,
  UPDATE_QUESTIONS,
  UPDATE_RESPONSES_SHEET,
  updateQuestion,
  type UpdateQuestion,
} from '../../../shared/my-work-update-form';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import { collectVerifiedEmails, createForm, sendResponsesTo } from '../../adapters/forms';
import { PREFILL_PLACEHOLDER } from '../my-work/update-link';
import {
  addQuestion,
  itemsByTitle,
  recordedOrNewForm,
  repairQuestions,
  type AskedQuestion,
} from './form-questions';
import { nameNewResponsesTab, repairFormSettings } from './responses-tab';
import type { SetupReport } from './report';
import type { Spreadsheet, Form } from '../../adapters/apps-script-types';

/** The update form's questions as a form asks them: the step question's choices are the steps. */
function asked(q: UpdateQuestion): AskedQuestion {
  return q.type === 'choice'
    ? { ...q, type: 'multipleChoice', choices: UPDATE_STEP_CHOICES }
    : { ...q, type: q.type };
}

function repair(ss: Spreadsheet, form: Form, report: SetupReport): void {
  for (const { question: q, repair } of repairQuestions(
    form,
    itemsByTitle(form),
    UPDATE_QUESTIONS.map(asked),
  )) {
    report.repaired.push(
      repair === 'added back'
        ? `the update form's "${q.title}" question was added back`
        : `the update form's "${q.title}" choices were put back`,
    );
  }
  const own = { name: 'the update form', title: UPDATE_FORM_TITLE, tab: UPDATE_RESPONSES_SHEET };
  repairFormSettings(ss, form, own, report.repaired);
}

/** A new update form, its questions asked and its responses sent to a tab of this spreadsheet. */
function createUpdateForm(ss: Spreadsheet): Form {
  // FormApp.create(title) names the Drive file; the title respondents see is set apart.
  const form = createForm(UPDATE_FORM_TITLE);
  collectVerifiedEmails(form);
  form
    .setTitle(UPDATE_FORM_TITLE)
    .setDescription(
      'Update a work order assigned to you: start it, put it on hold, resume it, add a note or complete it. Open it from the link in your assignment email or in My work.',
    )
    .setConfirmationMessage('Thank you. Work Orders applies your update, and emails you if it cannot.');
  for (const q of UPDATE_QUESTIONS) addQuestion(form, asked(q));
  sendResponsesTo(form, ss.getId());
  nameNewResponsesTab(ss, UPDATE_RESPONSES_SHEET);
  return form;
}

export function ensureUpdateForm(ss: Spreadsheet, report: SetupReport): Form | null {
  const form = recordedOrNewForm(
    PROPERTY_KEYS.updateFormId,
    report,
    'the work-order update form for phones (linked to this spreadsheet)',
    () => createUpdateForm(ss),
    (recorded) => repair(ss, recorded, report),
  );
  if (!form) return null;
  const orderItem = form
    .getItems()
    .find((item) => item.getTitle().trim().toLowerCase() === updateQuestion('order').title.toLowerCase());
  if (!orderItem) return form;
  const prefill = form
    .createResponse()
    .withItemResponse(orderItem.asTextItem().createResponse(PREFILL_PLACEHOLDER))
    .toPrefilledUrl();
  if (getProperty(PROPERTY_KEYS.updateFormPrefill) !== prefill)
    setProperty(PROPERTY_KEYS.updateFormPrefill, prefill);
  return form;
}
