import crypto from 'node:crypto';
import type { World } from '../world';
import { FormModel, CHOICE_TYPES } from './model';
import type { Answer, ColumnKey, ItemModel, QuestionType, ResponseModel } from './model';
import { SheetModel } from '../spreadsheet/sheet-model';
import { appendToDestination, linkSpreadsheet, removeDestination } from './destination';

export { FormModel, ItemType } from './model';
export type { ItemModel, ResponseModel, QuestionType, Answer, Destination } from './model';

/** What a respondent sends from the form page: answers by question title. */
export interface Submission {
  respondentEmail?: string;
  answers: Record<string, Answer>;
  /** Default: the world's clock. */
  at?: Date;
}

/** What the runtime needs to fire the form-submit triggers (spreadsheet fields null without a destination). */
export interface SubmitResult {
  formId: string;
  responseId: string;
  timestamp: Date;
  spreadsheetId: string | null;
  sheetName: string | null;
  row: number | null;
  /** `e.values`: display strings, the timestamp as "M/d/yyyy H:mm:ss" in the spreadsheet's zone. */
  values: string[];
  /** `e.namedValues`: header → [display string]. */
  namedValues: Record<string, string[]>;
}

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

/** One form as plain data (runtime/persistence.ts); its destination tab by spreadsheet and sheet id. */
export interface FormState {
  id: string;
  publishedId: string;
  title: string;
  /** Absent in states saved before the file name was modelled: then the title. */
  fileName?: string;
  formerDestinationId?: string | null;
  ownerEmail: string;
  description: string;
  collectEmail: boolean;
  /** Verified email collection (Form.setEmailCollectionType(VERIFIED)); absent in older saved worlds. */
  verifiedEmail?: boolean;
  confirmationMessage: string;
  customClosedFormMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  acceptingResponses: boolean;
  items: ItemModel[];
  responses: { id: string; timestamp: Date; respondentEmail: string; answers: [number, Answer][] }[];
  destination: {
    spreadsheetId: string;
    sheetId: number;
    /** Kept so a deleted destination tab can be stood in for (the form recreates it on the next response). */
    sheetName: string;
    columns: ColumnKey[];
    headers: string[];
  } | null;
}

export interface FormStoreState {
  nextItemId: number;
  forms: FormState[];
}

/** A submission the form page itself would refuse (the respondent sees the message). */
export class FormSubmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormSubmitError';
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
    return {
      nextItemId: this.nextItemId,
      forms: this.all().map((f) => ({
        id: f.id,
        publishedId: f.publishedId,
        title: f.title,
        fileName: f.fileName,
        formerDestinationId: f.formerDestinationId,
        ownerEmail: f.ownerEmail,
        description: f.description,
        collectEmail: f.collectEmail,
        verifiedEmail: f.verifiedEmail,
        confirmationMessage: f.confirmationMessage,
        customClosedFormMessage: f.customClosedFormMessage,
        allowResponseEdits: f.allowResponseEdits,
        limitOneResponsePerUser: f.limitOneResponsePerUser,
        acceptingResponses: f.acceptingResponses,
        items: f.items.map((i) => ({ ...i, choices: [...i.choices] })),
        responses: f.responses.map((r) => ({
          id: r.id,
          timestamp: new Date(r.timestamp.getTime()),
          respondentEmail: r.respondentEmail,
          answers: [...r.answers].map(([k, a]): [number, Answer] => [k, Array.isArray(a) ? [...a] : a]),
        })),
        destination: f.destination && {
          spreadsheetId: f.destination.spreadsheetId,
          sheetId: f.destination.sheet.sheetId,
          sheetName: f.destination.sheet.name,
          columns: [...f.destination.columns],
          headers: [...f.destination.headers],
        },
      })),
    };
  }

  /** Replaces every form with the saved ones; load the spreadsheets first (destinations point into them). */
  importState(state: FormStoreState): void {
    this.byId.clear();
    this.nextItemId = state.nextItemId;
    for (const f of state.forms) {
      const form = new FormModel(f.id, f.publishedId, f.title, f.ownerEmail);
      form.fileName = f.fileName ?? f.title;
      form.formerDestinationId = f.formerDestinationId ?? null;
      form.description = f.description;
      form.collectEmail = f.collectEmail;
      form.verifiedEmail = f.verifiedEmail === true;
      form.confirmationMessage = f.confirmationMessage;
      form.customClosedFormMessage = f.customClosedFormMessage;
      form.allowResponseEdits = f.allowResponseEdits;
      form.limitOneResponsePerUser = f.limitOneResponsePerUser;
      form.acceptingResponses = f.acceptingResponses;
      form.items.push(...f.items.map((i) => ({ ...i, choices: [...i.choices] })));
      form.responses.push(
        ...f.responses.map((r) => ({
          id: r.id,
          timestamp: new Date(r.timestamp.getTime()),
          respondentEmail: r.respondentEmail,
          answers: new Map(r.answers),
        })),
      );
      if (f.destination) {
        const spreadsheet = this.world.spreadsheets.require(f.destination.spreadsheetId);
        let sheet = spreadsheet.sheetById(f.destination.sheetId);
        if (!sheet) {
          // The tab was deleted: a detached stand-in, which the next response replaces with a new tab.
          sheet = new SheetModel(spreadsheet, f.destination.sheetName, f.destination.sheetId);
          sheet.deleted = true;
        }
        form.destination = {
          spreadsheetId: f.destination.spreadsheetId,
          sheet,
          columns: [...f.destination.columns],
          headers: [...f.destination.headers],
        };
      }
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
    if (!form.acceptingResponses) {
      throw new FormSubmitError(
        form.customClosedFormMessage || `The form ${form.title} is no longer accepting responses.`,
      );
    }
    const email = (submission.respondentEmail ?? '').trim();
    if (form.collectEmail) {
      if (email === '') throw new FormSubmitError('Email: This is a required question');
      if (!EMAIL.test(email)) throw new FormSubmitError('Email: Must be a valid email address');
    }
    if (form.limitOneResponsePerUser) {
      if (email === '') throw new FormSubmitError('You need to sign in to respond to this form.');
      if (form.responses.some((r) => r.respondentEmail.toLowerCase() === email.toLowerCase())) {
        throw new FormSubmitError("You've already responded. You can only fill in this form once.");
      }
    }
    const answers = checkAnswers(form, submission.answers);
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

function checkAnswers(form: FormModel, given: Record<string, Answer>): Map<number, Answer> {
  const byTitle = new Map(form.items.map((i) => [i.title, i] as const));
  for (const title of Object.keys(given)) {
    if (!byTitle.has(title))
      throw new FormSubmitError(`The form has no question titled ${JSON.stringify(title)}.`);
  }
  const answers = new Map<number, Answer>();
  for (const item of form.items) {
    const raw = Object.prototype.hasOwnProperty.call(given, item.title) ? given[item.title] : undefined;
    const answer = normalize(item, raw);
    if (answer === null) {
      if (item.required) throw new FormSubmitError(`${item.title}: This is a required question`);
      continue;
    }
    answers.set(item.id, answer);
  }
  return answers;
}

/** The answer as stored, or null when unanswered; refuses what the page cannot send. */
function normalize(item: ItemModel, raw: Answer | undefined): Answer | null {
  if (raw === undefined) return null;
  if (item.type === 'CHECKBOX') {
    const picked = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
    for (const value of picked) {
      if (!item.choices.includes(value))
        throw new FormSubmitError(`${item.title}: ${JSON.stringify(value)} is not one of the choices`);
    }
    // The page sends ticked boxes in the order of the choices, each once.
    const ordered = item.choices.filter((c) => picked.includes(c));
    return ordered.length === 0 ? null : ordered;
  }
  if (Array.isArray(raw)) throw new FormSubmitError(`${item.title}: only one answer is allowed`);
  const text = raw;
  if (text.trim() === '') return null;
  if (CHOICE_TYPES.has(item.type) && !item.choices.includes(text)) {
    throw new FormSubmitError(`${item.title}: ${JSON.stringify(text)} is not one of the choices`);
  }
  return text;
}
