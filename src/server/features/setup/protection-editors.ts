import type { Protection } from '../../adapters/apps-script-types';

/**
 * Makes `protection` a hard one whose editors are exactly `wanted` (plus whoever Google keeps: the
 * spreadsheet owner and the user running this). addEditors is called for every protection not known
 * to be the add-on's: until the editor list is changed once, a new protection mirrors the file's
 * sharing and restricts nobody. `ours`: one of the add-on's own ranges, found by its description
 * (which is then not read again), whose list the add-on set when it made it: addEditors only when
 * someone is missing (each range is one more round trip, and a grown register has hundreds).
 */
export function syncEditors(
  protection: Protection,
  wanted: readonly string[],
  description: string,
  ours = false,
): boolean {
  let changed = false;
  if (!ours && protection.getDescription() !== description) {
    protection.setDescription(description);
    changed = true;
  }
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const missing = wanted.some((e) => !current.includes(e));
  if (missing) changed = true;
  if (missing || !ours) protection.addEditors([...wanted]);
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
