type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Makes `protection` a hard one whose editors are exactly `wanted` (plus whoever Google keeps: the
 * spreadsheet owner and the user running this). addEditors is always called: until the editor list is
 * changed once, a new protection mirrors the file's sharing and restricts nobody.
 */
export function syncEditors(protection: Protection, wanted: readonly string[], description: string): boolean {
  let changed = false;
  if (protection.getDescription() !== description) {
    protection.setDescription(description);
    changed = true;
  }
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  if (wanted.some((e) => !current.includes(e))) changed = true;
  protection.addEditors([...wanted]);
  const extra = current.filter((e) => !wanted.includes(e));
  if (extra.length > 0) {
    protection.removeEditors(extra);
    const left = protection.getEditors().map((u) => u.getEmail().toLowerCase());
    if (left.length !== current.length) changed = true;
  }
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  return changed;
}
