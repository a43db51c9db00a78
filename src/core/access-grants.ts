/**
 * Access the add-on gives to its own files goes with the role that earned it, and is taken back when
 * the role ends; access given by hand is never touched.
 *
 * The forms, decided from the Staff tab: every active administrator edits
 * them (another administrator's setup repairs them, Print request labels reads them), and the access
 * comes with the role. The add-on records, per form, whom it counts as having that access from the role
 * (the grants, kept in document properties, which an editor of the sheet cannot forge); when someone on
 * that record is no longer an active administrator, their access is taken back. Someone an owner shared
 * a form with by hand, who was never an administrator while the add-on looked, is never on the record
 * and keeps it. An administrator who was already an editor (an installation older than the record, or
 * shared by hand as well) is recorded too: the role is why they edit it, so leaving the role ends it.
 * The installation owner and the account running the change are never taken off (one owns the forms,
 * and the other would lock itself out).
 *
 * The archive spreadsheets (planArchiveSharing): administrators edit them and supervisors read them;
 * each file's record says whom the add-on shared it with, and only those are taken off.
 */

export interface FormSharingPlan {
  /** Administrators to add as editors. */
  add: string[];
  /** Editors the role gave access to who no longer hold it. */
  remove: string[];
  /** The record after the change (lower-cased, sorted). */
  granted: string[];
}

/**
 * What to change on one form. `editors` are its owner and editors now, `granted` the record kept for it,
 * `keep` the addresses never taken off (the installation owner, the account running this).
 */
export function planFormSharing(
  administrators: readonly string[],
  editors: readonly string[],
  granted: readonly string[],
  keep: readonly string[],
): FormSharingPlan {
  const lower = (list: readonly string[]): Set<string> =>
    new Set(list.map((e) => e.trim().toLowerCase()).filter((e) => e.length > 0));
  const admins = lower(administrators);
  const now = lower(editors);
  const kept = lower(keep);
  const add = [...admins].filter((e) => !now.has(e));
  const remove = [...lower(granted)].filter((e) => !admins.has(e) && !kept.has(e) && now.has(e));
  return { add, remove, granted: [...admins].sort() };
}

/** The record of grants per form id, as kept in a document property (JSON); anything else reads as none. */
export function parseFormGrants(text: string | null): Record<string, string[]> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const grants: Record<string, string[]> = {};
    for (const [formId, list] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(list)) grants[formId] = list.filter((e): e is string => typeof e === 'string');
    }
    return grants;
  } catch {
    return {};
  }
}

/** Who should reach the archive spreadsheets: administrators edit them, supervisors read them (Find). */
export interface ArchiveSharing {
  editors: readonly string[];
  viewers: readonly string[];
}

export interface ArchiveSharingPlan {
  addEditors: string[];
  addViewers: string[];
  /** Taken off the editors (and so off the viewers too): made first, so a demoted editor can be re-added as a viewer. */
  removeEditors: string[];
  removeViewers: string[];
  /** The record's entries that stay as they are ("edit:<email>", "view:<email>"). */
  kept: string[];
}

/**
 * What to change on one archive spreadsheet, from its record of whom the add-on shared it with
 * ("edit:<email>", "view:<email>") and who should reach it now. Only what the add-on gave is taken
 * back, never access given by hand; `me` (the administrator running the archive) is left alone.
 */
export function planArchiveSharing(
  recorded: readonly string[],
  wanted: ArchiveSharing,
  me: string,
): ArchiveSharingPlan {
  const self = me.trim().toLowerCase();
  const editors = new Set(wanted.editors.map((e) => e.toLowerCase()).filter((e) => e !== self));
  const viewers = new Set(
    wanted.viewers.map((e) => e.toLowerCase()).filter((e) => e !== self && !editors.has(e)),
  );
  const record = new Set(recorded);
  const entryEmail = (entry: string, prefix: string): string | null =>
    entry.startsWith(prefix) ? entry.slice(prefix.length) : null;
  const removeEditors: string[] = [];
  const removeViewers: string[] = [];
  const kept: string[] = [];
  for (const entry of record) {
    const editor = entryEmail(entry, 'edit:');
    const viewer = entryEmail(entry, 'view:');
    if (editor !== null) {
      if (editors.has(editor) || editor === self) kept.push(entry);
      else removeEditors.push(editor);
    } else if (viewer !== null) {
      if (viewers.has(viewer) || viewer === self) kept.push(entry);
      // Made an editor since: adding them as an editor promotes them, and the view entry goes.
      else if (!editors.has(viewer)) removeViewers.push(viewer);
    }
  }
  return {
    addEditors: [...editors].filter((e) => !record.has(`edit:${e}`)),
    addViewers: [...viewers].filter((e) => !record.has(`view:${e}`)),
    removeEditors,
    removeViewers,
    kept,
  };
}

/** Whether the plan changes nothing (no call to make). */
export function archiveSharingSettled(plan: ArchiveSharingPlan): boolean {
  return (
    plan.addEditors.length +
      plan.addViewers.length +
      plan.removeEditors.length +
      plan.removeViewers.length ===
    0
  );
}
