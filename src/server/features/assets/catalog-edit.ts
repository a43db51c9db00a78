/**
 * A hand edit of the Assets or Schedules tab (protected: administrators and the installation owner),
 * judged at once, row by row (core/catalog-edit.ts): a complete row with a bad value is refused, its
 * edited cells put back (the old value of a single cell, else the tab as last accepted) with a note
 * saying what is wrong and what is accepted; the valid rows stand. Every change is logged, one line
 * per edited row. After an accepted Assets edit the intake form's asset question follows the tab.
 */
import { judgeCatalogEdit } from '../../../core/catalog-edit';
import { cellText } from '../../../core/headers';
import { SHEET_NAMES } from '../../../core/model';
import { roleMay } from '../../../core/permissions';
import { asCellText } from '../../../core/sanitize';
import { roleOf } from '../../../core/staff';
import { formatLocal } from '../../../core/time';
import type { UnhashedEntry } from '../../../core/audit';
import { ASSET_HEADER_ROW, ASSETS_ACCEPTED } from '../../../core/assets';
import type { RowProblem } from '../../../core/catalog-rows';
import { SCHEDULE_HEADER_ROW, SCHEDULES_ACCEPTED } from '../../../core/schedules';
import type { CellBlock, Grid } from '../../../core/settings-edit';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { forgetSnapshot, writeSnapshot } from '../../adapters/durable-snapshot';
import type { ReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { clearCellNotes } from '../../adapters/edited-cells';
import { readSheetValues, writeCellBlock } from '../../adapters/workbook';
import { readAcceptedGrid } from '../edits/accepted-tabs';
import type { EditedRange } from '../edits/register-edit';
import type { Sheet } from '../../adapters/apps-script-types';

export type CatalogTab = typeof SHEET_NAMES.assets | typeof SHEET_NAMES.schedules;

const ACCEPTED_KEY: Record<CatalogTab, string> = {
  [SHEET_NAMES.assets]: PROPERTY_KEYS.acceptedAssets,
  [SHEET_NAMES.schedules]: PROPERTY_KEYS.acceptedSchedules,
};
/**
 * A larger tab is not copied (document properties hold 500 KB in all): a refused paste is then left as
 * typed, its note saying it could not be put back, and the add-on ignores its rows.
 */
const MAX_COPY_CHARS = 120_000;

/** Each tab's header row, and what it accepts (said in the note on a refused row). */
const LAYOUT: Record<CatalogTab, { headerRow: readonly string[]; accepted: string }> = {
  [SHEET_NAMES.assets]: { headerRow: ASSET_HEADER_ROW, accepted: ASSETS_ACCEPTED },
  [SHEET_NAMES.schedules]: { headerRow: SCHEDULE_HEADER_ROW, accepted: SCHEDULES_ACCEPTED },
};

export interface CatalogSpec {
  tab: CatalogTab;
  /** The tab's rows parsed against the current Settings (and, for Schedules, Assets). */
  problems: (values: unknown[][]) => readonly RowProblem[];
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? '' : value;
}

export function recordAcceptedCatalog(tab: CatalogTab, values: readonly (readonly unknown[])[]): void {
  const text = JSON.stringify(values.map((row) => row.map(plain)));
  // An older copy kept would put back cells from a tab that has changed since: it is dropped.
  if (text.length <= MAX_COPY_CHARS) writeSnapshot(ACCEPTED_KEY[tab], text, Date.now());
  else forgetSnapshot(ACCEPTED_KEY[tab]);
}

/**
 * The old value the edit event gave: none for a paste of several cells, nor for one cell pasted into
 * (Apps Script leaves it out, as for a cell that was empty), whose '' only the accepted copy can confirm.
 */
export function eventOldValue(range: EditedRange): string | undefined {
  return range.oldValueFromEvent === false ? undefined : range.oldValue;
}

/** What a cell held before the edit: the event's old value (one cell), else the accepted copy. */
function before(range: EditedRange, copy: Grid | null, row: number, column: number): unknown {
  const told = eventOldValue(range);
  if (told !== undefined) return told;
  const value = copy?.[row - 1]?.[column - 1];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value))
    return new Date(value);
  // No copy: a single cell pasted into is taken as empty, as the event has it (nothing says better).
  return value ?? '';
}

const rowText = (cells: readonly unknown[] | undefined): string =>
  (cells ?? [])
    .map(cellText)
    .join(' | ')
    .replace(/( \| )+$/, '');

/** What a refused paste that could not be put back means, and what to do about it. */
const NOT_PUT_BACK =
  'Work Orders has no copy of what these cells held, so they stand as typed ' +
  'and the add-on ignores these rows: use Undo (Ctrl+Z) to bring back what was there, or type the rows again ' +
  'with accepted values.';

/** `text` cut to about `max` characters at a word, marked with "…" when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/**
 * The refused rows' cells to write, gathered so that each run of consecutive rows is one block: two
 * calls (values, notes) per run, not per row, the same cells written.
 */
class RowBlocks {
  private readonly blocks: CellBlock[] = [];
  constructor(private readonly column: number) {}

  add(row: number, values: unknown[], note: string): void {
    const last = this.blocks.at(-1);
    const notes = values.map(() => note);
    if (last && last.row + last.values.length === row) {
      last.values.push(values);
      last.notes.push(notes);
    } else this.blocks.push({ row, column: this.column, values: [values], notes: [notes] });
  }

  write(sheet: Sheet): void {
    for (const block of this.blocks) writeCellBlock(sheet, block);
  }
}

export interface CatalogOutcome {
  toast: string | null;
  entries: UnhashedEntry[];
  /** The tab as it stands after the edit (refused cells put back). */
  values: unknown[][];
  changed: boolean;
}

export function judgeCatalogHandEdit(
  sheet: Sheet,
  range: EditedRange,
  reference: ReferenceData,
  spec: CatalogSpec,
  /** The tab as last accepted when the caller has read it already (undefined: not read yet). */
  acceptedCopy?: Grid | null,
): CatalogOutcome {
  const user = currentUserEmail();
  const now = new Date();
  const values = readSheetValues(sheet);
  const last = range.row + range.numRows - 1;
  const judgement = judgeCatalogEdit({
    tab: spec.tab,
    headerRow: LAYOUT[spec.tab].headerRow,
    after: values,
    rows: [range.row, last],
    problems: spec.problems(values),
    editorIsAdministrator: roleMay(roleOf(reference.staff, user), 'administer'),
    editor: user,
  });
  const refused = new Map<number, string>(judgement.refusedRows);
  if (judgement.wholeReasons.length > 0)
    for (let r = range.row; r <= last; r++) refused.set(r, judgement.wholeReasons.join('; '));
  const copy =
    refused.size > 0 && eventOldValue(range) === undefined
      ? acceptedCopy !== undefined
        ? acceptedCopy
        : readAcceptedGrid(ACCEPTED_KEY[spec.tab])
      : null;
  // A paste with no copy of what it covered cannot be put back: blanking its cells would lose the rows
  // that were there. It stands as typed, and its rows, refused, are ignored by the add-on.
  const unknown = refused.size > 0 && range.oldValue === undefined && copy === null;
  // A note from an earlier refusal goes once the cells are edited again (the refused rows get a new one).
  if (refused.size < range.numRows) clearCellNotes(sheet, range);
  const entries: UnhashedEntry[] = [];
  const base = { at: now, user, source: 'sheet edit' as const, recordId: spec.tab };
  const blocks = new RowBlocks(range.column);
  for (let r = range.row; r <= last; r++) {
    const reason = refused.get(r);
    if (!reason) {
      entries.push({ ...base, field: `Row ${r}`, oldValue: '', newValue: rowText(values[r - 1]) });
      continue;
    }
    const stamp = `${user || 'unknown user'}, ${formatLocal(now, reference.timeZone)}`;
    const note = unknown
      ? `Work Orders could not put this back (${stamp}): ${reason}. ${NOT_PUT_BACK} ${LAYOUT[spec.tab].accepted}`
      : `Work Orders put this back (${stamp}): ${reason}. ${LAYOUT[spec.tab].accepted}`;
    const cells = values[r - 1] ?? [];
    const typed = rowText(cells);
    const restored: unknown[] = [];
    for (let c = range.column; c < range.column + range.numColumns; c++) {
      const old = unknown ? cells[c - 1] : before(range, copy, r, c);
      restored.push(typeof old === 'string' ? asCellText(old).cell : old);
      cells[c - 1] = old;
    }
    blocks.add(r, restored, note);
    const field = unknown ? `Row ${r} (refused, not put back)` : `Row ${r} (refused)`;
    entries.push({ ...base, field, oldValue: '', newValue: `${typed} [${reason}]` });
  }
  blocks.write(sheet);
  const accepted = [...Array(last - range.row + 1).keys()].some((i) => !refused.has(range.row + i));
  if (accepted || refused.size > 0) recordAcceptedCatalog(spec.tab, values);
  // A bad row's next step is in its note (what the tab accepts), which the toast points to.
  const next =
    judgement.wholeReasons.length > 0
      ? ''
      : ' The note on each put-back cell says what the tab accepts: type the row again with those values.';
  const reasons = clip([...new Set(refused.values())].join('; '), 300).replace(/([^…])$/, '$1.');
  const toast =
    refused.size === 0
      ? null
      : unknown
        ? `${spec.tab}: ${refused.size} row(s) refused but not put back: ${reasons} ${NOT_PUT_BACK}`
        : `${spec.tab}: ${refused.size} row(s) put back: ${reasons}${next}`;
  return { toast, entries, values, changed: accepted };
}
