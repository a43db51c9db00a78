/**
 * The register's colours, as data: which conditional format rules setup keeps on the register, found by
 * header wherever the columns are. Overdue (a due date passed while the SLA clock runs) turns Due red;
 * the status colours Status; the most urgent priorities colour Priority while the order is open.
 *
 * Every rule is a custom formula carrying the mark `N("Work Orders")=0` (N of a text is 0: the usual
 * way to comment a Sheets formula). The mark is how setup recognises its own rules among the
 * spreadsheet's: it replaces those on every run and keeps every other rule, the ones people added.
 */
import type { RegisterLayout } from './columns';
import { FINAL_STATUSES, OPEN_STATUSES, type Status, type WorkOrderField } from './model';
import { SLA_CLOCK_STATUSES } from './sla';
import { columnLetter } from './a1';

export const RULE_MARK = 'N("Work Orders")=0';

export interface RegisterColourRule {
  /** The column the rule colours. */
  field: WorkOrderField;
  /** A custom formula for the rule's first row (row 2), relative to that row. */
  formula: string;
  background: string;
  fontColor: string | null;
  bold: boolean;
}

/** One colour per status, light enough to read black text on; final statuses greyed. */
const STATUS_COLOURS: Readonly<Record<Status, string>> = {
  Submitted: '#cfe2f3',
  Approved: '#d0e0e3',
  Assigned: '#fff2cc',
  'In Progress': '#fce5cd',
  'On Hold': '#ead1dc',
  Completed: '#d9ead3',
  Closed: '#efefef',
  Rejected: '#efefef',
  Cancelled: '#efefef',
};

/** The first priorities of Settings (most urgent first) and their colours; the rest stay plain. */
const PRIORITY_COLOURS = ['#f4cccc', '#fce5cd', '#fff2cc'] as const;

const OVERDUE = { background: '#f4cccc', fontColor: '#990000' } as const;

/** "A", "B", … "AA" for a 0-based column index. */
export const columnLetters = (index: number): string => columnLetter(index + 1);

/** A Sheets string literal: inner double quotes doubled, so no value can end the string early. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function anyOf(cell: string, values: readonly string[]): string {
  return `OR(${values.map((v) => `${cell}=${literal(v)}`).join(',')})`;
}

/**
 * The rules for a register laid out as `layout`, with `priorities` as Settings lists them (most
 * urgent first). A column the register lacks gets no rule.
 */
export function registerColourRules(
  layout: RegisterLayout,
  priorities: readonly string[],
): RegisterColourRule[] {
  const cell = (field: WorkOrderField): string | null => {
    const index = layout.indexOf[field];
    return index < 0 ? null : `$${columnLetters(index)}2`;
  };
  const status = cell('status');
  const due = cell('due');
  const priority = cell('priority');
  const rules: RegisterColourRule[] = [];
  const mark = (condition: string): string => `=AND(${condition},${RULE_MARK})`;
  if (status && due) {
    rules.push({
      field: 'due',
      formula: mark(`ISNUMBER(${due}),${due}<NOW(),${anyOf(status, SLA_CLOCK_STATUSES)}`),
      ...OVERDUE,
      bold: true,
    });
  }
  if (status) {
    for (const [name, background] of Object.entries(STATUS_COLOURS)) {
      const final = (FINAL_STATUSES as readonly string[]).includes(name);
      rules.push({
        field: 'status',
        formula: mark(`${status}=${literal(name)}`),
        background,
        fontColor: final ? '#666666' : null,
        bold: false,
      });
    }
  }
  if (priority) {
    priorities.slice(0, PRIORITY_COLOURS.length).forEach((name, i) => {
      const open = status ? `,${anyOf(status, OPEN_STATUSES)}` : '';
      rules.push({
        field: 'priority',
        formula: mark(`${priority}=${literal(name)}${open}`),
        background: PRIORITY_COLOURS[i] ?? PRIORITY_COLOURS[0],
        fontColor: null,
        bold: i === 0,
      });
    });
  }
  return rules;
}

/** True for a formula setup wrote (it carries the mark). */
export function isRegisterColourFormula(formula: string): boolean {
  return formula.includes(RULE_MARK);
}
