/** Summary figures: counts by status, the duration KPIs, SLA, overdue, backlog and breakdowns. */
import { STATUSES, type Status, type WorkOrder } from '../model';
import { DEFINITIONS } from './definitions';
import { durationKpis } from './durations';
import type { OrderFacts } from './facts';
import { keyOf, sortKeys } from './keys';
import type { SkipNotes } from './notes';
import { ratio } from './stats';
import type { BreakdownRow, StatusGroupCount, SummaryData, ValueKpi } from './types';

const GROUPS: { label: string; statuses: readonly Status[] }[] = [
  { label: 'Open, not started', statuses: ['Submitted', 'Approved', 'Assigned'] },
  { label: 'In progress', statuses: ['In Progress', 'On Hold'] },
  { label: 'Completed, awaiting closure', statuses: ['Completed'] },
  { label: 'Closed', statuses: ['Closed'] },
  { label: 'Rejected or cancelled', statuses: ['Rejected', 'Cancelled'] },
];

export function computeSummary(facts: readonly OrderFacts[], notes: SkipNotes): SummaryData {
  const counts = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  let unknownStatus = 0;
  for (const f of facts) {
    if (f.status) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
    else unknownStatus++;
  }
  const groups: StatusGroupCount[] = GROUPS.map((g) => ({
    ...g,
    count: g.statuses.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0),
  }));
  return {
    statusCounts: STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    unknownStatus,
    groups,
    durations: durationKpis(facts, notes),
    values: valueKpis(facts),
    byCategory: breakdown(facts, (o) => o.category),
    byPriority: breakdown(facts, (o) => o.priority),
    byLocation: breakdown(facts, (o) => o.location),
  };
}

function valueKpis(facts: readonly OrderFacts[]): ValueKpi[] {
  let met = 0;
  let missed = 0;
  let noDue = 0;
  let overdue = 0;
  let backlog = 0;
  for (const f of facts) {
    if (f.sla === 'met') met++;
    else if (f.sla === 'missed') missed++;
    else if (f.sla === 'no due') noDue++;
    if (f.overdue) overdue++;
    if (f.open) backlog++;
  }
  const kpi = (
    key: ValueKpi['key'],
    label: string,
    value: number | null,
    unit: ValueKpi['unit'] = 'count',
  ) => ({
    key,
    label,
    value,
    unit,
    definition: DEFINITIONS[key],
  });
  return [
    kpi('slaCompliance', 'SLA compliance', ratio(met, met + missed), 'ratio'),
    kpi('slaMet', 'Completed on time', met),
    kpi('slaMissed', 'Completed late', missed),
    kpi('slaNoDue', 'Completed without a due date', noDue),
    kpi('overdue', 'Overdue', overdue),
    kpi('backlog', 'Backlog (open work orders)', backlog),
    kpi('total', 'Work orders in the register', facts.length),
  ];
}

function breakdown(facts: readonly OrderFacts[], pick: (o: WorkOrder) => unknown): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const f of facts) {
    const key = keyOf(pick(f.order));
    let row = rows.get(key);
    if (!row) {
      row = { key, total: 0, open: 0, overdue: 0, done: 0, slaMet: 0, slaMissed: 0, slaCompliance: null };
      rows.set(key, row);
    }
    row.total++;
    if (f.open) row.open++;
    if (f.overdue) row.overdue++;
    if (f.done) row.done++;
    if (f.sla === 'met') row.slaMet++;
    if (f.sla === 'missed') row.slaMissed++;
  }
  return sortKeys(rows.keys()).map((key) => {
    const row = rows.get(key) as BreakdownRow;
    row.slaCompliance = ratio(row.slaMet, row.slaMet + row.slaMissed);
    return row;
  });
}
