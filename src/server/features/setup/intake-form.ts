import { ASSET_QUESTION, formQuestions, type FormQuestion } from '../../../core/intake';
import type { Settings } from '../../../core/settings';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import type { SetupReport } from './report';
import { createForm, openFormOrNull, sendResponsesTo } from '../../adapters/forms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

function openForm(id: string | null): Form | null {
  if (!id) return null;
  // Null when deleted or no longer shared with us: setup makes a new one (the old responses sheet stays).
  return openFormOrNull(id);
}

function addItem(form: Form, q: FormQuestion): void {
  const item =
    q.type === 'paragraph'
      ? form.addParagraphTextItem()
      : q.type === 'text'
        ? form.addTextItem()
        : q.type === 'list'
          ? form.addListItem().setChoiceValues([...(q.choices ?? [])])
          : form.addMultipleChoiceItem().setChoiceValues([...(q.choices ?? [])]);
  item.setTitle(q.title).setHelpText(q.helpText).setRequired(q.required);
}

/** Keeps a choice question's choices equal to the configured list (locations change in Settings). */
function syncChoices(item: Item, q: FormQuestion): boolean {
  if (!q.choices) return false;
  const choiceItem = q.type === 'list' ? item.asListItem() : item.asMultipleChoiceItem();
  const current = choiceItem.getChoices().map((c) => c.getValue());
  if (current.join('\n') === q.choices.join('\n')) return false;
  choiceItem.setChoiceValues([...q.choices]);
  return true;
}

/**
 * Google inserts the new responses tab first, 26 columns wide for a handful of answers: every empty
 * cell counts against the spreadsheet's 10-million-cell limit, once per response row. Forms adds a
 * column itself when a question is added later.
 */
function trimResponsesSheet(ss: Spreadsheet): void {
  const sheet = ss.getSheets()[0];
  if (!sheet || sheet.getFormUrl() === null) return;
  const used = sheet.getLastColumn();
  const max = sheet.getMaxColumns();
  if (used > 0 && max > used) sheet.deleteColumns(used + 1, max - used);
}

/**
 * Whether the form sends its responses here. Form.getDestinationId() cannot say: live Apps Script
 * keeps answering the old spreadsheet after the form is unlinked, and throws for a form never
 * linked. The spreadsheet's own link (getFormUrl(), null once unlinked) can.
 */
function sendsResponsesHere(form: Form, ss: Spreadsheet): boolean {
  // With two forms linked (requests and the per-order update form), the spreadsheet's own getFormUrl()
  // names either: a tab linked to this very form is what says it still sends its responses here.
  const id = form.getId();
  if (!ss.getSheets().some((sheet) => (sheet.getFormUrl() ?? '').includes(id))) return false;
  try {
    return form.getDestinationId() === ss.getId();
  } catch {
    return false;
  }
}

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
): Form {
  const questions = formQuestions(settings.locations, assetChoices);
  let form = openForm(getProperty(PROPERTY_KEYS.formId));
  if (!form) {
    const title = `Work order request — ${settings.organizationName}`;
    // FormApp.create(title) only names the Drive file: the form respondents see would be untitled.
    form = createForm(title);
    form
      .setTitle(title)
      .setDescription(
        'Ask for maintenance or repair work. You will get an email when your request is received and at each step.',
      )
      .setCollectEmail(true)
      .setConfirmationMessage(
        'Thank you: your request was received. You will get an email with its reference.',
      );
    for (const q of questions) addItem(form, q);
    sendResponsesTo(form, ss.getId());
    trimResponsesSheet(ss);
    setProperty(PROPERTY_KEYS.formId, form.getId());
    report.created.push('the request form (linked to this spreadsheet)');
    return form;
  }
  const byTitle = new Map(form.getItems().map((item) => [item.getTitle().trim().toLowerCase(), item]));
  for (const q of questions) {
    const item = byTitle.get(q.title.toLowerCase());
    if (!item) {
      addItem(form, q);
      report.repaired.push(`the form's "${q.title}" question was added back`);
    } else if (syncChoices(item, q)) {
      report.repaired.push(
        `the form's "${q.title}" choices now match ${q.key === 'asset' ? 'the Assets tab' : 'Settings'}`,
      );
    }
  }
  // The asset question is asked only while assets are listed: with none left, it goes.
  const assetItem = byTitle.get(ASSET_QUESTION.title.toLowerCase());
  if (assetChoices.length === 0 && assetItem) {
    form.deleteItem(assetItem);
    report.repaired.push(`the form's "${ASSET_QUESTION.title}" question was removed (no active assets)`);
  }
  if (!form.collectsEmail()) {
    form.setCollectEmail(true);
    report.repaired.push("the form collects respondents' email again");
  }
  if (form.getTitle().trim() === '') {
    form.setTitle(`Work order request — ${settings.organizationName}`);
    report.repaired.push('the form has its title again');
  }
  if (!sendsResponsesHere(form, ss)) {
    sendResponsesTo(form, ss.getId());
    report.repaired.push('the form sends its responses to this spreadsheet again');
  }
  return form;
}
