/**
 * A Location (Settings tab), an Asset ID (Assets tab) or a category's checklist (Checklists tab)
 * renamed or removed while open work orders, schedules or assets still name it, pure. Like a dropped
 * Category or Priority (core/settings-names.ts), the edit stands and nothing is rewritten: an order
 * keeps the location and asset it was recorded with, and a schedule row is the administrator's to
 * change. What this adds is that the administrator is told at once what the edit left behind (how
 * many, which, and what each does now) and what to do, in the toast and in a note on the edited cell.
 */
import { OPEN_STATUSES } from './model';
import { cellText } from './headers';

export type LeftBehindKind = 'location' | 'asset' | 'checklist';

/** How a name is matched, as the tabs' own checks match it: trimmed, any case. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** The names in `before` and not in `after`, as they were spelled, each once. */
export function droppedFrom(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after.map(nameKey));
  const seen = new Set<string>();
  return before.filter((name) => {
    const key = nameKey(name);
    if (key === '' || kept.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The register's cells read for the check (index i is sheet row i + 2); `named` is the cell compared. */
export interface OrderNameCells {
  id: readonly unknown[];
  woNumber: readonly unknown[];
  status: readonly unknown[];
  named: readonly unknown[];
}

/** A tab's rows (header first) and the columns of the label and of the name compared; -1 when missing. */
export interface TabNameCells {
  values: readonly (readonly unknown[])[];
  label: number;
  named: number;
}

export interface NameLeftBehind {
  kind: LeftBehindKind;
  name: string;
  /** Open orders naming it, by WO number (request id before one is given). */
  orders: string[];
  /** Schedules naming it, by Schedule ID (row number without one). */
  schedules: string[];
  /** Assets whose row names it (a dropped location only), by Asset ID. */
  assets: string[];
}

/** The open statuses as nameKey reads a Status cell. */
export const OPEN_KEYS: ReadonlySet<string> = new Set(OPEN_STATUSES.map(nameKey));
/** A checklist is copied onto an order when it is approved: only the orders not yet approved are affected. */
const AWAITING_APPROVAL = new Set([nameKey('Submitted')]);

/** The orders whose `named` cell reads `wanted` (a nameKey) and whose Status is one of `statuses`, by label. */
export function ordersNaming(
  cells: OrderNameCells,
  wanted: string,
  read: (cell: unknown) => string,
  statuses: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  cells.named.forEach((cell, i) => {
    if (nameKey(read(cell)) !== wanted || !statuses.has(nameKey(cellText(cells.status[i])))) return;
    found.push(cellText(cells.woNumber[i]).trim() || cellText(cells.id[i]).trim() || `row ${i + 2}`);
  });
  return found;
}

function tabRows(tab: TabNameCells | null, wanted: string): string[] {
  if (!tab || tab.named < 0) return [];
  const found: string[] = [];
  tab.values.slice(1).forEach((row, i) => {
    if (nameKey(cellText(row[tab.named])) !== wanted) return;
    found.push((tab.label < 0 ? '' : cellText(row[tab.label]).trim()) || `row ${i + 2}`);
  });
  return found;
}

/**
 * For each dropped name, what still names it: open orders (for a checklist, those awaiting approval) (cells, not sealed records: this only says
 * where to look), Schedules rows and, for a location, Assets rows. `orderName` reads an order's cell
 * (an Asset cell may hold the form's "PUMP-01 — Boiler feed pump" answer). Names nothing uses are left out.
 */
export function namesLeftBehind(
  kind: LeftBehindKind,
  dropped: readonly string[],
  where: {
    orders: OrderNameCells | null;
    schedules: TabNameCells | null;
    assets: TabNameCells | null;
    orderName?: (cell: unknown) => string;
  },
): NameLeftBehind[] {
  const read = where.orderName ?? cellText;
  return dropped
    .map((name) => {
      const wanted = nameKey(name);
      return {
        kind,
        name,
        orders: where.orders
          ? ordersNaming(where.orders, wanted, read, kind === 'checklist' ? AWAITING_APPROVAL : OPEN_KEYS)
          : [],
        schedules: tabRows(where.schedules, wanted),
        assets: kind === 'location' ? tabRows(where.assets, wanted) : [],
      };
    })
    .filter((use) => use.orders.length + use.schedules.length + use.assets.length > 0);
}

/** Named in a message or note; the rest are counted. */
const NAMED = 5;

/** Up to NAMED labels, then how many more. */
export function listed(labels: readonly string[]): string {
  const shown = labels.slice(0, NAMED).join(', ');
  return labels.length > NAMED ? `${shown} and ${labels.length - NAMED} more` : shown;
}

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Where the name no longer is, and what becomes of what still names it, and what to do. */
const WORDING: Readonly<
  Record<
    LeftBehindKind,
    { gone: (name: string) => string; still: string; orders: string; schedules: string; assets: string }
  >
> = {
  location: {
    gone: (name) => `Location "${name}" is no longer on the Settings tab`,
    still: 'still naming it',
    orders: 'kept as recorded (where the request said the work is)',
    schedules:
      'skipped by the hourly job until an administrator gives each a location from the Settings list in its Location cell on the Schedules tab',
    assets:
      'off the request form, and their schedules skipped, until an administrator gives each a location from the Settings list on the Assets tab',
  },
  asset: {
    gone: (name) => `Asset ID "${name}" is no longer on the Assets tab`,
    still: 'still naming it',
    orders:
      'kept as recorded; a supervisor gives each an Asset ID from the Assets tab by typing it in its Asset cell',
    schedules:
      "skipped by the hourly job until an administrator types an Asset ID from the Assets tab in each one's Asset cell on the Schedules tab",
    assets: '',
  },
  checklist: {
    gone: (name) => `Category "${name}" no longer has checklist items on the Checklists tab`,
    still: 'still of that category',
    orders: 'approved from now on with no checklist (orders already approved keep the one they got)',
    schedules: 'whose orders from now on come with no checklist',
    assets: '',
  },
};

/** One sentence per name: what still names it and what to do about each. */
export function leftBehindSentence(use: NameLeftBehind): string {
  const words = WORDING[use.kind];
  const parts: string[] = [];
  if (use.orders.length > 0) {
    const [one, many] =
      use.kind === 'checklist'
        ? ['work order awaiting approval', 'work orders awaiting approval']
        : ['open work order', 'open work orders'];
    parts.push(`${counted(use.orders.length, one, many)} (${listed(use.orders)}), ${words.orders}`);
  }
  if (use.schedules.length > 0)
    parts.push(
      `${counted(use.schedules.length, 'schedule', 'schedules')} (${listed(use.schedules)}), ${words.schedules}`,
    );
  if (use.assets.length > 0)
    parts.push(`${counted(use.assets.length, 'asset', 'assets')} (${listed(use.assets)}), ${words.assets}`);
  const remedy =
    use.kind === 'checklist' ? ` Put the items back under "${use.name}" if they still apply.` : '';
  return `${words.gone(use.name)}; ${words.still}: ${parts.join('; ')}.${remedy}`;
}

/** The toast after the edit, or null when nothing names a dropped name. */
export function leftBehindToast(uses: readonly NameLeftBehind[]): string | null {
  return uses.length === 0 ? null : uses.map(leftBehindSentence).join(' ');
}

/** How the note on an edited cell that held a name still in use begins (as core/settings-names.ts). */
export const LEFT_BEHIND_NOTE = 'Work Orders: still in use';

/**
 * Notes for the edited cells of `column` (1-based) that held a name still in use before the edit,
 * keyed by `${row}:${column}`: the administrator finds the warning beside the cell it is about.
 */
export function leftBehindNotes(
  edited: readonly { row: number; column: number; before: unknown }[],
  column: number,
  uses: readonly NameLeftBehind[],
  stamp: string,
): Map<string, string> {
  const notes = new Map<string, string>();
  for (const cell of edited) {
    if (cell.column !== column) continue;
    const use = uses.find((u) => nameKey(u.name) === nameKey(cellText(cell.before)));
    if (use)
      notes.set(`${cell.row}:${cell.column}`, `${LEFT_BEHIND_NOTE} (${stamp}). ${leftBehindSentence(use)}`);
  }
  return notes;
}
