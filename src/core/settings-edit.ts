/**
 * Judging a hand edit of the Staff or Settings tab, pure: the tab as last accepted (the add-on's own
 * copy, never the edited sheet nor a cache an edit can drop) against the tab as it is now. Every
 * changed cell is found by comparing the two, so a single cell, a multi-cell paste, a multi-cell
 * Delete and the same cell typed twice are judged alike. An edit is accepted whole or refused whole.
 */
import { cellText, mapHeaders } from './headers';
import type { StaffMember } from './model';
import { roleMay } from './permissions';
import { COMPLETE_UNITS } from './settings-model';
import { SETTINGS_COLUMNS, SETTINGS_HEADER_ROW, parseSettings } from './settings';
import { ROLES } from './model';
import { STAFF_HEADER_ROW, administratorEmails, parseStaff } from './staff';
import { ratesFrom } from './labour-rates';
import { asCellText } from './sanitize';

export type Grid = readonly (readonly unknown[])[];

export interface ChangedCell {
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  before: unknown;
  after: unknown;
}

export type ReferenceTab = 'Staff' | 'Settings';

export type EditJudgement =
  { ok: true; changes: ChangedCell[] } | { ok: false; changes: ChangedCell[]; reasons: string[] };

const same = (a: unknown, b: unknown): boolean => cellText(a) === cellText(b);

/** Every cell whose text differs between the two grids (rows and columns beyond either count as empty). */
export function changedCells(before: Grid, after: Grid): ChangedCell[] {
  const rows = Math.max(before.length, after.length);
  const changes: ChangedCell[] = [];
  for (let r = 0; r < rows; r++) {
    const b = before[r] ?? [];
    const a = after[r] ?? [];
    const columns = Math.max(b.length, a.length);
    for (let c = 0; c < columns; c++) {
      const was = b[c] ?? '';
      const now = a[c] ?? '';
      if (!same(was, now)) changes.push({ row: r + 1, column: c + 1, before: was, after: now });
    }
  }
  return changes;
}

/** A rectangle of cells to write, its values and notes, from 1-based `row` and `column`. */
export interface CellBlock {
  row: number;
  column: number;
  values: unknown[][];
  notes: string[][];
}

/** How the note on a cell an edit trigger put back begins (every tab it judges words it alike). */
export const PUT_BACK_NOTE = 'Work Orders put this back';

/**
 * What puts a refused edit back in one write: the bounding box of the changed cells, each changed cell
 * with its value in `before` and `note`, every other cell as it is in `current` with no note. Text is
 * written as literal text, so Sheets keeps exactly the old value (text never becomes a formula).
 */
export function putBackBlock(
  before: Grid,
  current: Grid,
  changes: readonly ChangedCell[],
  note: string,
): CellBlock {
  const rows = changes.map((c) => c.row);
  const columns = changes.map((c) => c.column);
  const [top, bottom] = [Math.min(...rows), Math.max(...rows)];
  const [left, right] = [Math.min(...columns), Math.max(...columns)];
  const changed = new Set(changes.map((c) => `${c.row}:${c.column}`));
  const values: unknown[][] = [];
  const notes: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const valueRow: unknown[] = [];
    const noteRow: string[] = [];
    for (let c = left; c <= right; c++) {
      const was = changed.has(`${r}:${c}`);
      const value = (was ? before : current)[r - 1]?.[c - 1] ?? '';
      valueRow.push(typeof value === 'string' ? asCellText(value).cell : value);
      noteRow.push(was ? note : '');
    }
    values.push(valueRow);
    notes.push(noteRow);
  }
  return { row: top, column: left, values, notes };
}

/** What each Staff column accepts, for the note on a refused cell. */
export const STAFF_ACCEPTED =
  `Accepted: Email a valid address, Role one of ${ROLES.join(', ')}, Active TRUE or FALSE (empty counts as TRUE), ` +
  'Hourly Rate a number of 0 or more or empty, each email once, and at least one active Administrator.';

/** What each setting accepts (the Settings tab's scalar values), for the note on a refused cell. */
export const SETTINGS_ACCEPTED =
  'Accepted: Respond Within (h) and Complete Within numbers of 0 or more (Complete Within whole unless in hours), ' +
  `Complete Unit one of ${COMPLETE_UNITS.join(', ')}; retentionDays a whole number of days from 1 to 36500; ` +
  'digestHour a whole hour from 0 to 23; reminderHoursBeforeDue and escalateAfterOverdueHours hours of 0 or more; ' +
  'the notify and dailyDigest switches TRUE or FALSE; organizationName 1 to 200 characters; ' +
  'workingDays weekday names or ranges (Mon-Fri), workingHours HH:MM-HH:MM with the start first (08:00-17:00), ' +
  'holidays YYYY-MM-DD dates separated by commas (or empty); weeklyKpiSummary TRUE or FALSE; ' +
  'replyTo an email address (or empty); defaultHourlyRate, crewHoursPerWeek and estimatedHoursPerOrder numbers of 0 or more.';

/**
 * A problem as reading the tab words it says what is used instead ("the default (730) is used", "the
 * second is ignored", "Staff row 4 is ignored", "unknown setting … is ignored", "using the defaults").
 * An edit refused is put back whole, so the value before it stays in use and those words would be false
 * in the put-back note and toast: they are cut off.
 */
export function asPutBackReason(problem: string): string {
  return problem
    .replace(/^(Staff row \d+) is ignored: /, '$1: ')
    .replace(/^(Settings row \d+: unknown setting ".*") is ignored$/, '$1')
    .replace(/: (?:the default\b.* is used|using the default\b.*)$/, '')
    .replace(
      /; (?:the default\b.* is used|no response target is used|the second(?: row)? is ignored|priority .+ is ignored)$/,
      '',
    );
}

/** Problems the edit introduced: new ones, or ones about an edited row. */
function newProblems(
  before: readonly string[],
  after: readonly string[],
  rows: ReadonlySet<number>,
): string[] {
  const old = new Set(before);
  return after.filter((p) => {
    const row = /row (\d+)/i.exec(p);
    return !old.has(p) || (row !== null && rows.has(Number(row[1])));
  });
}

function headerChanged(changes: readonly ChangedCell[], header: readonly string[], after: Grid): boolean {
  if (!changes.some((c) => c.row === 1)) return false;
  const row = (after[0] ?? []).map(cellText);
  return header.some((h, i) => row[i] !== h);
}

/**
 * A row still being typed in, one cell at a time, is not an invalid one: a Staff row without its
 * email or role yet grants nothing (it is ignored until complete), nor does a priority without its
 * name, unit or target yet. Only values actually written are judged.
 */
function incompleteStaffRows(after: Grid, rows: ReadonlySet<number>): Set<number> {
  const header = (after[0] ?? []).map((h) => cellText(h).trim().toLowerCase());
  const email = header.indexOf('email');
  const role = header.indexOf('role');
  const out = new Set<number>();
  for (const row of rows) {
    const cells = after[row - 1] ?? [];
    const blank = (i: number): boolean => i >= 0 && cellText(cells[i]).trim() === '';
    if (blank(email) || blank(role)) out.add(row);
  }
  return out;
}

const INCOMPLETE_SETTING =
  /Complete Unit "" is not|Complete Within "" is not|SLA targets without a Priority name/;

/**
 * Whether the Settings row held a whole priority before the edit (a name, Complete Within and Complete
 * Unit). Emptying a cell of such a row is not a row still being typed: it would quietly put the
 * priority on its default target (or drop a priority of the organization's own), so it is judged.
 */
function wholePriorityBefore(before: Grid, row: number): boolean {
  const layout = mapHeaders(before[0] ?? [], SETTINGS_COLUMNS).indexOf;
  const cells = before[row - 1] ?? [];
  const filled = (i: number): boolean => i >= 0 && cellText(cells[i]).trim() !== '';
  return filled(layout.priority) && filled(layout.completeWithin) && filled(layout.completeUnit);
}

/**
 * A problem of a row still being typed in, which the edit is not refused for. A priority's name
 * cleared over its targets is a priority taken off (the names-in-use check tells of orders using it).
 */
function stillTyping(problem: string, before: Grid): boolean {
  if (!INCOMPLETE_SETTING.test(problem)) return false;
  if (/SLA targets without a Priority name/.test(problem)) return true;
  const row = /^Settings row (\d+)/.exec(problem);
  return !(row && wholePriorityBefore(before, Number(row[1])));
}

export interface StaffEditInput {
  before: Grid;
  after: Grid;
  /** The person who edited, lower-cased. */
  editor: string;
  /**
   * Who may edit, whatever `before` says (core/unkept-copy.ts trustedEditors: the installation owner
   * and the administrators on rows whose rights the edit did not write); given, the workbook is never
   * taken to have no administrator, so never open to anyone.
   */
  trusted?: readonly string[];
}

/**
 * A Staff edit: only by an administrator of the tab as last accepted (anyone while it has none), every
 * edited row valid, never leaving the workbook without an active administrator.
 */
export function judgeStaffEdit({ before, after, editor, trusted }: StaffEditInput): EditJudgement & {
  staff: StaffMember[];
} {
  const changes = changedCells(before, after);
  const was = parseStaff(before);
  const now = parseStaff(after);
  const reasons: string[] = [];
  const admins = administratorEmails(was.staff);
  const editorRole = was.staff.find((m) => m.active && m.email === editor)?.role ?? null;
  const mayEdit = trusted
    ? trusted.includes(editor)
    : admins.length === 0 || roleMay(editorRole, 'administer');
  if (!mayEdit)
    reasons.push(
      trusted
        ? `Only an administrator changes the Staff tab, by a row of theirs this edit did not write (${editor || 'an unknown user'} is not one): an administrator's own Email, Role or Active is changed by another administrator or the installation owner`
        : `Only an administrator changes the Staff tab (${editor || 'an unknown user'} is not one)`,
    );
  if (headerChanged(changes, STAFF_HEADER_ROW, after))
    reasons.push(`Row 1 must stay ${STAFF_HEADER_ROW.join(' | ')}: the add-on finds the columns by it`);
  const rows = new Set(changes.map((c) => c.row));
  const incomplete = incompleteStaffRows(after, rows);
  reasons.push(
    ...newProblems(was.problems, now.problems, rows)
      .filter((p) => {
        const row = /Staff row (\d+)/.exec(p);
        return !/No active Supervisor/.test(p) && !(row && incomplete.has(Number(row[1])));
      })
      .map(asPutBackReason),
  );
  // The optional Hourly Rate column (labour cost): a number of 0 or more, or empty.
  const rate = (grid: Grid): string[] =>
    ratesFrom(grid, 0).problems.map((p) => p.replace(/; the default rate is used$/, ''));
  reasons.push(...newProblems(rate(before), rate(after), rows));
  if ((trusted || admins.length > 0) && administratorEmails(now.staff).length === 0)
    reasons.push(
      'This would leave no active Administrator: at least one must remain to run setup and change Staff',
    );
  if (changes.length === 0) return { ok: true, changes, staff: was.staff };
  return reasons.length > 0
    ? { ok: false, changes, reasons, staff: was.staff }
    : { ok: true, changes, staff: now.staff };
}

export interface SettingsEditInput {
  before: Grid;
  after: Grid;
  /** Administrators per the Staff tab as last accepted. */
  administrators: readonly string[];
  editor: string;
  /** As for Staff: with no accepted copy, who may edit (never anyone for want of administrators). */
  trusted?: readonly string[];
}

/** A Settings edit: only by an administrator, every edited row valid (no value falls back to a default). */
export function judgeSettingsEdit({
  before,
  after,
  administrators,
  editor,
  trusted,
}: SettingsEditInput): EditJudgement {
  const changes = changedCells(before, after);
  if (changes.length === 0) return { ok: true, changes };
  const reasons: string[] = [];
  const mayEdit = trusted
    ? trusted.includes(editor)
    : administrators.length === 0 || administrators.includes(editor);
  if (!mayEdit)
    reasons.push(
      `Only an administrator changes the Settings tab (${editor || 'an unknown user'} is not one)`,
    );
  if (headerChanged(changes, SETTINGS_HEADER_ROW, after))
    reasons.push(`Row 1 must stay ${SETTINGS_HEADER_ROW.join(' | ')}: the add-on finds the tables by it`);
  const rows = new Set(changes.map((c) => c.row));
  reasons.push(
    ...newProblems(parseSettings(before).problems, parseSettings(after).problems, rows)
      .filter((p) => !stillTyping(p, before))
      .map(asPutBackReason),
  );
  return reasons.length > 0 ? { ok: false, changes, reasons } : { ok: true, changes };
}
