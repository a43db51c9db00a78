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
import { HOURLY_DAY } from './external';
import type { ResultRow } from './results';

/** Per day, by operation (the table's operation names). */
export const DAILY_LOAD: readonly {
  operation: string;
  perDay: number;
  account: 'installer' | 'supervisor';
}[] = [
  { operation: 'ingest one submission', perDay: 100, account: 'installer' },
  // The remembered Staff/Settings copy lasts an hour (src/server/adapters/reference-data.ts): the first
  // edit of each hour reads both tabs again and stores them.
  { operation: 'a technician edit', perDay: 976, account: 'installer' },
  { operation: 'edit: staleStaff', perDay: 24, account: 'installer' },
  // The 24 runs of one day, measured hour by hour (bench/operations-ops.ts routineDay).
  { operation: HOURLY_DAY, perDay: 1, account: 'installer' },
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
  lines.push(...describeMail(q.recipients));
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

/**
 * The team's mail a day per sending account, notice by notice (core/notifications.ts, the lifecycle's
 * notify lists): per request a receipt, an approval and a "work done" to the requestor, an assignment
 * to the technician, a "completed" to each supervisor, and an alert to each supervisor for an
 * emergency. The form-submit and edit triggers send as the installer, the sidebar as the supervisor.
 * When an account's day is projected past its quota (a consumer account here), the notices that need
 * no action now (core/mail-forecast.ts DIGEST_KINDS) wait for one digest a day per person instead.
 */
export interface TeamMail {
  members: number;
  requestsPerDay: number;
  /** Distinct people requesting work in a day. */
  requestors: number;
  supervisors: number;
  emergencyShare: number;
}

export function teamOf(members: number): TeamMail {
  return {
    members,
    requestsPerDay: 10 * members,
    requestors: Math.ceil(2.5 * members),
    supervisors: 1,
    emergencyShare: 0.05,
  };
}

export function mailPerAccount(team: TeamMail, held: boolean): { installer: number; supervisor: number } {
  const n = team.requestsPerDay;
  const alerts = Math.ceil(n * team.emergencyShare) * team.supervisors;
  if (!held) {
    // receipt + work done to the requestor, completed to the supervisors, alerts | approved + assigned
    return { installer: n * 2 + n * team.supervisors + alerts, supervisor: n * 2 };
  }
  // Alerts at once; one digest a day per requestor and per supervisor | assignments at once.
  return { installer: alerts + team.requestors + team.supervisors, supervisor: n };
}

/** The largest team (members) whose every account stays within the consumer quota on a day. */
export function largestConsumerTeam(): number {
  let members = 0;
  while (members < 1_000) {
    const next = mailPerAccount(teamOf(members + 1), true);
    if (Math.max(next.installer, next.supervisor) > QUOTAS.recipientsPerDay.consumer) break;
    members++;
  }
  return members;
}

function describeMail(measured: { installer: number; supervisor: number }): string[] {
  const team = teamOf(10);
  const lines = [
    `  email recipients a day per sending account, team of ${team.members} (${int(team.requestsPerDay)} requests from ${team.requestors} people, ${team.emergencyShare * 100}% emergencies, ${team.supervisors} supervisor approving):`,
  ];
  const kinds = [
    { name: 'Workspace', quota: QUOTAS.recipientsPerDay.workspace },
    { name: 'consumer', quota: QUOTAS.recipientsPerDay.consumer },
  ];
  for (const kind of kinds) {
    const all = mailPerAccount(team, false);
    // Holding starts only when the account's day is projected past its quota.
    const held = Math.max(all.installer, all.supervisor) > kind.quota;
    const mail = held ? mailPerAccount(team, true) : all;
    const verdict = (n: number) => (n <= kind.quota ? 'within' : 'OVER');
    lines.push(
      `    ${kind.name} (${int(kind.quota)}/day): installer ${int(mail.installer)} (${verdict(mail.installer)}), supervisor ${int(mail.supervisor)} (${verdict(mail.supervisor)})` +
        (held
          ? `; notices that need no action wait for daily digests (without: installer ${int(all.installer)}, supervisor ${int(all.supervisor)})`
          : ''),
    );
  }
  lines.push(
    `  the largest team whose mail fits a consumer quota on the day: ${largestConsumerTeam()} members (the approving supervisor's assignment emails are the limit)`,
    `  measured from the benchmark's single executions (a quiet day, nothing held): installer ${int(measured.installer)}, supervisor ${int(measured.supervisor)} recipients a day`,
  );
  return lines;
}
