/**
 * Judging a hand edit of a catalog tab (Assets, Schedules), pure. Unlike Staff and Settings, which
 * decide who may do what and are accepted or refused whole, a catalog is judged row by row: each
 * edited row that is complete and invalid is refused (its edited cells put back, with a note saying
 * what is wrong and what is accepted), while the valid rows of the same paste stand. A row still being
 * typed (no id yet) is neither: it is ignored by the add-on until complete.
 */
import { cellText, normalizeHeader } from './headers';
import type { RowProblem } from './catalog-rows';

export type Grid = readonly (readonly unknown[])[];

export interface CatalogEditInput {
  tab: string;
  /** The header row the add-on writes (and finds its columns by). */
  headerRow: readonly string[];
  /** The tab as it is now (row 1 the header). */
  after: Grid;
  /** First and last sheet rows the edit touched. */
  rows: readonly [number, number];
  /** What the tab's parser says about every row now. */
  problems: readonly RowProblem[];
  editorIsAdministrator: boolean;
  editor: string;
}

export interface CatalogJudgement {
  /** Reasons the whole edit is refused (not an administrator, header renamed); empty when it is not. */
  wholeReasons: string[];
  /** Refused rows (1-based) with what is wrong in each. */
  refusedRows: Map<number, string>;
}

export function judgeCatalogEdit(input: CatalogEditInput): CatalogJudgement {
  const wholeReasons: string[] = [];
  if (!input.editorIsAdministrator)
    wholeReasons.push(
      `Only an administrator changes the ${input.tab} tab (${input.editor || 'an unknown user'} is not one)`,
    );
  const [first, last] = input.rows;
  if (first === 1) {
    const header = (input.after[0] ?? []).map((h) => normalizeHeader(cellText(h)));
    const lost = input.headerRow.filter((h) => !header.includes(normalizeHeader(h)));
    if (lost.length > 0)
      wholeReasons.push(
        `Row 1 must keep the headers ${input.headerRow.join(' | ')}: the add-on finds the columns by them`,
      );
  }
  const refusedRows = new Map<number, string>();
  for (const p of input.problems) {
    if (p.row >= Math.max(first, 2) && p.row <= last) {
      const earlier = refusedRows.get(p.row);
      const message = asCatalogPutBackReason(input.tab, p.message);
      refusedRows.set(p.row, earlier ? `${earlier}; ${message}` : message);
    }
  }
  return { wholeReasons, refusedRows };
}

/**
 * A row problem as reading the tab words it ("Assets row 4 is ignored: …"): true of a bad row written
 * past the edit trigger, which the add-on skips, but false of a refused edit, whose cells are put back
 * to what they held before (in use as they were). The put-back note, toast and log line say only what
 * was wrong with the row.
 */
export function asCatalogPutBackReason(tab: string, message: string): string {
  const opening = /^(\S+ row \d+) is ignored: /.exec(message);
  return opening && opening[1]?.startsWith(`${tab} row `)
    ? `${opening[1]}: ${message.slice(opening[0].length)}`
    : message;
}
