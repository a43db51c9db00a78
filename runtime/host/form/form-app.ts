/**
 * The FormApp service: creating and opening forms (./form holds the Form class they return).
 */
import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { overload } from '../args';
import { ITEM_TYPE } from './model';
import type { FormModel } from './model';
import { DESTINATION_TYPE, EMAIL_COLLECTION_TYPE, Form, NO_SUCH_ITEM } from './form';

class FormAppService extends GasObject {
  readonly gasClass = 'FormApp';
  readonly gasService = 'Form' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return {
      DestinationType: DESTINATION_TYPE,
      EmailCollectionType: EMAIL_COLLECTION_TYPE,
      ItemType: ITEM_TYPE,
    };
  }
  /**
   * Live Apps Script names the Drive file `title` but leaves the form's own title (what respondents
   * see, and getTitle()) empty: gas-fakes' live test test/testform.js ("FormApp basics":
   * "create() should result in an empty form title on gas"), Google issue tracker 442747794.
   */
  create(title: string): Form {
    overload(this.gasClass, 'create', arguments, ['string']);
    const model = this.ctx.world.forms.create(title, this.ctx.effectiveUserEmail);
    model.title = '';
    return new Form(this.ctx, model);
  }
  openById(id: string): Form {
    overload(this.gasClass, 'openById', arguments, ['string']);
    return this._opened(this.ctx.world.forms.get(id));
  }
  openByUrl(url: string): Form {
    overload(this.gasClass, 'openByUrl', arguments, ['string']);
    // Live: a URL that is not a form's fails as "Invalid argument: url" (gas-fakes test/testform.js).
    if (!/^https:\/\/docs\.google\.com\/forms\/d\//.test(url)) throw new GasError('Invalid argument: url');
    return this._opened(this.ctx.world.forms.byUrl(url));
  }
  /**
   * A form the effective user may open. One that is not shared with them is refused exactly as one
   * that does not exist: Drive does not say which (the message names both).
   */
  _opened(form: FormModel | undefined): Form {
    if (!form || !form.canOpen(this.ctx.effectiveUserEmail)) throw new GasError(NO_SUCH_ITEM);
    return new Form(this.ctx, form);
  }
  /** Reference: null unless the script is bound to a form; this add-on runs in a spreadsheet. */
  getActiveForm(): Form | null {
    overload(this.gasClass, 'getActiveForm', arguments, []);
    return null;
  }
}

export function createFormApp(ctx: ExecutionContext): GasObject {
  return new FormAppService(ctx);
}
