/**
 * Who may open a form. A form FormApp.create makes is a Drive file in its creator's Drive, private to
 * them until shared: another account's FormApp.openById/openByUrl fails as for a form that does not
 * exist (form-app.ts), and linking it to a spreadsheet shares nothing. Form.addEditor(s) shares it,
 * removeEditor takes an editor off, getEditors lists the owner and the editors.
 * Reference: developers.google.com/apps-script/reference/forms/form (addEditor, addEditors,
 * getEditors, removeEditor).
 */
import { GasError, GasObject } from '../gas-object';
import { emailOf } from '../spreadsheet/user';
import type { FormModel } from './model';

/** A User as Form.getEditors returns it. */
export class FormUser extends GasObject {
  readonly gasClass = 'User';
  readonly gasService = 'Form' as const;
  constructor(readonly _email: string) {
    super();
  }
  getEmail(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

/** The addresses of a String, a User, or an array of them; Google refuses a malformed one whole. */
function emailsOf(people: readonly unknown[]): string[] {
  return people.map((p) => {
    const email = emailOf(p);
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw new GasError(`Invalid email: ${String(p)}`);
    return email;
  });
}

/** Form.addEditor(s), by `me`, who must be able to edit the form (its owner or an editor). */
export function addFormEditors(
  form: FormModel,
  me: string,
  method: string,
  people: readonly unknown[],
): void {
  if (!form.canOpen(me))
    throw new Error(`runtime: ${method} by someone who cannot edit the form is not modelled`);
  for (const email of emailsOf(people)) if (email !== form.ownerEmail) form.editors.add(email);
}

/** Form.removeEditor: the owner stays; someone who is not an editor is no error. */
export function removeFormEditor(form: FormModel, person: unknown): void {
  for (const email of emailsOf([person])) form.editors.delete(email);
}

export function formEditors(form: FormModel): FormUser[] {
  return [form.ownerEmail, ...form.editors].map((e) => new FormUser(e));
}
