/**
 * The Checklists tab, `Category | Item | Required | Order`: the items every work order of a category
 * must go through, kept by administrators. Parsing never throws (a bad row is reported and left out);
 * a hand edit is judged against the tab as last accepted, like Staff and Settings: accepted whole, or
 * refused whole with a note saying what is wrong.
 */
import * as z from './validator';
import { cellText, mapHeaders } from './headers';
import { changedCells, type ChangedCell, type Grid } from './settings-edit';

export const CHECKLISTS_SHEET = 'Checklists';
export const CHECKLIST_COLUMNS = {
  category: 'Category',
  item: 'Item',
  required: 'Required',
  order: 'Order',
} as const;
export const CHECKLIST_HEADER_ROW: readonly string[] = Object.values(CHECKLIST_COLUMNS);

/** Longest item text: it is a choice on a card and a line of the update form. */
export const MAX_ITEM_LENGTH = 200;

export interface ChecklistDefinition {
  category: string;
  item: string;
  required: boolean;
  /** Position within the category (smaller first); rows without one keep the tab's order. */
  order: number;
}

export const CHECKLISTS_ACCEPTED =
  `Accepted: Category one of the Settings tab's categories, Item 1 to ${MAX_ITEM_LENGTH} characters (each item once per category), ` +
  'Required Yes or No (empty counts as Yes), Order a number of 0 or more or empty.';

const YES = ['yes', 'y', 'true', '1', ''];
const NO = ['no', 'n', 'false', '0'];

const text = (v: unknown): string => cellText(v).trim();

const RowSchema = z.lazySchema(() =>
  z.object({
    item: z
      .string()
      .check(
        z.minLength(1, { error: 'Item is empty' }),
        z.maxLength(MAX_ITEM_LENGTH, { error: `Item is longer than ${MAX_ITEM_LENGTH} characters` }),
      ),
    required: z.enum([...YES, ...NO], { error: 'Required is not Yes or No' }),
    order: z.union(
      [z.literal(''), z.number().check(z.gte(0, { error: 'Order is not a number of 0 or more' }))],
      {
        error: 'Order is not a number of 0 or more',
      },
    ),
  }),
);

export interface ParsedChecklists {
  items: ChecklistDefinition[];
  /** "Checklists row 4: Required is not Yes or No" */
  problems: string[];
}

function orderValue(raw: unknown): number | '' | string {
  if (typeof raw === 'number') return raw;
  const t = text(raw);
  if (t === '') return '';
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** The tab's rows, validated against the Settings categories; bad rows are reported and left out. */
export function parseChecklists(values: Grid, categories: readonly string[]): ParsedChecklists {
  const header = values[0];
  if (!header) return { items: [], problems: [] };
  const layout = mapHeaders(header, CHECKLIST_COLUMNS);
  if (layout.indexOf.category < 0 || layout.indexOf.item < 0) {
    return { items: [], problems: ['The Checklists tab is missing its Category or Item column'] };
  }
  const pick = (cells: readonly unknown[], key: keyof typeof CHECKLIST_COLUMNS): unknown =>
    layout.indexOf[key] < 0 ? '' : cells[layout.indexOf[key]];
  const known = new Map(categories.map((c) => [c.toLowerCase(), c]));
  const items: Array<ChecklistDefinition & { at: number }> = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const raw = ['category', 'item', 'required', 'order'].map((k) =>
      pick(cells, k as keyof typeof CHECKLIST_COLUMNS),
    );
    if (raw.every((v) => text(v) === '')) return;
    const reasons: string[] = [];
    const category = known.get(text(raw[0]).toLowerCase());
    if (!category) reasons.push(`Category "${text(raw[0])}" is not a category on the Settings tab`);
    const parsed = RowSchema.safeParse({
      item: text(raw[1]),
      required: text(raw[2]).toLowerCase(),
      order: orderValue(raw[3]),
    });
    if (!parsed.success) reasons.push(...parsed.error.issues.map((issue) => issue.message));
    const key = `${(category ?? '').toLowerCase()}\n${text(raw[1]).toLowerCase()}`;
    if (reasons.length === 0 && seen.has(key))
      reasons.push(`"${text(raw[1])}" is already an item of ${category ?? ''}`);
    if (reasons.length > 0 || !parsed.success || !category) {
      problems.push(`Checklists row ${row}: ${reasons.join('; ')}`);
      return;
    }
    seen.add(key);
    const { item, required, order } = parsed.data;
    items.push({
      category,
      item,
      required: !NO.includes(required),
      order: order === '' ? 1e9 : order,
      at: i,
    });
  });
  items.sort((a, b) => a.order - b.order || a.at - b.at);
  return {
    items: items.map(({ category, item, required, order }) => ({ category, item, required, order })),
    problems,
  };
}

/** The items a work order of `category` gets, in their order. */
export function itemsForCategory(
  items: readonly ChecklistDefinition[],
  category: string,
): ChecklistDefinition[] {
  const wanted = category.trim().toLowerCase();
  return wanted === '' ? [] : items.filter((i) => i.category.toLowerCase() === wanted);
}

export type ChecklistEditJudgement =
  { ok: true; changes: ChangedCell[] } | { ok: false; changes: ChangedCell[]; reasons: string[] };

/**
 * A hand edit of the Checklists tab: refused whole when the editor may not administer, when the
 * header row changes, or when a row it touched is invalid; rows it did not touch are not its fault.
 */
export function judgeChecklistsEdit(input: {
  before: Grid;
  after: Grid;
  categories: readonly string[];
  editorIsAdministrator: boolean;
}): ChecklistEditJudgement {
  const changes = changedCells(input.before, input.after);
  if (changes.length === 0) return { ok: true, changes };
  if (!input.editorIsAdministrator)
    return { ok: false, changes, reasons: ['only an administrator may change the Checklists tab'] };
  if (changes.some((c) => c.row === 1))
    return { ok: false, changes, reasons: ["the header row is the add-on's: it cannot be changed"] };
  const touched = new Set(changes.map((c) => c.row));
  const { problems } = parseChecklists(input.after, input.categories);
  const reasons = problems.filter((p) => touched.has(Number(/row (\d+)/.exec(p)?.[1] ?? 0)));
  return reasons.length > 0 ? { ok: false, changes, reasons } : { ok: true, changes };
}
