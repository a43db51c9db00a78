/**
 * A protected range or sheet (Apps Script's Protection), as the model stores it.
 *
 * Google's rule for who may edit: until a script changes the editor list (addEditor, removeEditor,
 * setDomainEdit…) a new protection mirrors the spreadsheet's own permissions, so it restricts nobody.
 * After that, only its editors may edit — and the spreadsheet owner always may. Warning-only
 * protection restricts nobody either (people get a confirmation prompt).
 */
import type { Rect } from './rect';

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

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}
