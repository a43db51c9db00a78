import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { overload, signatureError } from './args';
import type { FormModel, ItemModel, QuestionType } from './model';
import { ITEM_TYPE } from './model';
import type { GasEnumValue } from '../gas-enum';
import { ItemResponse } from './responses';

/** What every item has: the generic `Item` (getItems) and each typed item. */
abstract class ItemBase extends GasObject {
  readonly gasService = 'Form' as const;
  constructor(
    protected readonly ctx: ExecutionContext,
    readonly _form: FormModel,
    readonly _item: ItemModel,
  ) {
    super();
  }
  getId(): number {
    return this._item.id;
  }
  getIndex(): number {
    return this._form.items.indexOf(this._item);
  }
  getType(): GasEnumValue {
    return ITEM_TYPE.value(this._item.type);
  }
  getTitle(): string {
    return this._item.title;
  }
  setTitle(title: string): this {
    overload(this.gasClass, 'setTitle', arguments, ['string']);
    this._item.title = title;
    return this;
  }
  getHelpText(): string {
    return this._item.helpText;
  }
  setHelpText(text: string): this {
    overload(this.gasClass, 'setHelpText', arguments, ['string']);
    this._item.helpText = text;
    return this;
  }
  /** Reference: a copy appended to the end of the form. */
  duplicate(): GasObject {
    const copy: ItemModel = {
      ...this._item,
      id: this.ctx.world.forms.newItemId(),
      choices: [...this._item.choices],
    };
    this._form.items.push(copy);
    return typedItem(this.ctx, this._form, copy);
  }
}

/** `Item`, as returned by Form.getItems(): cast it with asTextItem() & co. */
export class Item extends ItemBase {
  readonly gasClass = 'Item';
  asTextItem(): GasObject {
    return this._as('TEXT');
  }
  asParagraphTextItem(): GasObject {
    return this._as('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): GasObject {
    return this._as('MULTIPLE_CHOICE');
  }
  asListItem(): GasObject {
    return this._as('LIST');
  }
  asCheckboxItem(): GasObject {
    return this._as('CHECKBOX');
  }
  private _as(type: QuestionType): GasObject {
    if (this._item.type !== type) throw new GasError(`Invalid conversion for item type: ${this._item.type}`);
    return typedItem(this.ctx, this._form, this._item);
  }
}

/** A question: it can be required. */
abstract class QuestionItem extends ItemBase {
  isRequired(): boolean {
    return this._item.required;
  }
  setRequired(enabled: boolean): this {
    overload(this.gasClass, 'setRequired', arguments, ['boolean']);
    this._item.required = enabled;
    return this;
  }
}

class TextItem extends QuestionItem {
  readonly gasClass = 'TextItem';
  /** Reference: an ItemResponse for this question, for FormResponse.withItemResponse (pre-filled links). */
  createResponse(response: string): ItemResponse {
    overload(this.gasClass, 'createResponse', arguments, ['string']);
    return new ItemResponse(new Item(this.ctx, this._form, this._item), response);
  }
}
class ParagraphTextItem extends QuestionItem {
  readonly gasClass = 'ParagraphTextItem';
}

/** Multiple choice, list (drop-down) and checkbox questions. */
abstract class ChoiceItem extends QuestionItem {
  setChoiceValues(values: string[]): this {
    if (arguments.length !== 1 || !Array.isArray(values))
      throw signatureError(this.gasClass, 'setChoiceValues', arguments);
    this._item.choices = values.map((v) => String(v));
    return this;
  }
  getChoices(): Choice[] {
    return this._item.choices.map((value) => new Choice(value));
  }
  createChoice(value: string): Choice {
    overload(this.gasClass, 'createChoice', arguments, ['string'], ['string', 'boolean']);
    return new Choice(value);
  }
  setChoices(choices: Choice[]): this {
    if (arguments.length !== 1 || !Array.isArray(choices) || !choices.every((c) => c instanceof Choice)) {
      throw signatureError(this.gasClass, 'setChoices', arguments);
    }
    this._item.choices = choices.map((c) => c.getValue());
    return this;
  }
}
class MultipleChoiceItem extends ChoiceItem {
  readonly gasClass = 'MultipleChoiceItem';
}
class ListItem extends ChoiceItem {
  readonly gasClass = 'ListItem';
  /**
   * Reference: an ItemResponse for this list item, for FormResponse.withItemResponse (pre-filled links).
   * "Throws Error — if the value does not match a valid choice for this item." (wording of the error ours)
   */
  createResponse(response: string): ItemResponse {
    overload(this.gasClass, 'createResponse', arguments, ['string']);
    if (!this._item.choices.includes(response))
      throw new GasError(`Invalid response: "${response}" is not a choice of this list item.`);
    return new ItemResponse(new Item(this.ctx, this._form, this._item), response);
  }
}
class CheckboxItem extends ChoiceItem {
  readonly gasClass = 'CheckboxItem';
}

export class Choice extends GasObject {
  readonly gasClass = 'Choice';
  readonly gasService = 'Form' as const;
  constructor(private readonly value: string) {
    super();
  }
  getValue(): string {
    return this.value;
  }
}

export function typedItem(ctx: ExecutionContext, form: FormModel, item: ItemModel): GasObject {
  switch (item.type) {
    case 'TEXT':
      return new TextItem(ctx, form, item);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItem(ctx, form, item);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItem(ctx, form, item);
    case 'LIST':
      return new ListItem(ctx, form, item);
    case 'CHECKBOX':
      return new CheckboxItem(ctx, form, item);
  }
}

/** The model behind an Item or typed item object the script passed back, or null. */
export function itemModelOf(value: unknown): { form: FormModel; item: ItemModel } | null {
  return value instanceof ItemBase ? { form: value._form, item: value._item } : null;
}
