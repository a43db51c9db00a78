/**
 * The register by its identity, not only its name. Every feature finds the register by its tab name,
 * and the edit trigger used to judge only edits on a tab of that name. But a name is not an identity:
 * anyone who may edit the register may rename its tab (technicians and supervisors are editors of
 * every register protection, since My work and the review sidebar write there as them), type anything
 * into it under the other name, where the trigger did not look (another technician's order set to
 * Completed, a stamp, a record), and rename it back: nothing judged, nothing logged, Verify clean.
 *
 * So the register's sheet id is kept in the document's properties (by setup, a Staff edit or a
 * take-over, which re-apply protections; else by the first edit that needs it), and an edit on a
 * tab whose name the trigger does not watch is checked against it: two more calls on such tabs (the
 * id kept, the edited tab's id). An edit found on the renamed register is judged like any other, and
 * the tab gets its name back when no other tab took it, so the add-on (intake, sidebars, the hourly
 * job) finds its register again. The Change Log's id is kept too: renamed, it stops every writer,
 * with a message to run setup, which then names it again rather than making an empty one beside it.
 */
import { SHEET_NAMES } from '../../../core/model';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { PROPERTY_KEYS, type PropertyKey } from '../../adapters/document-properties';
import { findTab } from '../../adapters/workbook';
import { renameTab, setAsideName, tabWithId } from '../../adapters/tabs';
import { keptRegisterId, registerTab } from '../../adapters/register-tab';
import type { Spreadsheet, Sheet, Properties } from '../../adapters/apps-script-types';

/** The tabs kept by id: where each one's id is kept. */
const KEPT_TABS: ReadonlyArray<[string, PropertyKey]> = [
  [SHEET_NAMES.register, PROPERTY_KEYS.registerSheetId],
  [SHEET_NAMES.changeLog, PROPERTY_KEYS.changeLogSheetId],
];

function keep(key: PropertyKey, sheet: Sheet): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  const id = String(sheet.getSheetId());
  if (props.getProperty(key) !== id) props.setProperty(key, id);
}

/** Keeps the register's sheet id (one read, and a write when it changed). */
export function rememberRegisterSheet(register: Sheet): void {
  keep(PROPERTY_KEYS.registerSheetId, register);
}

/** Keeps the Change Log's sheet id, as the register's. */
export function rememberChangeLogSheet(log: Sheet): void {
  keep(PROPERTY_KEYS.changeLogSheetId, log);
}

/** The tab whose sheet id is kept under `key`, if it is still there. */
function keptTab(ss: Spreadsheet, props: Properties, key: PropertyKey): Sheet | undefined {
  const id = Number(props.getProperty(key) ?? NaN);
  if (!Number.isInteger(id)) return undefined;
  return tabWithId(ss, id);
}

/**
 * Setup's first step: a kept tab (the register, the Change Log) that is missing by name but there
 * by id gets its name back, before setup would make an empty tab of that name beside it (every
 * writer stops while the Change Log's name is gone, with a message to run setup). So does one renamed
 * only in case, which getSheetByName may find under either name (it is reported to ignore case). A
 * tab someone made under the name while the kept one was renamed is set aside under another name
 * first: the add-on would otherwise adopt it (appends, protections, the kept id).
 * Returns what was done, for setup's report. Costs a lookup and a name per kept tab, and the tabs'
 * ids only when one is missing.
 */
export function renameKeptTabsBack(ss: Spreadsheet): string[] {
  const done: string[] = [];
  const props = documentPropertiesOrNull();
  if (!props) return done;
  for (const [name, key] of KEPT_TABS) {
    const named = findTab(ss, name);
    const kept = named && isKept(props, key, named) ? named : (keptTab(ss, props, key) ?? named);
    if (!kept) continue;
    const was = kept.getName();
    if (named && named.getSheetId() !== kept.getSheetId()) {
      // A tab made under the name of the renamed one (a decoy the add-on would write to): set aside.
      const aside = setAsideName(ss, name);
      renameTab(named, aside);
      done.push(`named the tab made under the name "${name}" "${aside}": it is not the add-on's ${name}`);
    }
    if (was === name) continue;
    renameTab(kept, name);
    done.push(`named the "${was}" tab "${name}" again (the add-on finds its ${name} by name)`);
  }
  return done;
}

function isKept(props: Properties, key: PropertyKey, sheet: Sheet): boolean {
  const id = Number(props.getProperty(key) ?? NaN);
  return !Number.isInteger(id) || sheet.getSheetId() === id;
}

/**
 * Whether `sheet` (a tab not named as the register) is the register renamed. A workbook whose id was
 * never kept keeps the id of the tab now named as the register, when there is one.
 */
export function isRenamedRegister(ss: Spreadsheet, sheet: Sheet): boolean {
  let id = keptRegisterId();
  if (id === null) {
    const named = findTab(ss, SHEET_NAMES.register);
    if (!named) return false;
    rememberRegisterSheet(named);
    id = named.getSheetId();
  }
  return sheet.getSheetId() === id;
}

/**
 * Gives the register its name back, or says why it could not: what the person who edited it sees.
 * The trigger runs as the installation owner, who may rename any tab.
 */
export function restoreRegisterName(ss: Spreadsheet, sheet: Sheet): string {
  const was = sheet.getName();
  const register = SHEET_NAMES.register;
  // getSheetByName may ignore case: the tab it finds for "Work Orders" may be this one, as "work orders".
  const named = findTab(ss, register);
  if (named && named.getSheetId() !== sheet.getSheetId()) {
    // A tab made under the name: set aside and this one named again, as every add-on execution does.
    registerTab(ss);
    const aside = named.getName();
    if (sheet.getName() === register && aside !== register)
      return `"${was}" is the Work Orders register: it is "${register}" again, and the tab made under its name is now "${aside}".`;
    return (
      `"${was}" is the Work Orders register under another name, and another tab is named "${register}". ` +
      `Edits here are still checked, and requests, sidebars and reports use this tab too: an administrator ` +
      `can run Extensions › Work Orders › Set up work orders, which names the tabs right.`
    );
  }
  try {
    renameTab(sheet, register);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `"${was}" is the Work Orders register: name it "${register}" again (Work Orders could not: ${why}).`;
  }
  return `"${was}" is the Work Orders register, which requests, sidebars and reports find by its name: it is "${register}" again.`;
}
