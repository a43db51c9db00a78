/**
 * Apps Script's Protection for a protected range or sheet.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/protection
 */
import type { ExecutionContext } from '../execution';
import { GasError } from '../gas-object';
import { SpreadsheetGasObject, overload } from './base';
import type { GasEnumValue } from '../gas-enum';
import { PROTECTION_TYPE } from './spreadsheet-enums';
import type { SpreadsheetModel } from './spreadsheet-model';
import { ownerHasWorkspaceDomain, type ProtectionModel } from './protection-model';
import { Messages, fail } from './errors';
import { Range } from './range';
import { SpreadsheetUser, emailOf } from './user';

export class ProtectionObject extends SpreadsheetGasObject {
  readonly gasClass = 'Protection';

  constructor(
    ctx: ExecutionContext,
    readonly _spreadsheet: SpreadsheetModel,
    readonly _model: ProtectionModel,
  ) {
    super(ctx);
  }

  _live(): ProtectionModel {
    if (this._model.removed) throw new GasError('The protected range or sheet no longer exists.');
    return this._model;
  }

  _emails(args: unknown, method: string): string[] {
    const list = Array.isArray(args) ? args : [args];
    return list.map((v) => {
      const email = emailOf(v);
      if (!email) throw new GasError(`Invalid argument: ${method}`);
      return email;
    });
  }

  /**
   * Reading the editor list or changing anything needs the right to edit the protected area ("Throws
   * an exception if the user does not have permission to edit the protected range or sheet").
   */
  _editable(): ProtectionModel {
    const p = this._live();
    if (!p.canEdit(this.ctx.effectiveUserEmail, this._spreadsheet.ownerEmail)) fail(Messages.protected);
    return p;
  }

  /** Changing editors ends the "mirror the spreadsheet's permissions" phase (Protection docs). */
  _customize(): ProtectionModel {
    const p = this._editable();
    p.customized = true;
    return p;
  }

  /** Neither the owner of the spreadsheet nor the current user can be removed (removeEditor docs). */
  _removable(email: string): boolean {
    const kept = [this._spreadsheet.ownerEmail, this.ctx.effectiveUserEmail].map((e) => e.toLowerCase());
    return !kept.includes(email.toLowerCase());
  }

  getDescription(): string {
    return this._live().description;
  }
  setDescription(description: string): ProtectionObject {
    overload(this.gasClass, 'setDescription', arguments, ['string']);
    this._editable().description = description;
    return this;
  }

  isWarningOnly(): boolean {
    return this._live().warningOnly;
  }
  setWarningOnly(warningOnly: boolean): ProtectionObject {
    overload(this.gasClass, 'setWarningOnly', arguments, ['boolean']);
    this._editable().warningOnly = warningOnly;
    return this;
  }

  getProtectionType(): GasEnumValue {
    return PROTECTION_TYPE.value(this._live().type);
  }

  /**
   * The protected range; for a sheet protection, a range spanning the whole sheet (getMaxRows by
   * getMaxColumns) whose A1 notation is '' on live Apps Script.
   */
  getRange(): Range {
    const p = this._live();
    const sheet = this._spreadsheet.sheetById(p.sheetId);
    if (!sheet) throw new GasError('The protected range or sheet no longer exists.');
    if (p.type === 'SHEET' || !p.rect) return new Range(this.ctx, sheet, sheet.fullRect(), 'sheet');
    return new Range(this.ctx, sheet, p.rectOn(sheet) ?? sheet.fullRect(), p.span);
  }

  setRange(range: Range): ProtectionObject {
    overload(this.gasClass, 'setRange', arguments, ['gas']);
    const p = this._editable();
    if (!(range instanceof Range) || p.type !== 'RANGE') throw new GasError('Invalid argument: range');
    const sheet = this._spreadsheet.sheetById(p.sheetId);
    if (sheet && range._model !== sheet) {
      sheet.protections = sheet.protections.filter((x) => x !== p);
      range._model.protections.push(p);
    }
    p.sheetId = range._model.sheetId;
    p.rect = { ...range._rect };
    p.span = range._span === 'sheet' ? 'cells' : range._span;
    return this;
  }

  getUnprotectedRanges(): Range[] {
    const p = this._live();
    return p.unprotected.flatMap((u) => {
      const sheet = this._spreadsheet.sheetById(u.sheetId);
      return sheet ? [new Range(this.ctx, sheet, { ...u.rect })] : [];
    });
  }

  /** Sheet protections only: the listed ranges stay editable by everyone. */
  setUnprotectedRanges(ranges: Range[]): ProtectionObject {
    overload(this.gasClass, 'setUnprotectedRanges', arguments, ['array']);
    const p = this._editable();
    if (p.type !== 'SHEET') throw new GasError('Unprotected ranges can only be set on a sheet protection.');
    p.unprotected = ranges.map((r) => {
      if (!(r instanceof Range)) throw new GasError('Invalid argument: ranges');
      return { sheetId: r._model.sheetId, rect: { ...r._rect } };
    });
    return this;
  }

  /**
   * A warning-only protection has no editor list: the Sheets API says "Editors are not supported with
   * warning_only protection", and live Apps Script answers [] for one the owner just made (gas-fakes
   * test/testsheets.js, "Protection"). The list is kept, and comes back with setWarningOnly(false).
   */
  getEditors(): SpreadsheetUser[] {
    const p = this._editable();
    if (p.warningOnly) return [];
    return p.editorList(this._spreadsheet.ownerEmail).map((e) => new SpreadsheetUser(this.ctx, e));
  }

  addEditor(emailAddressOrUser: unknown): ProtectionObject {
    overload(this.gasClass, 'addEditor', arguments, ['string'], ['gas']);
    const p = this._customize();
    for (const e of this._emails(emailAddressOrUser, 'addEditor')) p.editors.add(e);
    return this;
  }

  addEditors(emailAddresses: unknown[]): ProtectionObject {
    overload(this.gasClass, 'addEditors', arguments, ['array']);
    const p = this._customize();
    for (const e of this._emails(emailAddresses, 'addEditors')) p.editors.add(e);
    return this;
  }

  /** The owner cannot be removed: Google keeps the owner as an editor of every protection. */
  removeEditor(emailAddressOrUser: unknown): ProtectionObject {
    overload(this.gasClass, 'removeEditor', arguments, ['string'], ['gas']);
    const p = this._customize();
    for (const e of this._emails(emailAddressOrUser, 'removeEditor'))
      if (this._removable(e)) p.editors.delete(e);
    return this;
  }

  removeEditors(emailAddresses: unknown[]): ProtectionObject {
    overload(this.gasClass, 'removeEditors', arguments, ['array']);
    const p = this._customize();
    for (const e of this._emails(emailAddresses, 'removeEditors'))
      if (this._removable(e)) p.editors.delete(e);
    return this;
  }

  canDomainEdit(): boolean {
    return this._editable().domainEdit;
  }
  isDomainEdit(): boolean {
    return this._editable().domainEdit;
  }
  /** Throws for a spreadsheet that does not belong to a Google Workspace domain (a gmail.com owner). */
  setDomainEdit(editable: boolean): ProtectionObject {
    overload(this.gasClass, 'setDomainEdit', arguments, ['boolean']);
    if (!ownerHasWorkspaceDomain(this._spreadsheet.ownerEmail))
      throw new GasError('Domain edit can only be set on a spreadsheet owned by a Google Workspace domain.');
    this._customize().domainEdit = editable;
    return this;
  }

  /** Whether the effective user may edit; the spreadsheet owner always can. */
  canEdit(): boolean {
    return this._live().canEdit(this.ctx.effectiveUserEmail, this._spreadsheet.ownerEmail);
  }

  remove(): void {
    this._spreadsheet.removeProtection(this._editable());
  }

  getRangeName(): string | null {
    this._live();
    return null;
  }
}
