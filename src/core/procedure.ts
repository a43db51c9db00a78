/**
 * The Procedure tab: the organization's living SOP (./procedure-text), a "Status rules" section generated
 * from the lifecycle table itself (so the document cannot drift from what the add-on enforces), and the
 * revision history table `Version | Date | Description | Author`.
 */
import { normalizeHeader } from './headers';
import { LIFECYCLE } from './lifecycle-table';
import { OPEN_STATUSES, REGISTER_COLUMNS } from './model';
import {
  PROCEDURE_TITLE,
  PURPOSE,
  RESPONSIBILITIES,
  procedureSteps,
  scopeText,
  type ProcedureParams,
} from './procedure-text';
import { asCellText } from './sanitize';

export * from './procedure-text';

export const REVISION_HEADERS = ['Version', 'Date', 'Description', 'Author'] as const;
export const PROCEDURE_WIDTH = 4;

export interface Revision {
  version: string;
  /** "YYYY-MM-DD" in the spreadsheet's zone. */
  date: string;
  description: string;
  author: string;
}

const WHO: Record<string, string> = { supervisor: 'supervisor', assignee: 'assignee' };
const NOTIFIED: Record<string, string> = {
  requestor: 'requestor',
  assignee: 'assignee',
  previousAssignee: 'previous assignee',
  supervisors: 'supervisors',
};

/** One row per lifecycle transition: Change | Who | Required | Notified. */
export function statusRuleRows(): string[][] {
  return LIFECYCLE.map((t) => {
    const from = t.from.length === OPEN_STATUSES.length ? 'Any open status' : t.from.join(' / ');
    return [
      `${from} → ${t.to} (${t.action})`,
      t.actors.map((a) => WHO[a] ?? a).join(' or '),
      t.required.map((f) => REGISTER_COLUMNS[f]).join(', ') || '—',
      t.notify.map((n) => NOTIFIED[n] ?? n).join(', ') || '—',
    ];
  });
}

function pad(cells: readonly string[]): string[] {
  const row = cells.map((c) => asCellText(c).cell);
  while (row.length < PROCEDURE_WIDTH) row.push('');
  return row;
}

export function revisionRow(r: Revision): string[] {
  return pad([r.version, r.date, r.description, r.author]);
}

/** The whole tab, PROCEDURE_WIDTH columns wide, ending with the revision history table. */
export function procedureSheetRows(params: ProcedureParams & { revisions: readonly Revision[] }): string[][] {
  const rows: string[][] = [];
  const blank = (): void => void rows.push(pad([]));
  const heading = (text: string): void => void rows.push(pad([text]));
  heading(PROCEDURE_TITLE);
  heading(params.organizationName);
  blank();
  heading('1. Purpose');
  rows.push(pad([PURPOSE]));
  blank();
  heading('2. Scope');
  rows.push(pad([scopeText(params)]));
  blank();
  heading('3. Responsibilities');
  rows.push(pad(['Role', 'Responsibility', 'Where they work']));
  for (const r of RESPONSIBILITIES) rows.push(pad(r));
  blank();
  heading('4–8. Procedure');
  rows.push(pad(['Step', 'What the procedure requires', 'How this workbook does it', 'Who']));
  for (const s of procedureSteps(params)) rows.push(pad(s));
  blank();
  heading('Status rules (enforced by the add-on)');
  rows.push(pad(['Change', 'Who may do it', 'Required', 'Notified']));
  for (const r of statusRuleRows()) rows.push(pad(r));
  blank();
  heading('Revision history');
  rows.push(pad([...REVISION_HEADERS]));
  for (const r of params.revisions) rows.push(revisionRow(r));
  return rows;
}

/**
 * Locates the revision table in the tab's values: the header row (0-based index) and its data rows,
 * which run until the first blank row. null when the header is not found.
 */
export function findRevisionTable(
  values: readonly (readonly unknown[])[],
): { headerIndex: number; rows: unknown[][] } | null {
  const wanted = REVISION_HEADERS.map((h) => normalizeHeader(h));
  const headerIndex = values.findIndex((row) => wanted.every((h, i) => normalizeHeader(row[i]) === h));
  if (headerIndex < 0) return null;
  const rows: unknown[][] = [];
  for (const row of values.slice(headerIndex + 1)) {
    if (row.every((v) => v === '' || v === null || v === undefined)) break;
    rows.push([...row]);
  }
  return { headerIndex, rows };
}

/** "1.2" / 1.2 / "v2" → [major, minor]; null when unreadable. Numbers are read as typed (1 → 1.0). */
function parseVersion(value: unknown): [number, number] | null {
  const text =
    typeof value === 'number'
      ? Number.isInteger(value)
        ? `${value}.0`
        : String(value)
      : String(value ?? '');
  const m = /^\s*v?(\d+)(?:\.(\d+))?\s*$/i.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

/**
 * The version after the highest one in the revision table's rows (Version in the first column; a
 * header row among them is skipped): minor "1.3" → "1.4", major "1.3" → "2.0"; "1.0" for an empty table.
 */
export function nextRevision(
  rows: readonly (readonly unknown[])[],
  kind: 'minor' | 'major' = 'minor',
): string {
  let best: [number, number] | null = null;
  for (const row of rows) {
    const v = parseVersion(row[0]);
    if (v && (!best || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1]))) best = v;
  }
  if (!best) return '1.0';
  return kind === 'major' ? `${best[0] + 1}.0` : `${best[0]}.${best[1] + 1}`;
}
