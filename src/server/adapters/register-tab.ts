/**
 * The register's tab by its identity, for every reader and writer of work orders.
 *
 * A name is not an identity: any editor of the register may rename its tab and make a tab of their own
 * under "Work Orders" (a copy of the register, hidden records and all). Found by name, that decoy would
 * take every new request, show the sidebars its rows and feed the reports and the hourly job, while
 * the real register sat renamed. So the register is the tab whose sheet id the add-on keeps (document
 * properties; in the hourly job, which has none, the installation owner's copy that intake keeps
 * current), whatever its name. When the tab by that name is another one, the kept tab is used; in the
 * document the names are also put right (the other tab set aside, the register named again), as setup
 * does, so people looking at the spreadsheet see the register under its name too.
 *
 * Cost: the kept id comes with the document-properties read an execution makes under its lock anyway
 * (document-properties-memo.ts), or one property read outside it; the tab's id is a local accessor.
 * The tabs are listed only when the named one is not the register.
 */
import { SHEET_NAMES } from '../../core/model';
import { PROPERTY_KEYS } from './document-properties';
import { documentPropertiesOrNull } from './service-handles';
import { readOwnerState } from './owner-state';
import { renameTab, setAsideName, tabWithId } from './tabs';
import { localSheet, UserFacingError } from './workbook';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** The owner's copy of the register's sheet id, for the hourly job (owner-state.ts names it per spreadsheet). */
export const REGISTER_ID_COPY = 'registerSheetId';

const SETUP = 'Extensions › Work Orders › Set up work orders';

/** The hourly job's spreadsheet, whose owner's copy of the id stands for the document's (set by the job). */
let ownersCopyOf: string | null = null;
/**
 * The owner's copy as first read in the job (undefined: not read yet): read once a run, since only the
 * owner's executions in the document write it, and a later lookup (a counter rebuilt) then costs no call.
 */
let ownersCopyRead: string | null | undefined;

/** The hourly job (no document): the register is told by the owner's copy of its id for `spreadsheetId`. */
export function findRegisterByOwnersCopy(spreadsheetId: string): void {
  ownersCopyOf = spreadsheetId;
  ownersCopyRead = undefined;
}

function parseId(text: string | null | undefined): number | null {
  const id = text === null || text === undefined ? NaN : Number(text);
  return Number.isInteger(id) ? id : null;
}

/**
 * The kept sheet id of the register: the document's, else (the hourly job) the owner's copy; null when
 * none. `known`: the document's value as the caller already read it (a whole-store read of its own).
 */
export function keptRegisterId(known?: string | null): number | null {
  if (known !== undefined) return parseId(known);
  const props = documentPropertiesOrNull();
  if (props) return parseId(props.getProperty(PROPERTY_KEYS.registerSheetId));
  if (ownersCopyOf === null) return null;
  if (ownersCopyRead === undefined) ownersCopyRead = readOwnerState(ownersCopyOf, REGISTER_ID_COPY);
  return parseId(ownersCopyRead);
}

/**
 * In the installation owner's execution in the document: the owner's copy of the register's id to write,
 * `{ [REGISTER_ID_COPY]: id }`, when the document keeps one and `copy` (the owner's, as read) differs;
 * else nothing. Intake adds it to the owner write it makes anyway.
 */
export function registerIdCopyOwed(copy: string | null): Record<string, string> {
  const kept = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.registerSheetId) ?? null;
  return kept !== null && kept !== copy ? { [REGISTER_ID_COPY]: kept } : {};
}

function namedTab(ss: Spreadsheet): Sheet | null {
  try {
    return localSheet(ss, SHEET_NAMES.register);
  } catch {
    return null;
  }
}

/**
 * Sets the tab under the register's name aside and names the register again (in the document only:
 * the hourly job reads, and leaves the names to the next execution there). A person who may not rename
 * (a protection) leaves the names as they are: the register is still the one used.
 */
function putNamesRight(ss: Spreadsheet, register: Sheet, other: Sheet | null): void {
  if (!documentPropertiesOrNull()) return;
  try {
    if (other) renameTab(other, setAsideName(ss, SHEET_NAMES.register));
    renameTab(register, SHEET_NAMES.register);
  } catch {
    // Left for setup, which names them as it finds them.
  }
}

/**
 * The one look-up every way to the register shares: the tab under the register's name when no id is
 * kept or it is the kept one; else the kept tab, with the names put right; `tab` null when the kept id
 * names no tab (or none is kept and no tab has the name), `named` then the tab under the name, if any.
 */
function findRegister(ss: Spreadsheet, known?: string | null): { tab: Sheet | null; named: Sheet | null } {
  const named = namedTab(ss);
  const keptId = keptRegisterId(known);
  if (keptId === null || named?.getSheetId() === keptId) return { tab: named, named };
  const kept = tabWithId(ss, keptId);
  if (kept) putNamesRight(ss, kept, named);
  return { tab: kept ?? null, named };
}

/**
 * The register's tab: the one whose id the add-on keeps, whatever it is named (see above). Throws a
 * message saying what to do when there is none: no tab by the name and none by the id, or only a tab
 * under the name that is not the one kept (the register deleted and another made in its place).
 */
export function registerTab(
  ss: Spreadsheet,
  /** The document's kept id as the caller already read it with the rest of the store, if it did. */
  known?: { keptId: string | null },
): Sheet {
  const found = findRegister(ss, known?.keptId);
  if (found.tab) return found.tab;
  const { named } = found;
  if (!named) return localSheet(ss, SHEET_NAMES.register); // the missing-tab message (missing-tab.ts)
  // The hourly job's copy can lag the document where its id names no tab at all: another administrator's
  // setup took a new register after one was deleted, and no request has brought the copy up to date
  // since. The job goes by the name then; the document's executions refuse such a tab until setup.
  if (!documentPropertiesOrNull()) return named;
  throw new UserFacingError(
    `The "${SHEET_NAMES.register}" tab is not the register Work Orders set up: that one is no longer in ` +
      `the spreadsheet, and this tab was made in its place. Nothing was written to it. An administrator ` +
      `can run ${SETUP}, which takes this tab as the register from then on; Verify audit log then names ` +
      `the work orders the Change Log has that it does not.`,
  );
}

/**
 * The register as protecting it (and keeping its id) needs it: the kept tab when one is kept and still
 * there, with the names put right; the tab under the register's name only when no id is kept, or when
 * `adopt` (setup, which takes a tab made in place of a deleted register, as registerTab's message says).
 * Null otherwise. Going by the name alone, a Staff edit or a take-over while a technician's decoy held
 * it would have protected the decoy and kept its id, making it the register for every reader.
 */
export function registerTabToProtect(ss: Spreadsheet, adopt: boolean): Sheet | null {
  const found = findRegister(ss);
  return found.tab ?? (adopt ? found.named : null);
}

/**
 * The register for a reader that must not stop (the counters' rebuild, which reads its ids): the kept
 * tab, or the one under the name when no id is kept; null when the kept id names no tab, so a tab made
 * in place of a deleted register counts for nothing until setup takes it.
 */
export function keptRegisterTab(ss: Spreadsheet): Sheet | null {
  return registerTabToProtect(ss, false);
}

/**
 * Whether `sheet` is the register by its kept id (true when no id is kept: nothing to tell it by). For
 * the edit trigger, under its lock, where the kept id comes with the properties read it makes anyway.
 */
export function isRegisterTab(sheet: Sheet): boolean {
  const keptId = keptRegisterId();
  return keptId === null || sheet.getSheetId() === keptId;
}

/**
 * What to tell someone who edited a tab made under the register's name: the names are put right
 * first (in the document), so the message says where each tab now is.
 */
export function decoyEditedMessage(ss: Spreadsheet, sheet: Sheet): string {
  registerTab(ss);
  const now = sheet.getName();
  const where =
    now === SHEET_NAMES.register
      ? ''
      : ` It is now named "${now}", and the register is "${SHEET_NAMES.register}" again.`;
  return (
    `This tab is not the Work Orders register: it was made under the register's name, and the edit was not ` +
    `checked or recorded. Work orders are changed on the register itself.${where}`
  );
}
