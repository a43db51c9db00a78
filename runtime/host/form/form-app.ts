/**
 * The FormApp service: creating and opening forms (./form holds the Form class they return).
 */
import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { overload } from '../args';
import { ItemType } from './model';
import { DestinationType, EmailCollectionType, Form, NO_SUCH_ITEM } from './form';

class FormAppService extends GasObject {
  readonly gasClass = 'FormApp';
  readonly gasService = 'Form' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return { DestinationType, EmailCollectionType, ItemType };
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
    const form = this.ctx.world.forms.get(id);
    if (!form) throw new GasError(NO_SUCH_ITEM);
    return new Form(this.ctx, form);
  }
  openByUrl(url: string): Form {
    overload(this.gasClass, 'openByUrl', arguments, ['string']);
    // Live: a URL that is not a form's fails as "Invalid argument: url" (gas-fakes test/testform.js).
    if (!/^https:\/\/docs\.google\.com\/forms\/d\//.test(url)) throw new GasError('Invalid argument: url');
    const form = this.ctx.world.forms.byUrl(url);
    if (!form) throw new GasError(NO_SUCH_ITEM);
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
