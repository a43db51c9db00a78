/**
 * One spreadsheet file, host side: its tabs, owner, time zone and per-user view state (active sheet,
 * selection). Not script-visible.
 */
import crypto from 'node:crypto';
import { SheetModel } from './sheet-model';
import type { SheetState } from './sheet-state';
import type { Rect } from './rect';
import type { A1Span } from './a1';
import { ProtectionModel } from './protection-model';
import type { ProtectionType } from './protection-model';
import { Messages, fail } from './errors';
import { FileSharing, type SharingState } from './sharing';

/** Google's per-spreadsheet limit, all tabs together. */
export const MAX_CELLS = 10_000_000;
/** Sheets' column limit: ZZZ, the last three-letter column (Google Sheets help, "Files you can store"). */
export const MAX_COLUMNS = 18_278;

export interface Selection {
  sheetId: number;
  rect: Rect;
}

/** A whole spreadsheet file as plain data, for saving a world (runtime/persistence.ts). */
export interface SpreadsheetState {
  id: string;
  name: string;
  ownerEmail: string;
  timeZone: string;
  editors: string[];
  formUrl: string | null;
  activeSheetByUser: [string, number][];
  selectionByUser: [string, Selection][];
  nextProtectionId: number;
  nextChartId: number;
  usedFirstId: boolean;
  sheets: SheetState[];
  /** Absent in worlds saved before sharing was modelled (then: open to all). */
  sharing?: SharingState;
}

export class SpreadsheetModel {
  /** People the file is shared with as editors (the owner is implied). */
  readonly editors = new Set<string>();
  /** Viewers, and whether everyone may open it (sharing.ts). */
  sharing = new FileSharing(true);
  /** The form that sends responses to this spreadsheet (set by the FormApp emulation), or null. */
  formUrl: string | null = null;
  /** Each user's active tab (sheetId), as the UI and Sheet.activate() leave it. */
  readonly activeSheetByUser = new Map<string, number>();
  /** Each user's selected range, as the UI and Range.activate() leave it. */
  readonly selectionByUser = new Map<string, Selection>();
  /**
   * The world's time in milliseconds, which TODAY() and NOW() in formulas read (the store sets the
   * world's clock; a model built on its own uses real time).
   */
  now: () => number = () => Date.now();
  private sheets: SheetModel[] = [];
  private nextProtectionId = 1;
  private nextChartId = 1;
  /** The first tab of a file has sheetId 0 (gid=0), later ones random ids, as in Google. */
  private usedFirstId = false;

  constructor(
    readonly id: string,
    public name: string,
    readonly ownerEmail: string,
    public timeZone: string,
  ) {}

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheetModels(): SheetModel[] {
    return this.sheets.slice();
  }

  sheetModel(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * The tab `Spreadsheet.getSheetByName` answers: names compared ignoring case. Google's reference
   * says only "a sheet with the given name"; a lookup ignoring case is what is reported of live Apps
   * Script, while some scripts' authors write that it is exact. Of the two readings this is the one
   * that can fool a script (the tab it gets may be spelt otherwise than it asked), so it is the one
   * modelled. Tab names are unique ignoring case either way, so at most one tab answers.
   */
  sheetNamed(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** Like sheetModel but throws, for host code that knows the tab exists. */
  requireSheet(name: string): SheetModel {
    const sheet = this.sheetModel(name);
    if (!sheet) throw new Error(`spreadsheet ${this.id} has no sheet named ${JSON.stringify(name)}`);
    return sheet;
  }

  sheetById(sheetId: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  indexOf(sheet: SheetModel): number {
    return this.sheets.indexOf(sheet);
  }

  /**
   * Adds a tab of 1000 rows × 26 columns (Google's default) at `index` (0-based, default last).
   * Names are unique, compared case-insensitively as Sheets does.
   */
  insertSheetModel(name: string, index?: number, size?: { rows?: number; columns?: number }): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      fail(Messages.sheetExists(name));
    const rows = size?.rows ?? 1000;
    const columns = size?.columns ?? 26;
    this.assertColumnBudget(columns);
    this.assertCellBudget(rows * columns);
    const sheet = new SheetModel(this, name, this.newSheetId(), rows, columns);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  deleteSheetModel(name: string): void {
    const sheet = this.sheetModel(name);
    if (!sheet) throw new Error(`spreadsheet ${this.id} has no sheet named ${JSON.stringify(name)}`);
    this.removeSheet(sheet);
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) fail(Messages.removeAllSheets);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
    for (const p of sheet.protections) p.removed = true;
    for (const [user, id] of this.activeSheetByUser)
      if (id === sheet.sheetId) this.activeSheetByUser.delete(user);
    for (const [user, sel] of this.selectionByUser)
      if (sel.sheetId === sheet.sheetId) this.selectionByUser.delete(user);
  }

  moveSheet(sheet: SheetModel, index: number): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
  }

  /** The tab a user is looking at: the one they (or a script for them) activated, else the first visible. */
  activeSheetFor(user: string): SheetModel {
    const id = this.activeSheetByUser.get(user.toLowerCase());
    const chosen = id === undefined ? undefined : this.sheetById(id);
    return chosen ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0]!;
  }

  setActiveSheetFor(user: string, sheet: SheetModel): void {
    this.activeSheetByUser.set(user.toLowerCase(), sheet.sheetId);
    sheet.hidden = false;
  }

  /** The user's selection; A1 of their active tab when they have not selected anything there. */
  selectionFor(user: string): Selection {
    const active = this.activeSheetFor(user);
    const sel = this.selectionByUser.get(user.toLowerCase());
    if (sel && sel.sheetId === active.sheetId) return sel;
    return { sheetId: active.sheetId, rect: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
  }

  setSelectionFor(user: string, sheet: SheetModel, rect: Rect): void {
    this.setActiveSheetFor(user, sheet);
    this.selectionByUser.set(user.toLowerCase(), { sheetId: sheet.sheetId, rect: { ...rect } });
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  /** A sheet may grow to at most MAX_COLUMNS columns, whatever its cells. */
  assertColumnBudget(columns: number): void {
    if (columns > MAX_COLUMNS) fail(Messages.columnLimit);
  }

  assertCellBudget(extraCells: number): void {
    if (extraCells > 0 && this.totalCells() + extraCells > MAX_CELLS) fail(Messages.cellLimit);
  }

  createProtection(
    type: ProtectionType,
    sheet: SheetModel,
    rect: Rect | null,
    creator: string,
    span: A1Span = 'cells',
  ): ProtectionModel {
    const editors = [this.ownerEmail, ...this.editors, creator].filter((e) => e !== '');
    const p = new ProtectionModel(
      this.nextProtectionId++,
      type,
      sheet.sheetId,
      rect ? { ...rect } : null,
      editors,
    );
    p.span = span;
    sheet.protections.push(p);
    return p;
  }

  removeProtection(p: ProtectionModel): void {
    p.removed = true;
    const sheet = this.sheetById(p.sheetId);
    if (sheet) sheet.protections = sheet.protections.filter((x) => x !== p);
  }

  newChartId(): number {
    return this.nextChartId++;
  }

  /**
   * Moves every rectangle that points into sheet `sheetId` after rows/columns changed there:
   * protected ranges, unprotected exceptions, chart sources on any tab. `shift` returns null when the
   * rectangle was deleted entirely.
   */
  shiftReferences(sheetId: number, shift: (rect: Rect) => Rect | null): void {
    const sheet = this.sheetById(sheetId);
    if (sheet) {
      for (const p of [...sheet.protections]) {
        if (!p.shiftRect(shift, sheet)) this.removeProtection(p);
        p.unprotected = p.unprotected.flatMap((u) => {
          if (u.sheetId !== sheetId) return [u];
          const moved = shift(u.rect);
          return moved ? [{ sheetId, rect: moved }] : [];
        });
      }
    }
    for (const s of this.sheets) {
      for (const chart of s.charts) {
        chart.ranges = chart.ranges.flatMap((ref) => {
          if (ref.sheetId !== sheetId) return [ref];
          const moved = shift(ref.rect);
          return moved ? [{ ...ref, rect: moved }] : [];
        });
      }
    }
  }

  exportState(): SpreadsheetState {
    return {
      id: this.id,
      name: this.name,
      ownerEmail: this.ownerEmail,
      timeZone: this.timeZone,
      editors: [...this.editors],
      formUrl: this.formUrl,
      activeSheetByUser: [...this.activeSheetByUser],
      selectionByUser: [...this.selectionByUser].map(([user, sel]) => [
        user,
        { sheetId: sel.sheetId, rect: { ...sel.rect } },
      ]),
      nextProtectionId: this.nextProtectionId,
      nextChartId: this.nextChartId,
      usedFirstId: this.usedFirstId,
      sheets: this.sheets.map((s) => s.exportState()),
      sharing: this.sharing.exportState(),
    };
  }

  static fromState(state: SpreadsheetState): SpreadsheetModel {
    const model = new SpreadsheetModel(state.id, state.name, state.ownerEmail, state.timeZone);
    for (const e of state.editors) model.editors.add(e);
    model.sharing = FileSharing.fromState(state.sharing);
    model.formUrl = state.formUrl;
    for (const [user, id] of state.activeSheetByUser) model.activeSheetByUser.set(user, id);
    for (const [user, sel] of state.selectionByUser)
      model.selectionByUser.set(user, { sheetId: sel.sheetId, rect: { ...sel.rect } });
    model.nextProtectionId = state.nextProtectionId;
    model.nextChartId = state.nextChartId;
    model.usedFirstId = state.usedFirstId;
    model.sheets = state.sheets.map((s) => SheetModel.fromState(model, s));
    return model;
  }

  private newSheetId(): number {
    if (this.sheets.length === 0 && !this.usedFirstId) {
      this.usedFirstId = true;
      return 0;
    }
    let id: number;
    do id = crypto.randomInt(1, 2_147_483_647);
    while (this.sheets.some((s) => s.sheetId === id));
    return id;
  }
}
