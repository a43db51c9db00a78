import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { signatureError } from '../args';
import { Item, itemModelOf } from './items';
import type { Answer, FormModel, ResponseModel } from './model';

export class FormResponse extends GasObject {
  readonly gasClass = 'FormResponse';
  readonly gasService = 'Form' as const;
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly form: FormModel,
    readonly _response: ResponseModel,
  ) {
    super();
  }
  getId(): string {
    return this._response.id;
  }
  getTimestamp(): Date {
    return new Date(this._response.timestamp.getTime());
  }
  /**
   * Reference: the email "if the Form.setCollectEmail(collect) setting is enabled". A form limited to
   * one response per user knows who signed in, but does not hand the address to the script.
   */
  getRespondentEmail(): string {
    return this.form.collectEmail ? this._response.respondentEmail : '';
  }
  /** The answered questions, in form order (a question deleted since is left out). */
  getItemResponses(): ItemResponse[] {
    const out: ItemResponse[] = [];
    for (const item of this.form.items) {
      const answer = this._response.answers.get(item.id);
      if (answer !== undefined) out.push(new ItemResponse(new Item(this.ctx, this.form, item), answer));
    }
    return out;
  }
  getResponseForItem(item: unknown): ItemResponse | null {
    const found = arguments.length === 1 ? itemModelOf(item) : null;
    if (!found) throw signatureError(this.gasClass, 'getResponseForItem', arguments);
    const answer = this._response.answers.get(found.item.id);
    return answer === undefined ? null : new ItemResponse(new Item(this.ctx, this.form, found.item), answer);
  }
  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?edit2=${this._response.id}`;
  }
}

export class ItemResponse extends GasObject {
  readonly gasClass = 'ItemResponse';
  readonly gasService = 'Form' as const;
  constructor(
    private readonly item: Item,
    private readonly answer: Answer,
  ) {
    super();
  }
  getItem(): Item {
    return this.item;
  }
  /** A String, or a String[] for a checkbox question. */
  getResponse(): Answer {
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}
