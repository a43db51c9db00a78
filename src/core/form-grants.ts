/**
 * Who the add-on's forms are shared with, decided from the Staff tab: every active administrator edits
 * them (another administrator's setup repairs them, Print request labels reads them), and the access
 * comes with the role. The add-on records, per form, whom it counts as having that access from the role
 * (the grants, kept in document properties, which an editor of the sheet cannot forge); when someone on
 * that record is no longer an active administrator, their access is taken back. Someone an owner shared
 * a form with by hand, who was never an administrator while the add-on looked, is never on the record
 * and keeps it. An administrator who was already an editor (an installation older than the record, or
 * shared by hand as well) is recorded too: the role is why they edit it, so leaving the role ends it.
 * The installation owner and the account running the change are never taken off (one owns the forms,
 * and the other would lock itself out).
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
