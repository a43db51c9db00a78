/**
 * All forms of the world: made, found (by id, URL, destination), given items, linked to a spreadsheet,
 * described for the workbench's form page, submitted to (checked in submission.ts) and saved
 * (state.ts).
 */
import crypto from 'node:crypto';
import type { World } from '../world';
import { FormModel } from './model';
import type { ItemModel, QuestionType, ResponseModel } from './model';
import { appendToDestination, linkSpreadsheet, removeDestination } from './destination';
import { exportForm, importForm, type FormStoreState } from './state';
import { checkSubmission, type Submission, type SubmitResult } from './submission';

/** What the workbench needs to render the form page. */
export interface FormDescription {
  id: string;
  title: string;
  description: string;
  collectEmail: boolean;
  acceptingResponses: boolean;
  confirmationMessage: string;
  items: {
    id: number;
    type: QuestionType;
    title: string;
    helpText: string;
    required: boolean;
    choices: string[];
  }[];
}

/** All forms of the world. */
export class FormStore {
  private readonly byId = new Map<string, FormModel>();
  private nextItemId = 1;

  constructor(readonly world: World) {}

  create(title: string, ownerEmail: string): FormModel {
    let id: string;
    do id = '1' + crypto.randomBytes(33).toString('base64url').slice(0, 43);
    while (this.byId.has(id));
    const publishedId = '1FAIpQL' + crypto.randomBytes(42).toString('base64url').slice(0, 49);
    const form = new FormModel(id, publishedId, title, ownerEmail.toLowerCase());
    this.byId.set(id, form);
    return form;
  }

  get(id: string): FormModel | undefined {
    return this.byId.get(id);
  }

  require(id: string): FormModel {
    const form = this.byId.get(id);
    if (!form) throw new Error(`no form with id ${JSON.stringify(id)}`);
    return form;
  }

  /** Finds a form by its edit, view or published URL, as FormApp.openByUrl does. */
  byUrl(url: string): FormModel | undefined {
    const published = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(url);
    if (published) return this.all().find((f) => f.publishedId === published[1]);
    const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(url);
    return m ? this.byId.get(m[1]!) : undefined;
  }

  all(): FormModel[] {
    return [...this.byId.values()];
  }

  /** The form whose responses go to this spreadsheet (and, given a tab's sheetId, to that tab). */
  linkedTo(spreadsheetId: string, sheetId?: number): FormModel | undefined {
    return this.all().find(
      (f) =>
        f.destination !== null &&
        f.destination.spreadsheetId === spreadsheetId &&
        (sheetId === undefined || f.destination.sheet.sheetId === sheetId),
    );
  }

  exportState(): FormStoreState {
    return { nextItemId: this.nextItemId, forms: this.all().map(exportForm) };
  }

  /** Replaces every form with the saved ones; load the spreadsheets first (destinations point into them). */
  importState(state: FormStoreState): void {
    this.byId.clear();
    this.nextItemId = state.nextItemId;
    for (const f of state.forms) {
      const form = importForm(this.world, f);
      this.byId.set(form.id, form);
    }
  }

  /** Google item ids are positive 32-bit integers, unique across the account. */
  newItemId(): number {
    return 1_000_000_000 + ((this.nextItemId++ * 7_919) % 1_000_000_000);
  }

  addItem(form: FormModel, type: QuestionType, title = ''): ItemModel {
    const item: ItemModel = { id: this.newItemId(), type, title, helpText: '', required: false, choices: [] };
    form.items.push(item);
    return item;
  }

  /** Form.setDestination(SPREADSHEET, id), for host setup. */
  linkToSpreadsheet(formId: string, spreadsheetId: string): void {
    const spreadsheet = this.world.spreadsheets.get(spreadsheetId);
    if (!spreadsheet) throw new Error(`no spreadsheet with id ${JSON.stringify(spreadsheetId)}`);
    linkSpreadsheet(this.require(formId), spreadsheet);
  }

  /** "Unlink form" in the form's editor (what Form.removeDestination() does), for tests. */
  unlinkFromSpreadsheet(formId: string): void {
    removeDestination(this.require(formId));
  }

  describe(formId: string): FormDescription {
    const form = this.require(formId);
    return {
      id: form.id,
      title: form.title,
      description: form.description,
      collectEmail: form.collectEmail,
      acceptingResponses: form.acceptingResponses,
      confirmationMessage: form.confirmationMessage,
      items: form.items.map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        choices: [...i.choices],
      })),
    };
  }

  /**
   * A respondent submits the form: checked as the form page checks it, stored, and appended to the
   * destination tab. Refusals throw FormSubmitError with what the page would say.
   */
  submit(formId: string, submission: Submission): SubmitResult {
    const form = this.require(formId);
    const { email, answers } = checkSubmission(form, submission);
    const response: ResponseModel = {
      id: '2_ABaOnu' + crypto.randomBytes(48).toString('base64url').slice(0, 64),
      timestamp: new Date((submission.at ?? this.world.clock.now()).getTime()),
      respondentEmail: form.collectEmail || form.limitOneResponsePerUser ? email : '',
      answers,
    };
    form.responses.push(response);
    const appended = appendToDestination(form, response);
    return {
      formId: form.id,
      responseId: response.id,
      timestamp: new Date(response.timestamp.getTime()),
      spreadsheetId: form.destination?.spreadsheetId ?? null,
      sheetName: appended?.sheetName ?? null,
      row: appended?.row ?? null,
      values: appended?.values ?? [],
      namedValues: appended?.namedValues ?? {},
    };
  }
}
