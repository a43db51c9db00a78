/**
 * The priority table of the Settings tab (Priority | Respond Within (h) | Complete Within | Complete
 * Unit): each row read leniently, a bad one falling back to the default rule of the same name.
 */
import * as z from './validator';
import { NumberCell } from './cells';
import { COMPLETE_UNITS, DEFAULT_PRIORITIES, type CompleteUnit, type PriorityRule } from './settings-model';

/** A non-negative number typed in a cell. */
const Hours = z.lazySchema(() => z.pipe(NumberCell, z.number().check(z.nonnegative())));

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

const UNIT_ALIASES: Record<string, CompleteUnit> = {
  'end of day': 'end of day',
  'end of the day': 'end of day',
  hour: 'hours',
  hours: 'hours',
  'business day': 'business days',
  'business days': 'business days',
  'working days': 'business days',
  'business hour': 'business hours',
  'business hours': 'business hours',
  'working hours': 'business hours',
  day: 'days',
  days: 'days',
};

/** Reads one Settings column of a row. */
export type PriorityCellReader = (
  cells: readonly unknown[],
  key: 'respondWithin' | 'completeWithin' | 'completeUnit',
) => unknown;

export function parsePriorities(
  cells: Array<{ row: number; value: unknown; cells: readonly unknown[] }>,
  at: PriorityCellReader,
  problems: string[],
): PriorityRule[] {
  const out: PriorityRule[] = [];
  for (const { row, value, cells: rowCells } of cells) {
    const name = str(value);
    const where = `Settings row ${row}`;
    if (name === '') {
      const stray = (['respondWithin', 'completeWithin', 'completeUnit'] as const).some(
        (k) => str(at(rowCells, k)) !== '',
      );
      if (stray) problems.push(`${where}: SLA targets without a Priority name are ignored`);
      continue;
    }
    if (out.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      problems.push(`${where}: Priority "${name}" is listed twice; the second is ignored`);
      continue;
    }
    const fallback = DEFAULT_PRIORITIES.find((p) => p.name.toLowerCase() === name.toLowerCase());
    const rule = parsePriorityRow(name, rowCells, at, fallback, (p) => problems.push(`${where}: ${p}`));
    if (rule) out.push(rule);
  }
  return out;
}

function parsePriorityRow(
  name: string,
  cells: readonly unknown[],
  at: PriorityCellReader,
  fallback: PriorityRule | undefined,
  problem: (p: string) => void,
): PriorityRule | null {
  let respondHours: number | null = null;
  const respondRaw = at(cells, 'respondWithin');
  if (str(respondRaw) !== '') {
    const parsed = Hours.safeParse(respondRaw);
    if (parsed.success) respondHours = parsed.data;
    else {
      respondHours = fallback?.respondHours ?? null;
      problem(
        `Respond Within (h) "${str(respondRaw)}" for ${name} is not a number of hours; ` +
          (respondHours === null ? 'no response target is used' : `the default (${respondHours}) is used`),
      );
    }
  }
  const unitText = str(at(cells, 'completeUnit')).toLowerCase().replace(/\s+/g, ' ');
  const unit = UNIT_ALIASES[unitText];
  const within = Hours.safeParse(at(cells, 'completeWithin'));
  const withinOk = within.success && (unit === 'hours' || Number.isInteger(within.data));
  if (unit && withinOk) return { name, respondHours, completeWithin: within.data, completeUnit: unit };
  const what = !unit
    ? `Complete Unit "${unitText}" is not one of ${COMPLETE_UNITS.join(', ')}`
    : `Complete Within "${str(at(cells, 'completeWithin'))}" is not a whole, non-negative number`;
  if (fallback) {
    problem(`${what}; the default target for ${name} is used`);
    return { ...fallback, name, respondHours };
  }
  problem(`${what}; priority ${name} is ignored`);
  return null;
}
