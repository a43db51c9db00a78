/**
 * What to tell someone when a tab the add-on needs is not there by its name: whether it was renamed
 * (setup names it back, nothing lost) or deleted (for the Change Log, its rows are gone from the tab,
 * and setup only makes an empty one). It never says "no data is lost" of a deleted tab. Only the register and the Change Log have their sheet ids kept
 * (features/edits/register-identity.ts), so only they can be told apart; the lookup runs on this
 * error path alone.
 */
import { SHEET_NAMES } from '../../core/model';
import { PROPERTY_KEYS } from './document-properties';
import { documentPropertiesOrNull } from './service-handles';
import { tabWithId } from './tabs';
import type { Spreadsheet } from './apps-script-types';

const SETUP = 'Extensions › Work Orders › Set up work orders';

const KEPT_ID: Readonly<Record<string, string>> = {
  [SHEET_NAMES.register]: PROPERTY_KEYS.registerSheetId,
  [SHEET_NAMES.changeLog]: PROPERTY_KEYS.changeLogSheetId,
};

/**
 * After the Change Log is deleted and setup has made (or taken) a new one: Verify audit log reports the
 * earlier rows as deleted until they are pasted back in place, where the keyed chain verifies again
 * (the edit trigger records the paste as a hand edit, a row of its own). A whole-version restore
 * would bring them back too, but undo every change made since.
 */
export const LOG_ROWS_BACK =
  'Verify audit log then reports the earlier rows as deleted until they are copied back: in File › ' +
  "Version history, open a version from before the deletion, copy the Change Log's rows from row 2 down, " +
  'insert as many empty rows at row 2 of the new Change Log and paste them there (the add-on records the ' +
  'paste as a hand edit: leave it). Do not restore that whole version: it would undo every change made since.';

/** The Change Log deleted: setup makes a new, empty one and work goes on. */
const LOG_DELETED =
  `the rows it held went with it. An administrator can run ${SETUP}, which makes a new, empty Change Log ` +
  `so that work can go on. ${LOG_ROWS_BACK}`;

/** The message for a tab missing by `name`: renamed, deleted, or not known. */
export function missingTabMessage(ss: Spreadsheet, name: string): string {
  const head = `The "${name}" sheet is missing`;
  const key = KEPT_ID[name];
  const id = key === undefined ? NaN : Number(documentPropertiesOrNull()?.getProperty(key) ?? NaN);
  if (Number.isInteger(id)) {
    const renamed = tabWithId(ss, id);
    if (renamed)
      return `${head}: it was renamed "${renamed.getName()}". An administrator can run ${SETUP}, which names it "${name}" again; nothing in it is lost.`;
    if (name === SHEET_NAMES.changeLog) return `${head}: it was deleted, and ${LOG_DELETED}`;
  }
  if (name === SHEET_NAMES.changeLog)
    return `${head}: if it was renamed, an administrator can name it "${name}" again; if it was deleted, ${LOG_DELETED}`;
  // Whether its rows are lost depends on the tab (the register's come back from the log): not claimed.
  return `${head}. If it was renamed, an administrator can name it "${name}" again; if it was deleted, ${SETUP} makes it again.`;
}
