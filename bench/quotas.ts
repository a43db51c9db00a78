/**
 * Daily quotas for a team of ten at the largest register measured: 100 requests, 1,000 technician
 * edits and 24 hourly runs a day, plus a supervisor approving the 100 requests from the sidebar.
 * Computed from the measured per-operation figures (trigger-execution estimates, properties round
 * trips, email recipients) against Google's quotas [QUO] (bench/cost-model.ts). Quotas are per user:
 * installable triggers run as the person who installed them, so the requests, edits and hourly runs
 * count against the installer's account; an approval's emails and property calls against the
 * supervisor's.
 */
import type { BudgetCheck } from './budgets';
import { QUOTAS } from './cost-model';
import type { ResultRow } from './results';

/** Per day, by operation (the table's operation names). */
export const DAILY_LOAD: readonly {
  operation: string;
  perDay: number;
  account: 'installer' | 'supervisor';
}[] = [
  { operation: 'ingest one submission', perDay: 100, account: 'installer' },
  { operation: 'a technician edit', perDay: 1000, account: 'installer' },
  { operation: 'the hourly job', perDay: 24, account: 'installer' },
  { operation: 'approve and assign', perDay: 100, account: 'supervisor' },
];
/** At most this much of the consumer account's daily trigger runtime. */
export const TRIGGER_RUNTIME_BUDGET_MS = 30 * 60_000;

export interface DailyQuotas {
  size: number;
  missing: string[];
  triggerMs: number;
  propertyCalls: { installer: number; supervisor: number };
  recipients: { installer: number; supervisor: number };
}

export function dailyQuotas(rows: readonly ResultRow[]): DailyQuotas | null {
  const size = Math.max(0, ...rows.filter((r) => r.ok).map((r) => r.size));
  if (size === 0) return null;
  const out: DailyQuotas = {
    size,
    missing: [],
    triggerMs: 0,
    propertyCalls: { installer: 0, supervisor: 0 },
    recipients: { installer: 0, supervisor: 0 },
  };
  for (const load of DAILY_LOAD) {
    const row = rows.find((r) => r.size === size && r.operation === load.operation && r.ok);
    if (!row) {
      out.missing.push(load.operation);
      continue;
    }
    out.triggerMs += row.extra.triggerMs * load.perDay;
    out.propertyCalls[load.account] += row.extra.propertyCalls * load.perDay;
    out.recipients[load.account] += row.extra.recipients * load.perDay;
  }
  return out;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

export function describeQuotas(q: DailyQuotas): string[] {
  const load = DAILY_LOAD.map((l) => `${int(l.perDay)} × ${l.operation}`).join(', ');
  const lines = [
    `Daily quotas at ${int(q.size)} work orders (${load}; developers.google.com/apps-script/guides/services/quotas):`,
    `  trigger runtime: ${min(q.triggerMs)} a day of the installer's ${min(QUOTAS.triggerRuntimeMsPerDay.consumer)} (consumer) / ` +
      `${min(QUOTAS.triggerRuntimeMsPerDay.workspace)} (Workspace); budget ${min(TRIGGER_RUNTIME_BUDGET_MS)}`,
    `  properties reads and writes: installer ${int(q.propertyCalls.installer)} a day, supervisor ${int(q.propertyCalls.supervisor)}, ` +
      `of ${int(QUOTAS.propertyCallsPerDay.consumer)} (consumer) / ${int(QUOTAS.propertyCallsPerDay.workspace)} (Workspace) each`,
  ];
  for (const account of ['installer', 'supervisor'] as const) {
    const n = q.recipients[account];
    const verdict = (quota: number) => (n <= quota ? 'within' : 'OVER');
    lines.push(
      `  email recipients sent by the ${account}'s account: ${int(n)} a day — consumer 100/day: ${verdict(QUOTAS.recipientsPerDay.consumer)}, ` +
        `Workspace 1,500/day: ${verdict(QUOTAS.recipientsPerDay.workspace)}`,
    );
  }
  if (q.missing.length) lines.push(`  not measured at this size: ${q.missing.join(', ')} (counted as 0)`);
  return lines;
}

export function quotaChecks(q: DailyQuotas): BudgetCheck[] {
  return [
    {
      name: `trigger runtime a day ≤ ${min(TRIGGER_RUNTIME_BUDGET_MS)} (of the consumer account's 90)`,
      ok: q.triggerMs <= TRIGGER_RUNTIME_BUDGET_MS && q.missing.length === 0,
      detail: `${min(q.triggerMs)} at ${int(q.size)} work orders${q.missing.length ? `; missing ${q.missing.join(', ')}` : ''}`,
    },
    {
      name: `properties calls a day within the consumer quota (${int(QUOTAS.propertyCallsPerDay.consumer)} per account)`,
      ok:
        Math.max(q.propertyCalls.installer, q.propertyCalls.supervisor) <=
        QUOTAS.propertyCallsPerDay.consumer,
      detail: `installer ${int(q.propertyCalls.installer)}, supervisor ${int(q.propertyCalls.supervisor)}`,
    },
  ];
}
