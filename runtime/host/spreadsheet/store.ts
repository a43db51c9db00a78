import type { World } from '../world';

/** All spreadsheets of the world. (Owned by the SpreadsheetApp emulation.) */
export class SpreadsheetStore {
  constructor(readonly world: World) {}
}
