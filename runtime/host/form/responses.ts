import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { signatureError } from './args';
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
  /**
   * Reference: adds an item's answer to a response being built (Form.createResponse), replacing an
   * earlier answer to the same question; returns this response for chaining.
   */
  withItemResponse(response: unknown): this {
    if (arguments.length !== 1 || !(response instanceof ItemResponse))
      throw signatureError(this.gasClass, 'withItemResponse', arguments);
    this._response.answers.set(response._itemId, response.getResponse());
    return this;
  }
  /**
   * Reference: "a URL for the form in which the answers are pre-filled based on the answers in this
   * form response". Google's form: the published viewform URL with `usp=pp_url` and one
   * `entry.<id>=<answer>` parameter per answer, URL-encoded. Google's entry ids are opaque numbers of
   * their own; here they are the item ids, which no script can tell apart.
   */
  toPrefilledUrl(): string {
    const params = ['usp=pp_url'];
    for (const item of this.form.items) {
      const answer = this._response.answers.get(item.id);
      if (answer === undefined) continue;
      for (const value of Array.isArray(answer) ? answer : [answer])
        params.push(`entry.${item.id}=${encodeURIComponent(value)}`);
    }
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform?${params.join('&')}`;
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
  get _itemId(): number {
    return this.item.getId();
  }
  /** A String, or a String[] for a checkbox question. */
  getResponse(): Answer {
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}
