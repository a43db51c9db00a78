/**
 * Host-side model of a Google Form: its settings, questions and responses. Not script-visible;
 * `FormStore` (store.ts) owns the forms, the script sees them through form-app.ts.
 */
import type { SheetModel } from '../spreadsheet/sheet-model';
import { gasEnum } from '../gas-enum';

/** FormApp.ItemType. Only the question types this emulation can create have behaviour. */
export const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  FILE_UPLOAD: 'FILE_UPLOAD',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  RATING: 'RATING',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
} as const;

/** FormApp.ItemType as scripts see it (objects: ../gas-enum.ts). */
export const ITEM_TYPE = gasEnum('FormApp.ItemType', ItemType);

export type QuestionType = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'LIST' | 'CHECKBOX';
export const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set<QuestionType>([
  'MULTIPLE_CHOICE',
  'LIST',
  'CHECKBOX',
]);

export interface ItemModel {
  readonly id: number;
  readonly type: QuestionType;
  title: string;
  helpText: string;
  required: boolean;
  /** Choice values, for MULTIPLE_CHOICE, LIST and CHECKBOX. */
  choices: string[];
}

export type Answer = string | string[];

export interface ResponseModel {
  /** Google's response ids are long opaque strings. */
  readonly id: string;
  readonly timestamp: Date;
  /** '' when the form does not collect emails. */
  readonly respondentEmail: string;
  /** Answers by item id; an unanswered optional question has none. */
  readonly answers: Map<number, Answer>;
}

/** A destination column: the timestamp, the respondent's email, or a question (by item id). */
export type ColumnKey = 'timestamp' | 'email' | number;

export interface Destination {
  readonly spreadsheetId: string;
  /** The tab the responses go to; followed through renames, as Sheets follows it by sheet id. */
  sheet: SheetModel;
  /** Columns in sheet order; a question added later gets a new column at the end. */
  readonly columns: ColumnKey[];
  /** Header text last written per column (a deleted question keeps its column and header). */
  readonly headers: string[];
}

export class FormModel {
  title: string;
  description = '';
  collectEmail = false;
  /** Emails are collected verified (the respondent signs in), not typed: EmailCollectionType.VERIFIED. */
  verifiedEmail = false;
  confirmationMessage = '';
  customClosedFormMessage = '';
  allowResponseEdits = false;
  limitOneResponsePerUser = false;
  acceptingResponses = true;
  readonly items: ItemModel[] = [];
  readonly responses: ResponseModel[] = [];
  destination: Destination | null = null;
  /** The Drive file's name: FormApp.create(title) names the file, not the form (form-app.ts). */
  fileName: string;
  /**
   * The spreadsheet id removeDestination() left behind: on live Apps Script getDestinationId() keeps
   * answering it after the form is unlinked (form-app.ts).
   */
  formerDestinationId: string | null = null;
  /**
   * Who besides the owner may open it. A form FormApp.create makes is a Drive file private to the
   * user who ran it, until shared; a form saved before access was modelled is open to all.
   */
  readonly editors = new Set<string>();
  openToAll = false;

  constructor(
    readonly id: string,
    /** The id in the published (`/forms/d/e/<id>/viewform`) URL, which differs from the form's id. */
    readonly publishedId: string,
    title: string,
    readonly ownerEmail: string,
  ) {
    this.title = title;
    this.fileName = title;
  }

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }
  /** What Spreadsheet.getFormUrl() returns: a URL FormApp.openByUrl accepts. */
  get linkUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewform`;
  }

  /** Whether `email` may open the form (FormApp.openById/openByUrl): its owner or an editor. */
  canOpen(email: string): boolean {
    const who = email.toLowerCase();
    return this.openToAll || who === this.ownerEmail || this.editors.has(who);
  }

  item(id: number): ItemModel | undefined {
    return this.items.find((i) => i.id === id);
  }
}
