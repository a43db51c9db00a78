import type { Form } from './apps-script-types';
/** The intake form (FormApp), for setup. */

/** The form with this id, or null when it was deleted or is no longer shared with the user. */
export function openFormOrNull(id: string): Form | null {
  try {
    return FormApp.openById(id);
  } catch {
    return null;
  }
}

export function createForm(title: string): Form {
  return FormApp.create(title);
}

/** Makes the form send its responses to this spreadsheet (a new responses sheet there). */
export function sendResponsesTo(form: Form, spreadsheetId: string): void {
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
}

/**
 * Form.setEmailCollectionType / getEmailCollectionType and FormApp.EmailCollectionType (Google's
 * reference; VERIFIED = the respondent signs in and Google records their address), which
 * @types/google-apps-script lacks.
 */
interface EmailCollection {
  getEmailCollectionType(): string;
  setEmailCollectionType(type: string): Form;
}
const verifiedType = (): string =>
  (FormApp as unknown as { EmailCollectionType: { VERIFIED: string } }).EmailCollectionType.VERIFIED;

/** Makes the form collect verified email addresses. */
export function collectVerifiedEmails(form: Form): void {
  (form as unknown as EmailCollection).setEmailCollectionType(verifiedType());
}

export function collectsVerifiedEmails(form: Form): boolean {
  return (form as unknown as EmailCollection).getEmailCollectionType() === verifiedType();
}

/**
 * Turns "Allow response editing" off (Form.canEditResponse / setAllowResponseEdits): a response is taken
 * in once, so an edit could not change what it made. True when it was on.
 */
export function stopResponseEdits(form: Form): boolean {
  if (!form.canEditResponse()) return false;
  form.setAllowResponseEdits(false);
  return true;
}

/** A drop-down (list) question: its answer must be one of its choices, also in a pre-filled link. */
export function isListItem(item: GoogleAppsScript.Forms.Item): boolean {
  return item.getType() === FormApp.ItemType.LIST;
}

/** The choices a list or multiple-choice question offers, as their texts. */
export function choiceValues(
  item: GoogleAppsScript.Forms.ListItem | GoogleAppsScript.Forms.MultipleChoiceItem,
): string[] {
  return item.getChoices().map((c) => c.getValue());
}

/** The form's owner and editors (Form.getEditors), lower-cased. */
export function formEditorEmails(form: Form): string[] {
  return form.getEditors().map((u) => u.getEmail().toLowerCase());
}

/** Shares the form for editing (Form.addEditors): a form is private to whoever made it until then. */
export function addFormEditors(form: Form, emails: readonly string[]): void {
  form.addEditors([...emails]);
}

/** Takes an editor off the form (Form.removeEditor); the form's owner cannot be taken off. */
export function removeFormEditor(form: Form, email: string): void {
  form.removeEditor(email);
}
