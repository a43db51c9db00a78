import type { World } from '../../runtime';
import { REFERENCE_SNAPSHOT_KEY } from '../../src/server/adapters/reference-data';

export { REFERENCE_SNAPSHOT_KEY };

/**
 * Makes the add-on forget what it remembered about a spreadsheet: the document cache and the
 * Settings/Staff snapshot in document properties. Tests and the bench call it after writing sheets
 * straight into the host model, which no trigger sees (a person's edit would fire the edit trigger,
 * which drops the snapshot itself).
 */
export function forgetRememberedState(world: World, spreadsheetId: string): void {
  world.cache.document(spreadsheetId).clear();
  world.properties.document(spreadsheetId).delete(REFERENCE_SNAPSHOT_KEY);
}
