/**
 * A Category or Priority renamed or removed on the Settings tab while open work orders still carry
 * the old name, pure. The edit is accepted (as a renamed location is): a Settings edit is refused only
 * when a value is invalid, a rename and a removal look alike cell by cell, and refusing would leave an
 * administrator unable to retire a name until every order using it is closed. The orders are not
 * rewritten either: their rows, log and sealed record say what was decided, under the name it was
 * decided with. What changes is that nobody is left unaware: the administrator is told how many open
 * orders still carry each name, which ones, and how a supervisor gives them a listed one.
 */
import { cellText } from './headers';
import { LEFT_BEHIND_NOTE, OPEN_KEYS, listed, nameKey as key, ordersNaming } from './names-left-behind';
import type { ChangedCell, Grid } from './settings-edit';
import type { Settings } from './settings-model';

export type NamedList = 'category' | 'priority';

/** How each list's header reads on the Settings tab, and how a supervisor moves an order off a name. */
const LISTS: Readonly<Record<NamedList, { header: string; remedy: string }>> = {
  category: {
    header: 'Category',
    remedy: 'a supervisor gives each a category from the list by typing it in its Category cell',
  },
  priority: {
    header: 'Priority',
    remedy:
      'until a supervisor gives each a listed priority with Change priority in Review & assign (or when approving it), its SLA targets, reminders and escalation no longer apply',
  },
};

/** The names of `list` that were on Settings before the edit and are not after it, as they were spelled. */
export function droppedNames(before: Settings, after: Settings, list: NamedList): string[] {
  const names = (s: Settings): string[] =>
    list === 'category' ? s.categories : s.priorities.map((p) => p.name);
  const kept = new Set(names(after).map(key));
  return names(before).filter((name) => !kept.has(key(name)));
}

/** The register's cells read for the check, top to bottom (index i is sheet row i + 2). */
export interface RegisterNameCells {
  id: readonly unknown[];
  woNumber: readonly unknown[];
  status: readonly unknown[];
  category: readonly unknown[];
  priority: readonly unknown[];
}

export interface NameInUse {
  list: NamedList;
  name: string;
  /** The open orders still carrying it, by WO number (request id before one is given). */
  orders: string[];
}

/**
 * For each dropped name, the open orders whose cell still reads it. Cells, not the sealed record: this
 * only tells the administrator where to look, and an order whose cell a script rewrote is one a
 * supervisor should look at too.
 */
export function namesInUse(
  dropped: Readonly<Record<NamedList, readonly string[]>>,
  cells: RegisterNameCells,
): NameInUse[] {
  const uses: NameInUse[] = [];
  for (const list of ['category', 'priority'] as const) {
    const named = { id: cells.id, woNumber: cells.woNumber, status: cells.status, named: cells[list] };
    // One use per name however it is spelled twice (the last spelling, where first listed).
    const names = new Map(dropped[list].map((name) => [key(name), name]));
    for (const [wanted, name] of names) {
      const orders = ordersNaming(named, wanted, cellText, OPEN_KEYS);
      if (orders.length > 0) uses.push({ list, name, orders });
    }
  }
  return uses;
}

/** One sentence per name in use: what is left behind and what to do about it. */
export function inUseSentence(use: NameInUse): string {
  const n = use.orders.length;
  const { header, remedy } = LISTS[use.list];
  return (
    `${header} "${use.name}" is no longer on the Settings tab, but ${n} open work order${n === 1 ? '' : 's'} ` +
    `still ${n === 1 ? 'has' : 'have'} it (${listed(use.orders)}): ${n === 1 ? 'it keeps' : 'they keep'} it as recorded; ${remedy}.`
  );
}

/** The toast after the edit, or null when no open order carries a name the edit took off Settings. */
export function inUseToast(uses: readonly NameInUse[]): string | null {
  return uses.length === 0 ? null : uses.map(inUseSentence).join(' ');
}

/** How the note on a Settings cell that held a name still in use begins (the same as other tabs'). */
export const IN_USE_NOTE = LEFT_BEHIND_NOTE;

/**
 * The notes for the edited cells that held a name still in use, keyed by `${row}:${column}`: the
 * administrator finds what the toast said beside the cell it is about, after the toast has gone.
 */
export function inUseNotes(
  before: Grid,
  changes: readonly ChangedCell[],
  uses: readonly NameInUse[],
  stamp: string,
): Map<string, string> {
  const notes = new Map<string, string>();
  const header = (before[0] ?? []).map((h) => key(cellText(h)));
  for (const change of changes) {
    const list = (['category', 'priority'] as const).find(
      (l) => header[change.column - 1] === key(LISTS[l].header),
    );
    const use = list && uses.find((u) => u.list === list && key(u.name) === key(cellText(change.before)));
    if (use) notes.set(`${change.row}:${change.column}`, `${IN_USE_NOTE} (${stamp}). ${inUseSentence(use)}`);
  }
  return notes;
}
