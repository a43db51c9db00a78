/**
 * Apps Script's Spreadsheet, its sharing: the owner, editors and viewers, and adding or taking them off
 * (./sharing models the file's side). The Spreadsheet class (./spreadsheet) extends this.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/spreadsheet (getOwner, getEditors,
 * getViewers, addEditor(s), addViewer(s), removeEditor, removeViewer).
 */
import type { ExecutionContext } from '../execution';
import { SpreadsheetGasObject, overload } from './base';
import type { SpreadsheetModel } from './spreadsheet-model';
import { SpreadsheetUser } from './user';
import { shareFile, unshareFile } from './sharing';

export abstract class SharedSpreadsheetFile extends SpreadsheetGasObject {
  constructor(
    ctx: ExecutionContext,
    readonly _model: SpreadsheetModel,
  ) {
    super(ctx);
  }

  getOwner(): SpreadsheetUser {
    return new SpreadsheetUser(this.ctx, this._model.ownerEmail);
  }

  getEditors(): SpreadsheetUser[] {
    const emails = new Set([this._model.ownerEmail, ...this._model.editors]);
    return [...emails].map((e) => new SpreadsheetUser(this.ctx, e));
  }

  /** Viewers and commenters (editors and the owner are not listed). */
  getViewers(): SpreadsheetUser[] {
    return [...this._model.sharing.viewers].map((e) => new SpreadsheetUser(this.ctx, e));
  }

  /** Shares the file for editing; a viewer is promoted. Returns this spreadsheet, for chaining. */
  addEditor(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'addEditor', arguments, ['string'], ['gas']);
    return this._share('addEditor', [emailAddressOrUser], 'editor');
  }

  addEditors(emailAddresses: unknown[]): this {
    overload(this.gasClass, 'addEditors', arguments, ['array']);
    return this._share('addEditors', emailAddresses, 'editor');
  }

  /** Shares the file for viewing; someone who can already edit keeps editing. */
  addViewer(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'addViewer', arguments, ['string'], ['gas']);
    return this._share('addViewer', [emailAddressOrUser], 'viewer');
  }

  addViewers(emailAddresses: unknown[]): this {
    overload(this.gasClass, 'addViewers', arguments, ['array']);
    return this._share('addViewers', emailAddresses, 'viewer');
  }

  /** Takes someone off the editors (and the viewers); the owner cannot be taken off. */
  removeEditor(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'removeEditor', arguments, ['string'], ['gas']);
    unshareFile(
      this._model,
      this.ctx.effectiveUserEmail,
      'Spreadsheet.removeEditor',
      emailAddressOrUser,
      'editor',
    );
    return this;
  }

  /** Takes a viewer or commenter off; no effect on an editor. */
  removeViewer(emailAddressOrUser: unknown): this {
    overload(this.gasClass, 'removeViewer', arguments, ['string'], ['gas']);
    unshareFile(
      this._model,
      this.ctx.effectiveUserEmail,
      'Spreadsheet.removeViewer',
      emailAddressOrUser,
      'viewer',
    );
    return this;
  }

  _share(method: string, people: readonly unknown[], role: 'editor' | 'viewer'): this {
    shareFile(this._model, this.ctx.effectiveUserEmail, `Spreadsheet.${method}`, people, role);
    return this;
  }
}
