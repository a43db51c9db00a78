/**
 * After an accepted Settings edit that took a Category or Priority off the lists: the open work orders
 * still carrying the old name are counted and the administrator told, in the toast and in a note on
 * the edited cell (core/settings-names.ts says why the edit stands and the orders keep their name).
 * The register is read only when a name was dropped: one read of the five columns the check needs.
 */
import {
  inUseNotes,
  inUseToast,
  droppedNames,
  namesInUse,
  type NameInUse,
} from '../../../core/settings-names';
import type { ChangedCell, Grid } from '../../../core/settings-edit';
import type { Settings } from '../../../core/settings-model';
import { Register } from '../../adapters/register';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface NamesInUseCheck {
  toast: string | null;
  /** Notes for edited cells, keyed by `${row}:${column}`. */
  notes: Map<string, string>;
}

const NONE: NamesInUseCheck = { toast: null, notes: new Map() };

export function checkNamesInUse(
  ss: Spreadsheet,
  before: { grid: Grid; settings: Settings },
  after: Settings,
  changes: readonly ChangedCell[],
  stamp: string,
): NamesInUseCheck {
  const dropped = {
    category: droppedNames(before.settings, after, 'category'),
    priority: droppedNames(before.settings, after, 'priority'),
  };
  if (dropped.category.length === 0 && dropped.priority.length === 0) return NONE;
  let uses: NameInUse[];
  try {
    const columns = Register.open(ss).readFields(['id', 'woNumber', 'status', 'category', 'priority']);
    uses = namesInUse(dropped, {
      id: columns.cells('id'),
      woNumber: columns.cells('woNumber'),
      status: columns.cells('status'),
      category: columns.cells('category'),
      priority: columns.cells('priority'),
    });
  } catch (error) {
    // The edit stands either way; the administrator is told the check could not be made, not nothing.
    console.error(`Open work orders could not be checked after a Settings edit: ${String(error)}`);
    const names = [...dropped.category, ...dropped.priority].map((n) => `"${n}"`);
    const one = names.length === 1;
    const why = error instanceof Error ? error.message : String(error);
    return {
      toast: `${names.join(', ')} ${one ? 'is' : 'are'} no longer on the Settings tab, and the register could not be read to find open work orders still using ${one ? 'it' : 'them'} (${why}).`,
      notes: new Map(),
    };
  }
  return { toast: inUseToast(uses), notes: inUseNotes(before.grid, changes, uses, stamp) };
}
