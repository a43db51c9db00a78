/**
 * The update form's checklist, hours and parts answers as record requests, validated with the same
 * schema as My work's: "Checklist items done" one item per line (its number, or its text), "Hours
 * worked today" a number, "Parts used" one "part; quantity; unit cost" per line. Any line that is not
 * right refuses the whole answer, naming the line.
 */
import type { OrderChecklistItem } from '../../../core/checklist-items';
import { formatLocalDate } from '../../../core/time';
import { describeMyWorkIssues } from '../../../shared/my-work';
import { WorkRecordRequestSchema, type WorkRecordRequest } from '../../../shared/work-records-schema';

/**
 * A number as people write one in a form: digits with one decimal point or comma ("1,5", "1.25",
 * ".5"). JavaScript's Number() would also read "0x10" as 16, "1e1" as 10 and "0b11" as 3, and record
 * that instead of asking; anything else is NaN, which the shared rules refuse as not a number.
 */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
function formNumber(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\[\s\]/.test(l));

function checklistLine(line: string, items: readonly OrderChecklistItem[]): OrderChecklistItem | null {
  const text = line.replace(/^\[[xX✓]\]\s*|^[-*•]\s*/, '').trim();
  const numbered = /^(\d+)\s*[.)]?\s*(.*)$/.exec(text);
  if (numbered) {
    const item = items.find((i) => i.number === Number(numbered[1]));
    const rest = (numbered[2] ?? '').trim().toLowerCase();
    return item && (rest === '' || rest === item.item.trim().toLowerCase()) ? item : null;
  }
  return items.find((i) => i.item.trim().toLowerCase() === text.toLowerCase()) ?? null;
}

export function formRecords(
  answers: { checklist: string; hours: string; parts: string },
  id: string,
  checklist: readonly OrderChecklistItem[],
  now: Date,
  timeZone: string,
): WorkRecordRequest[] | { problem: string } {
  const out: WorkRecordRequest[] = [];
  const add = (candidate: unknown, where: string): string | null => {
    const parsed = WorkRecordRequestSchema.safeParse(candidate);
    if (!parsed.success) return `${where}: ${describeMyWorkIssues(parsed.error)}`;
    out.push(parsed.data);
    return null;
  };
  for (const line of lines(answers.checklist)) {
    const item = checklistLine(line, checklist);
    if (!item) {
      const known =
        checklist.map((i) => `${i.number}. ${i.item}`).join('; ') || 'this order has no checklist';
      return {
        problem: `"Checklist items done": "${line}" is not an item of this order's checklist (${known}).`,
      };
    }
    const problem = add(
      { kind: 'tick', id, number: item.number, item: item.item, done: true },
      'Checklist items done',
    );
    if (problem) return { problem };
  }
  if (answers.hours !== '') {
    const hours = formNumber(answers.hours);
    const date = formatLocalDate(now, timeZone);
    const problem = add({ kind: 'time', id, date, hours }, '"Hours worked today"');
    if (problem) return { problem };
  }
  for (const [n, line] of lines(answers.parts).entries()) {
    const fields = line.split(';').map((f) => f.trim());
    if (fields.length !== 3)
      return {
        problem: `"Parts used" line ${n + 1}: write "part; quantity; unit cost", e.g. "Fuse 10A; 2; 1.20".`,
      };
    const [part, quantity, unitCost] = fields as [string, string, string];
    const problem = add(
      { kind: 'part', id, part, quantity: formNumber(quantity), unitCost: formNumber(unitCost) },
      `"Parts used" line ${n + 1}`,
    );
    if (problem) return { problem };
  }
  return out;
}
