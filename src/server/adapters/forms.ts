/** The intake form (FormApp), for setup. */
type Form = GoogleAppsScript.Forms.Form;

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

/** Form.setEmailCollectionType / FormApp.EmailCollectionType.VERIFIED (Google's reference). */
export function collectVerifiedEmails(form: Form): void {
  const types = (FormApp as unknown as { EmailCollectionType?: { VERIFIED?: string } }).EmailCollectionType;
  const setter = form as unknown as { setEmailCollectionType(type: string): Form };
  if (types?.VERIFIED) setter.setEmailCollectionType(types.VERIFIED);
  else form.setCollectEmail(true);
}
