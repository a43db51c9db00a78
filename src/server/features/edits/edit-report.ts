/**
 * What a register edit says about itself: the note on each cell put back, the change log's lines
 * (accepted changes, hold releases, refusals) and the toast for the person who edited.
 */
import { formatLocal } from '../../../core/time';
import { formatFieldValue } from '../../../core/field-changes';
import { holdReleaseReasons } from '../../../core/sla';
import { UNKNOWN_OLD_TEXT } from '../../../core/register-history';
import { REGISTER_COLUMNS, type WorkOrderField } from '../../../core/model';
import type { UnhashedEntry } from '../../../core/audit';
import { NOT_KEPT, type RowVerdict } from './judge';

const SOURCE = 'sheet edit' as const;

export function noteMaker(actor: string, now: Date, timeZone: string): (reason: string) => string {
  // One time for every note of the edit (a 50-row paste may write 150): formatted once.
  const head = `Work Orders put this cell back (${actor ? `${actor}, ` : ''}${formatLocal(now, timeZone)}): `;
  return (reason) => `${head}${reason}.`;
}

export function logEntries(
  verdicts: readonly RowVerdict[],
  top: number,
  user: string,
  now: Date,
): UnhashedEntry[] {
  const entries: UnhashedEntry[] = [];
  const entry = (recordId: string, field: string, oldValue: string, newValue: string): void => {
    entries.push({ at: now, user, source: SOURCE, recordId, field, oldValue, newValue });
  };
  verdicts.forEach((v, i) => {
    const rowLabel = `Row ${top + i}`;
    if (v.kind === 'unchecked') {
      entry(v.id || rowLabel, 'Row (not checked)', '', v.reason);
      return;
    }
    if (v.kind === 'stray') {
      for (const r of v.refused)
        entry(rowLabel, `${label(r.field)} (refused)`, '', `${r.typed} [${r.reason}]`);
      return;
    }
    for (const c of v.changes) {
      const old = v.unknownOld.has(c.field) ? UNKNOWN_OLD_TEXT : formatFieldValue(c.oldValue);
      entry(v.next.id, REGISTER_COLUMNS[c.field], old, formatFieldValue(c.newValue));
    }
    for (const line of holdReleaseReasons(v.before, v.next))
      entry(v.next.id, line.field, line.oldValue, line.newValue);
    for (const r of v.refused) {
      const kept = r.field === 'state' ? '' : formatFieldValue(v.before[r.field]);
      const outcome = r.restored ? r.reason : `${r.reason}. ${NOT_KEPT}`;
      entry(v.next.id, `${label(r.field)} (refused)`, kept, `${r.typed} [${outcome}]`);
    }
  });
  return entries;
}

function label(field: WorkOrderField | 'state'): string {
  return field === 'state' ? 'Last Known State' : REGISTER_COLUMNS[field];
}

export function toastFor(verdicts: readonly RowVerdict[]): string | null {
  const reasons: string[] = [];
  let refused = 0;
  for (const v of verdicts) {
    if (v.kind === 'unchecked') reasons.push(v.reason);
    else {
      refused += v.refused.length;
      reasons.push(...v.refused.map((r) => `${label(r.field)}: ${r.reason}`));
    }
  }
  if (reasons.length === 0) return null;
  const first = reasons[0] as string;
  if (reasons.length === 1) return refused === 1 ? `Change undone. ${first}.` : `${first}.`;
  const rest = refused > 0 ? `${refused} change(s) were undone; the notes on those cells say why.` : '';
  return `${rest} ${first}${reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''}.`.trim();
}
