/**
 * Measuring functions written by the engineers who own a feature (bench/review.ts → measureReview,
 * bench/edits.ts → measureEdits, bench/operations-ops.ts → measureHourly / measureArchive). Each
 * takes the register sizes and builds its own workbooks; its figures come back as table rows. Until a
 * file exists (or if its figures are not in a shape understood here) main.ts measures the operation
 * itself (bench/operations.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ZERO_COUNTS, type CallCounts, type CostModel } from './cost-model';
import type { ResultRow } from './results';

export interface ExternalMeasure {
  file: string;
  fn: string;
  /** Their scenario names → this table's operation names (others keep a prefixed name). */
  names: Record<string, string>;
  prefix: string;
  /**
   * Builds its worlds with createOurWorld from benchHistory (bench/world.ts): main.ts runs it one size
   * at a time beside its own operations, so each size's world is built once and copied.
   */
  benchWorlds?: boolean;
}

/** Routine runs measured after the first: a whole day, so the daily figure holds every hour's mail. */
export const ROUTINE_HOURS = 24;
/** The day of routine hourly runs (bench/operations-ops.ts routineDay), counted by the daily quotas. */
export const HOURLY_DAY = `the hourly job: a day of ${ROUTINE_HOURS} runs`;

export const EXTERNAL: readonly ExternalMeasure[] = [
  {
    file: 'review.ts',
    fn: 'measureReview',
    names: { open: 'open the sidebar', sidebar: 'open the sidebar', approveAssign: 'approve and assign' },
    prefix: 'review',
  },
  {
    file: 'edits.ts',
    fn: 'measureEdits',
    names: { legal: 'a technician edit', paste50x3: 'a 50-row paste' },
    prefix: 'edit',
  },
  {
    file: 'operations-ops.ts',
    fn: 'measureHourly',
    names: { hourly: 'the hourly job', day: HOURLY_DAY },
    prefix: 'hourly',
    benchWorlds: true,
  },
  {
    file: 'operations-ops.ts',
    fn: 'measureArchive',
    names: { archive: 'archive' },
    prefix: 'archive',
    benchWorlds: true,
  },
];

type Figures = Record<string, unknown>;
const num = (f: Figures, ...keys: string[]): number => {
  for (const k of keys) if (typeof f[k] === 'number') return f[k];
  return 0;
};

/** Full counts (bench/pricing.ts) when a measuring file passes them. */
function isCounts(value: unknown): value is CallCounts {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Object.keys(ZERO_COUNTS).every((k) => typeof v[k] === 'number');
}

/** Loads `fn` from bench/`file` if both exist. */
export async function loadExternal(
  m: ExternalMeasure,
): Promise<((sizes: number[]) => Promise<unknown>) | null> {
  const file = path.join(__dirname, m.file);
  if (!fs.existsSync(file)) return null;
  const mod = (await import(file)) as Record<string, unknown>;
  const fn = mod[m.fn];
  return typeof fn === 'function' ? (fn as (sizes: number[]) => Promise<unknown>) : null;
}

/** Their figures as table rows; null when they are not a list of figures this can read. */
export function externalRows(m: ExternalMeasure, figures: unknown, model: CostModel): ResultRow[] | null {
  if (!Array.isArray(figures)) return null;
  const rows: ResultRow[] = [];
  for (const item of figures as unknown[]) {
    if (item === null || typeof item !== 'object') return null;
    const f = item as Figures;
    const size = num(f, 'rows', 'size', 'orders');
    const scenario = String(f.scenario ?? f.operation ?? f.name ?? '');
    if (!size || !scenario) return null;
    const reads = num(f, 'reads');
    const writes = num(f, 'writes');
    const estimated = num(f, 'estimatedMs');
    const executions = typeof f.executions === 'number' ? f.executions : 1;
    rows.push({
      size,
      operation: m.names[scenario] ?? `${m.prefix}: ${scenario}`,
      source: `bench/${m.file}`,
      ok: f.ok !== false,
      skipped: f.ok === false && executions === 0 && typeof f.note === 'string',
      note: typeof f.note === 'string' ? f.note : undefined,
      error: typeof f.error === 'string' ? f.error : undefined,
      counts: isCounts(f.counts)
        ? f.counts
        : {
            ...ZERO_COUNTS,
            executions,
            touches: 1,
            reads,
            writes,
            otherCalls: num(f, 'otherCalls'),
            cellsRead: num(f, 'cellsRead'),
            cellsWritten: num(f, 'cellsWritten'),
            emails: num(f, 'emails', 'emailsSent'),
            localMs: num(f, 'localMs'),
          },
      spreadsheetCalls: num(f, 'spreadsheetCalls') || reads + writes,
      scriptMs: num(f, 'scriptMs', 'localMs'),
      estimatedMs: estimated || reads * model.readCallMs + writes * model.writeCallMs + model.firstTouchMs,
      calls: {},
      extra: {
        lockHoldMs: num(f, 'lockHoldMs'),
        triggerMs: num(f, 'triggerMs'),
        propertyCalls: num(f, 'propertyCalls'),
        recipients: num(f, 'recipients'),
      },
    });
  }
  return rows;
}
