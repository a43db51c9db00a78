/**
 * A protected range or sheet (Apps Script's Protection), as the model stores it.
 *
 * Google's rules (developers.google.com/apps-script/reference/spreadsheet/protection, and
 * Range.protect / Sheet.protect):
 *  - until a script changes the editor list (addEditor(s), removeEditor(s), setDomainEdit) a new
 *    protection mirrors the spreadsheet's own permissions, so it restricts nobody;
 *  - after that, only its editors may edit — and the spreadsheet owner always may ("The spreadsheet
 *    owner is always able to edit protected ranges and sheets");
 *  - removeEditor(s) never removes the spreadsheet owner nor the current user;
 *  - a script runs as its effective user: it cannot write where that user cannot;
 *  - a cell under several protections is editable only if none of them stops the user;
 *  - warning-only protection restricts nobody (people get a confirmation prompt, scripts nothing);
 *  - a protected sheet cannot be deleted or renamed by someone who may not edit it.
 */
import type { Rect } from './rect';
import type { A1Span } from './a1';
import { Messages } from './errors';

export type ProtectionType = 'RANGE' | 'SHEET';

export class ProtectionModel {
  description = '';
  warningOnly = false;
  domainEdit = false;
  /** True once the script narrowed the editor list; before that, everyone who can edit the file can. */
  customized = false;
  readonly editors = new Set<string>();
  /** Sheet protections only: the ranges left editable (Protection.setUnprotectedRanges). */
  unprotected: { sheetId: number; rect: Rect }[] = [];
  removed = false;
  /**
   * Made from whole columns (`C:C`) or whole rows (`5:7`): open-ended, as the Sheets API stores such a
   * protected range (GridRange: "Missing indexes indicate the range is unbounded on that side"), so
   * rows or columns added later are inside it. Only `rect`'s bounded axis counts then (rectOn).
   */
  span: A1Span = 'cells';

  constructor(
    readonly id: number,
    readonly type: ProtectionType,
    public sheetId: number,
    /** The protected cells; for a SHEET protection the whole sheet (kept in step with its size). */
    public rect: Rect | null,
    initialEditors: Iterable<string>,
  ) {
    for (const e of initialEditors) this.editors.add(e.toLowerCase());
  }

  /** The protected cells on a sheet of this size: an open-ended span reaches its whole length. */
  rectOn(size: { maxRows: number; maxColumns: number }): Rect | null {
    const r = this.rect;
    if (!r || this.span === 'cells') return r;
    return this.span === 'columns'
      ? { ...r, row: 1, numRows: size.maxRows }
      : { ...r, column: 1, numColumns: size.maxColumns };
  }

  /**
   * Moves the rectangle after rows or columns changed (`shift` answers null when they were deleted).
   * The open axis is shifted as if unbounded, so an insert above or a delete inside never shrinks or
   * removes it; only deleting the whole bounded span does. Returns false when the protection is gone.
   */
  shiftRect(shift: (rect: Rect) => Rect | null, size: { maxRows: number; maxColumns: number }): boolean {
    if (!this.rect) return true;
    const open = this.span === 'cells' ? this.rect : { ...this.rect, ...UNBOUNDED[this.span] };
    const moved = shift(open);
    if (!moved) return false;
    this.rect = moved;
    // Stored closed at the sheet's size (for views and saved files); rectOn reopens it on every read.
    this.rect = this.rectOn(size);
    return true;
  }

  canEdit(user: string, ownerEmail: string): boolean {
    const email = user.toLowerCase();
    if (email === ownerEmail.toLowerCase()) return true;
    if (this.warningOnly || !this.customized) return true;
    if (this.editors.has(email)) return true;
    if (this.domainEdit)
      return domainOf(email) !== '' && domainOf(email) === domainOf(ownerEmail.toLowerCase());
    return false;
  }

  editorList(ownerEmail: string): string[] {
    const list = new Set<string>([ownerEmail.toLowerCase(), ...this.editors]);
    return [...list];
  }
}

/** Past any sheet's size (Sheets allows 10 million cells), so no delete can cover it. */
const UNBOUNDED = {
  columns: { row: 1, numRows: 100_000_000 },
  rows: { column: 1, numColumns: 100_000_000 },
} as const;

/** Sheet-level changes (delete, rename) are refused to anyone a sheet protection stops. */
export function sheetProtectionBlocking(
  protections: readonly ProtectionModel[],
  user: string,
  ownerEmail: string,
): ProtectionModel | null {
  return protections.find((p) => !p.removed && p.type === 'SHEET' && !p.canEdit(user, ownerEmail)) ?? null;
}

/** setDomainEdit needs a Google Workspace domain: a consumer (gmail.com) owner has none. */
export function ownerHasWorkspaceDomain(ownerEmail: string): boolean {
  const domain = domainOf(ownerEmail.toLowerCase());
  return domain !== '' && domain !== 'gmail.com' && domain !== 'googlemail.com';
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}

/** What a person deleting or renaming a tab by hand is told when a sheet protection stops them. */
export class SheetChangeRefused extends Error {
  constructor(readonly sheetName: string) {
    super(`You can't change or delete "${sheetName}": it is a protected sheet.`);
    this.name = 'SheetChangeRefused';
  }
}

interface SheetHost {
  name: string;
  protections: ProtectionModel[];
}
interface SpreadsheetHost {
  ownerEmail: string;
  requireSheet(name: string): SheetHost;
  sheetModels(): readonly SheetHost[];
  removeSheet(sheet: never): void;
}

/**
 * A person deletes a tab (right-click › Delete) or renames it: refused when a sheet protection stops
 * them, as Sheets does. Host-side, for tests and the workbench.
 */
export function userDeleteSheet(spreadsheet: SpreadsheetHost, sheetName: string, user: string): void {
  const sheet = spreadsheet.requireSheet(sheetName);
  if (sheetProtectionBlocking(sheet.protections, user, spreadsheet.ownerEmail))
    throw new SheetChangeRefused(sheetName);
  spreadsheet.removeSheet(sheet as never);
}

export function userRenameSheet(
  spreadsheet: SpreadsheetHost,
  sheetName: string,
  newName: string,
  user: string,
): void {
  const sheet = spreadsheet.requireSheet(sheetName);
  if (sheetProtectionBlocking(sheet.protections, user, spreadsheet.ownerEmail))
    throw new SheetChangeRefused(sheetName);
  // Sheets refuses a name another tab has, compared case-insensitively, as Sheet.setName does.
  const clash = spreadsheet
    .sheetModels()
    .some((s) => s !== sheet && s.name.toLowerCase() === newName.toLowerCase());
  if (clash) throw new Error(Messages.sheetExists(newName));
  sheet.name = newName;
}
