/**
 * A Google Form as scripts see it (the Form class): its settings, questions, destination and
 * responses. Apart from ./form-app, the FormApp service that creates and opens forms, as Google's
 * reference splits them; the enums and messages both use live here with the class.
 */
import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { enumArg, overload, signatureError } from './args';
import { gasEnum } from '../gas-enum';
import type { GasEnumValue } from '../gas-enum';
import { CHOICE_TYPES, ITEM_TYPE } from './model';
import type { FormModel, QuestionType } from './model';
import { linkSpreadsheet, removeDestination } from './destination';
import { Item, itemModelOf, typedItem } from './items';
import { FormResponse } from './responses';
import { type FormUser, addFormEditors, formEditors, removeFormEditor } from './sharing';

export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;
export const EmailCollectionType = {
  DO_NOT_COLLECT: 'DO_NOT_COLLECT',
  VERIFIED: 'VERIFIED',
  RESPONDER_INPUT: 'RESPONDER_INPUT',
} as const;

/** The enums as scripts see them (objects: ../gas-enum.ts). */
export const DESTINATION_TYPE = gasEnum('FormApp.DestinationType', DestinationType);
export const EMAIL_COLLECTION_TYPE = gasEnum('FormApp.EmailCollectionType', EmailCollectionType);

/** Google's message when an id names no file the user can open. */
export const NO_SUCH_ITEM =
  'No item with the given ID could be found, or you do not have permission to access it.';
/** Not quoted in Google's reference; the wording says what Apps Script reports. */
const NO_DESTINATION = 'This form does not currently have a response destination.';

export class Form extends GasObject {
  readonly gasClass = 'Form';
  readonly gasService = 'Form' as const;
  constructor(
    private readonly ctx: ExecutionContext,
    readonly _model: FormModel,
  ) {
    super();
  }

  getId(): string {
    return this._model.id;
  }
  getTitle(): string {
    return this._model.title;
  }
  setTitle(title: string): this {
    overload(this.gasClass, 'setTitle', arguments, ['string']);
    this._model.title = title;
    return this;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    overload(this.gasClass, 'setDescription', arguments, ['string']);
    this._model.description = description;
    return this;
  }
  collectsEmail(): boolean {
    return this._model.collectEmail;
  }
  setCollectEmail(collect: boolean): this {
    overload(this.gasClass, 'setCollectEmail', arguments, ['boolean']);
    this._model.collectEmail = collect;
    this._model.verifiedEmail = false;
    return this;
  }
  getEmailCollectionType(): GasEnumValue {
    if (this._model.verifiedEmail) return EMAIL_COLLECTION_TYPE.value('VERIFIED');
    return EMAIL_COLLECTION_TYPE.value(this._model.collectEmail ? 'RESPONDER_INPUT' : 'DO_NOT_COLLECT');
  }
  setEmailCollectionType(collection: unknown): this {
    overload(this.gasClass, 'setEmailCollectionType', arguments, ['enum']);
    const type = enumArg(
      this.gasClass,
      'setEmailCollectionType',
      arguments,
      EMAIL_COLLECTION_TYPE,
      collection,
    );
    this._model.collectEmail = type !== EmailCollectionType.DO_NOT_COLLECT;
    this._model.verifiedEmail = type === EmailCollectionType.VERIFIED;
    return this;
  }
  getConfirmationMessage(): string {
    return this._model.confirmationMessage;
  }
  setConfirmationMessage(message: string): this {
    overload(this.gasClass, 'setConfirmationMessage', arguments, ['string']);
    this._model.confirmationMessage = message;
    return this;
  }
  getCustomClosedFormMessage(): string {
    return this._model.customClosedFormMessage;
  }
  setCustomClosedFormMessage(message: string): this {
    overload(this.gasClass, 'setCustomClosedFormMessage', arguments, ['string']);
    this._model.customClosedFormMessage = message;
    return this;
  }
  canEditResponse(): boolean {
    return this._model.allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): this {
    overload(this.gasClass, 'setAllowResponseEdits', arguments, ['boolean']);
    this._model.allowResponseEdits = enabled;
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this._model.limitOneResponsePerUser;
  }
  setLimitOneResponsePerUser(enabled: boolean): this {
    overload(this.gasClass, 'setLimitOneResponsePerUser', arguments, ['boolean']);
    this._model.limitOneResponsePerUser = enabled;
    return this;
  }
  isAcceptingResponses(): boolean {
    return this._model.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): this {
    overload(this.gasClass, 'setAcceptingResponses', arguments, ['boolean']);
    this._model.acceptingResponses = enabled;
    return this;
  }
  /** Sharing (./sharing): the owner and editors may open the form; nobody else. */
  addEditor(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'addEditor', arguments, ['string'], ['gas']);
    addFormEditors(this._model, this.ctx.effectiveUserEmail, 'Form.addEditor', [emailAddressOrUser]);
    return this;
  }
  addEditors(emailAddresses: unknown[]): this {
    overload(this.gasClass, 'addEditors', arguments, ['array']);
    addFormEditors(this._model, this.ctx.effectiveUserEmail, 'Form.addEditors', emailAddresses);
    return this;
  }
  removeEditor(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'removeEditor', arguments, ['string'], ['gas']);
    removeFormEditor(this._model, emailAddressOrUser);
    return this;
  }
  getEditors(): FormUser[] {
    return formEditors(this._model);
  }
  getEditUrl(): string {
    return this._model.editUrl;
  }
  getPublishedUrl(): string {
    return this._model.publishedUrl;
  }
  getSummaryUrl(): string {
    return `https://docs.google.com/forms/d/${this._model.id}/viewanalytics`;
  }

  addTextItem(): GasObject {
    return this._add('addTextItem', arguments, 'TEXT');
  }
  addParagraphTextItem(): GasObject {
    return this._add('addParagraphTextItem', arguments, 'PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): GasObject {
    return this._add('addMultipleChoiceItem', arguments, 'MULTIPLE_CHOICE');
  }
  addListItem(): GasObject {
    return this._add('addListItem', arguments, 'LIST');
  }
  addCheckboxItem(): GasObject {
    return this._add('addCheckboxItem', arguments, 'CHECKBOX');
  }

  getItems(type?: unknown): Item[] {
    overload(this.gasClass, 'getItems', arguments, [], ['enum']);
    const itemType =
      type === undefined ? undefined : enumArg(this.gasClass, 'getItems', arguments, ITEM_TYPE, type);
    return this._model.items
      .filter((item) => itemType === undefined || item.type === itemType)
      .map((item) => new Item(this.ctx, this._model, item));
  }
  getItemById(id: number): Item | null {
    overload(this.gasClass, 'getItemById', arguments, ['number']);
    const item = this._model.item(id);
    return item ? new Item(this.ctx, this._model, item) : null;
  }
  /** deleteItem(index) or deleteItem(item). The responses tab keeps the question's column. */
  deleteItem(itemOrIndex: unknown): void {
    const index = this._indexOf('deleteItem', arguments, itemOrIndex);
    this._model.items.splice(index, 1);
  }
  /** moveItem(item, toIndex) or moveItem(from, to); returns the moved item. */
  moveItem(itemOrIndex: unknown, toIndex: number): Item {
    if (arguments.length !== 2 || typeof toIndex !== 'number')
      throw signatureError(this.gasClass, 'moveItem', arguments);
    const from = this._indexOf('moveItem', arguments, itemOrIndex, 2);
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= this._model.items.length) {
      throw new GasError(`Invalid argument: toIndex`);
    }
    const [item] = this._model.items.splice(from, 1);
    this._model.items.splice(toIndex, 0, item!);
    return new Item(this.ctx, this._model, item!);
  }

  /**
   * Reference: responses go to a new "Form Responses N" tab of the spreadsheet, inserted first;
   * the form's existing responses are copied there.
   */
  setDestination(type: unknown, destination: string): this {
    overload(this.gasClass, 'setDestination', arguments, ['enum', 'string']);
    enumArg(this.gasClass, 'setDestination', arguments, DESTINATION_TYPE, type);
    const spreadsheet = this.ctx.world.spreadsheets.get(destination);
    if (!spreadsheet) throw new GasError(NO_SUCH_ITEM);
    linkSpreadsheet(this._model, spreadsheet);
    return this;
  }
  /**
   * Live oddity (gas-fakes test/testform.js, "Form Destination": "Destination ID should be a non-empty
   * string after removal"): after removeDestination() the form still answers the id of the spreadsheet
   * it no longer sends responses to. Only a form never linked has none. So a script cannot tell from
   * the form whether it is linked; the spreadsheet's getFormUrl() (null once unlinked) can.
   */
  getDestinationId(): string {
    const id = this._model.destination?.spreadsheetId ?? this._model.formerDestinationId;
    if (id === null) throw new GasError(NO_DESTINATION);
    return id;
  }
  getDestinationType(): GasEnumValue {
    if (!this._model.destination && this._model.formerDestinationId === null)
      throw new GasError(NO_DESTINATION);
    return DESTINATION_TYPE.value('SPREADSHEET');
  }
  removeDestination(): this {
    removeDestination(this._model);
    return this;
  }

  /** getResponses() or getResponses(timestamp): those submitted at or after it. */
  /** Reference: a new, empty response, to pre-fill (toPrefilledUrl) or submit; nothing is stored yet. */
  createResponse(): FormResponse {
    overload(this.gasClass, 'createResponse', arguments, []);
    const draft = { id: '', timestamp: new Date(0), respondentEmail: '', answers: new Map() };
    return new FormResponse(this.ctx, this._model, draft);
  }
  getResponses(timestamp?: Date): FormResponse[] {
    overload(this.gasClass, 'getResponses', arguments, [], ['date']);
    const from = timestamp?.getTime() ?? -Infinity;
    return this._model.responses
      .filter((r) => r.timestamp.getTime() >= from)
      .map((r) => new FormResponse(this.ctx, this._model, r));
  }
  getResponse(responseId: string): FormResponse {
    overload(this.gasClass, 'getResponse', arguments, ['string']);
    const response = this._model.responses.find((r) => r.id === responseId);
    if (!response) throw new GasError(`Invalid argument: responseId`);
    return new FormResponse(this.ctx, this._model, response);
  }
  deleteAllResponses(): this {
    this._model.responses.length = 0;
    return this;
  }
  deleteResponse(responseId: string): this {
    overload(this.gasClass, 'deleteResponse', arguments, ['string']);
    const i = this._model.responses.findIndex((r) => r.id === responseId);
    if (i < 0) throw new GasError(`Invalid argument: responseId`);
    this._model.responses.splice(i, 1);
    return this;
  }

  /**
   * A new choice question comes with one choice whose value is '' (gas-fakes notes/oddities.md,
   * "Default Choice Values for New Items", and its live tests of addCheckboxItem/addMultipleChoiceItem).
   */
  private _add(method: string, args: IArguments, type: QuestionType): GasObject {
    overload(this.gasClass, method, args, []);
    const item = this.ctx.world.forms.addItem(this._model, type);
    if (CHOICE_TYPES.has(type)) item.choices = [''];
    return typedItem(this.ctx, this._model, item);
  }

  /**
   * The index an Item or a number names. Only the generic Item will do: a typed one (asListItem(),
   * addMultipleChoiceItem()) is another class to Apps Script, refused as "The parameters
   * (FormApp.MultipleChoiceItem,number) don't match the method signature for FormApp.Form.moveItem."
   */
  private _indexOf(method: string, args: ArrayLike<unknown>, itemOrIndex: unknown, arity = 1): number {
    if (args.length !== arity) throw signatureError(this.gasClass, method, args);
    if (typeof itemOrIndex === 'number') {
      if (!Number.isInteger(itemOrIndex) || itemOrIndex < 0 || itemOrIndex >= this._model.items.length) {
        throw new GasError(`Invalid argument: index`);
      }
      return itemOrIndex;
    }
    const found = itemOrIndex instanceof Item ? itemModelOf(itemOrIndex) : null;
    const index = found && found.form === this._model ? this._model.items.indexOf(found.item) : -1;
    if (index < 0) throw signatureError(this.gasClass, method, args);
    return index;
  }
}
