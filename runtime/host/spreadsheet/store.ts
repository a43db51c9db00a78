/**
 * All spreadsheets of the world: the host-side model behind SpreadsheetApp. Fast and not
 * script-visible; the runtime, the workbench and tests read and set up documents through it.
 */
import crypto from 'node:crypto';
import type { World } from '../world';
import { SpreadsheetModel } from './spreadsheet-model';
import type { SpreadsheetState } from './spreadsheet-model';
import { isValidTimeZone } from '../time-zone';
import { FileSharing } from './sharing';

export { SpreadsheetModel } from './spreadsheet-model';
export { SheetModel } from './sheet-model';
export type { CellValue } from './values';

export interface CreateOptions {
  /** Default: the world's (script's) time zone. */
  timeZone?: string;
  /** Size of the first tab (default 1000 × 26, like Google). */
  rows?: number;
  columns?: number;
  /** True for a file only its owner (and whoever it is shared with) may open: what a script creates. */
  private?: boolean;
}

export class SpreadsheetStore {
  private readonly byId = new Map<string, SpreadsheetModel>();

  constructor(readonly world: World) {}

  /** A new file with one tab, `Sheet1`, owned by `ownerEmail`. */
  create(name: string, ownerEmail: string, options: CreateOptions = {}): SpreadsheetModel {
    const timeZone = options.timeZone ?? this.world.timeZone;
    if (!isValidTimeZone(timeZone)) throw new Error(`not a time zone: ${timeZone}`);
    let id: string;
    do id = newFileId();
    while (this.byId.has(id));
    const model = new SpreadsheetModel(id, name, ownerEmail.toLowerCase(), timeZone);
    model.insertSheetModel('Sheet1', 0, { rows: options.rows, columns: options.columns });
    model.sharing = new FileSharing(!options.private);
    model.now = () => this.world.clock.nowMs();
    this.byId.set(id, model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  require(id: string): SpreadsheetModel {
    const model = this.byId.get(id);
    if (!model) throw new Error(`no spreadsheet with id ${JSON.stringify(id)}`);
    return model;
  }

  /** Finds a file by its URL (`…/spreadsheets/d/<id>/…`), as SpreadsheetApp.openByUrl does. */
  byUrl(url: string): SpreadsheetModel | undefined {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(url);
    return m ? this.byId.get(m[1]!) : undefined;
  }

  all(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }

  /** Every file as plain data (runtime/persistence.ts). */
  exportState(): SpreadsheetState[] {
    return this.all().map((m) => m.exportState());
  }

  /** Replaces every file with the saved ones. */
  importState(states: readonly SpreadsheetState[]): void {
    this.byId.clear();
    for (const state of states) {
      const model = SpreadsheetModel.fromState(state);
      model.now = () => this.world.clock.nowMs();
      this.byId.set(state.id, model);
    }
  }
}

/** Drive file ids are 44 characters of [A-Za-z0-9_-]. */
function newFileId(): string {
  return '1' + crypto.randomBytes(33).toString('base64url').slice(0, 43);
}
