/**
 * Who can open a spreadsheet file by id or URL: its owner, the people it is shared with (editors,
 * viewers), or everyone, for a file shared with the whole organization. A file a script makes with
 * SpreadsheetApp.create is private to the user who ran it, as a new Drive file is; the files the host
 * creates for tests and the workbench (the team's workbook) are open to every account of the world, as
 * a workbook the team works in is shared with the team.
 *
 * Reference: developers.google.com/apps-script/reference/spreadsheet/spreadsheet (addEditor(s),
 * addViewer(s), getViewers: "Gets the list of viewers and commenters"; adding an editor who was a
 * viewer promotes them; removeEditor "also removes the user from the list of viewers"; removeViewer
 * "has no effect if the user is an editor, not a viewer or commenter"; neither blocks someone who
 * reaches the file through general access, such as a file open to the whole organization). The message for a file the user cannot open is the one Apps Script reports
 * (as quoted in community reports of the failure; not in the reference).
 */
import { GasError } from '../gas-object';
import { emailOf } from './user';

export const NO_ACCESS_MESSAGE = 'You do not have permission to access the requested document.';

export interface SharingState {
  viewers: string[];
  openToAll: boolean;
}

export class FileSharing {
  readonly viewers = new Set<string>();

  constructor(public openToAll: boolean) {}

  static fromState(state: Partial<SharingState> | undefined): FileSharing {
    // Saved worlds from before sharing was modelled held only team workbooks: open to all.
    const sharing = new FileSharing(state?.openToAll ?? true);
    for (const v of state?.viewers ?? []) sharing.viewers.add(v);
    return sharing;
  }

  exportState(): SharingState {
    return { viewers: [...this.viewers], openToAll: this.openToAll };
  }
}

/** Whether `email` may open a file owned by `owner`, shared with `editors` and `sharing`. */
export function canOpen(
  email: string,
  owner: string,
  editors: ReadonlySet<string>,
  sharing: FileSharing,
): boolean {
  const who = email.toLowerCase();
  return sharing.openToAll || who === owner || editors.has(who) || sharing.viewers.has(who);
}

/**
 * Whether `email` may edit the file: its owner, an editor, or anyone but a listed viewer where the
 * file is open to all (the team's workbook, shared for editing).
 */
export function canEditFile(
  email: string,
  file: { ownerEmail: string; editors: ReadonlySet<string>; sharing: FileSharing },
): boolean {
  const who = email.toLowerCase();
  if (who === file.ownerEmail.toLowerCase() || file.editors.has(who)) return true;
  return file.sharing.openToAll && !file.sharing.viewers.has(who);
}

/** The file's side of sharing, as Spreadsheet.addEditor(s)/addViewer(s) do it, by `me` (who must edit it). */
export function shareFile(
  file: { ownerEmail: string; editors: Set<string>; sharing: FileSharing },
  me: string,
  method: string,
  people: readonly unknown[],
  role: 'editor' | 'viewer',
): void {
  const who = me.toLowerCase();
  if (who !== file.ownerEmail && !file.editors.has(who) && !file.sharing.openToAll)
    throw new Error(`runtime: ${method} by someone who cannot edit the file is not modelled`);
  const emails = people.map((p) => {
    const email = emailOf(p);
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw new GasError(`Invalid email: ${String(p)}`);
    return email;
  });
  for (const email of emails) {
    if (email === file.ownerEmail) continue;
    if (role === 'editor') {
      file.editors.add(email);
      file.sharing.viewers.delete(email);
    } else if (!file.editors.has(email)) file.sharing.viewers.add(email);
  }
}

/** Spreadsheet.removeEditor/removeViewer, by `me` (who must edit the file). The owner cannot be removed. */
export function unshareFile(
  file: { ownerEmail: string; editors: Set<string>; sharing: FileSharing },
  me: string,
  method: string,
  person: unknown,
  role: 'editor' | 'viewer',
): void {
  const who = me.toLowerCase();
  if (who !== file.ownerEmail && !file.editors.has(who) && !file.sharing.openToAll)
    throw new Error(`runtime: ${method} by someone who cannot edit the file is not modelled`);
  const email = emailOf(person);
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new GasError(`Invalid email: ${String(person)}`);
  if (email === file.ownerEmail.toLowerCase())
    throw new Error(`runtime: ${method} of the file's owner is not modelled`);
  if (role === 'editor') {
    file.editors.delete(email);
    file.sharing.viewers.delete(email);
  } else if (!file.editors.has(email)) file.sharing.viewers.delete(email);
}
