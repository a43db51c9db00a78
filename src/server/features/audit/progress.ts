/**
 * A Verify audit log that compares the register over several runs, in document properties (the
 * add-on's own, never a sheet), through the same chunked-property format as the archive's chunk in
 * progress (features/archive/progress.ts).
 *
 * Every run verifies the whole change log again (its keyed chain, checkpoint and anchor, the Archive
 * rows and raw answers it vouches for, the orders it knows as live): only the comparison of the
 * register with the log is shared out, a slice of register rows a run. So a log edited between two
 * runs is judged as it is in the last one, and nothing a run verified is trusted by the next. What a
 * run leaves here is the register rows compared so far and what they showed: the counts, and the
 * findings of the first rows (those the put-back offered at the end takes; it reads each row again
 * before writing anything). Written only once a run's slice is done, so a run stopped midway leaves
 * the last finished slice, and the next run compares the rest.
 */
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import { forgetChunked, readChunkedFrom, writeChunked } from '../../adapters/chunked-property';
import type { RegisterFinding } from '../integrity/register-check';
import { PUT_BACK_ROWS_PER_RUN } from '../integrity/register-putback';

/**
 * Register rows compared per run. At 100,000 orders and a million log rows, a run is the log's pass
 * (about two minutes on the cost model) and a quarter of the register: two reads of 25,000 rows and
 * the log's lines about them folded and compared (well under a minute), so each run stays far inside
 * Google's 6-minute limit, the largest log the spreadsheet's cell limit allows included.
 */
export const REGISTER_ROWS_PER_RUN = 25_000;

const findingSchema = () =>
  z.object({
    row: z.int(),
    id: z.string(),
    field: z.string(),
    trusted: z.string(),
    found: z.string(),
    logRow: z.int(),
    put: z.nullable(z.object({ field: z.string(), logged: z.string(), inState: z.boolean() })),
    note: z.optional(z.string()),
    from: z.optional(z.string()),
  });

const ProgressSchema = z.lazySchema(() =>
  z.object({
    /** When the first run started (ms since the epoch), to tell the administrator. */
    startedAt: z.number(),
    /** The anchor given to the first run, if any: every later run checks the log against it too. */
    anchor: z.nullable(z.object({ seq: z.int(), mac: z.string() })),
    /** The next register row to compare (sheet row). */
    nextRow: z.int(),
    /** Values, rows and orders found so far. */
    values: z.int(),
    rows: z.int(),
    orders: z.int(),
    /** The findings of the first rows found (at most PUT_BACK_ROWS_PER_RUN rows). */
    kept: z.array(findingSchema()),
  }),
);
export type VerifyProgress = Omit<z.infer<typeof ProgressSchema>, 'kept'> & { kept: RegisterFinding[] };

/** The comparison under way, or null. An unreadable record is dropped: the next run starts afresh. */
export function readVerifyProgress(): VerifyProgress | null {
  const read = readChunkedFrom(documentProperties(), PROPERTY_KEYS.verifyProgress);
  if (read.kind !== 'ok') return null;
  try {
    const parsed = ProgressSchema.safeParse(JSON.parse(read.text));
    return parsed.success ? (parsed.data as VerifyProgress) : null;
  } catch {
    return null;
  }
}

export function writeVerifyProgress(progress: VerifyProgress): void {
  writeChunked(documentProperties(), PROPERTY_KEYS.verifyProgress, JSON.stringify(progress));
}

export function clearVerifyProgress(): void {
  forgetChunked(documentProperties(), PROPERTY_KEYS.verifyProgress);
}

/** Register rows a run compares: REGISTER_ROWS_PER_RUN, or what the add-on's properties set (tests). */
export function registerRowsPerRun(): number {
  const set = Number(documentProperties().getProperty(PROPERTY_KEYS.verifyRowsPerRun));
  return Number.isInteger(set) && set > 0 ? set : REGISTER_ROWS_PER_RUN;
}

/** Findings of one slice added to what earlier runs found; `kept` holds the first rows' findings. */
export function addFindings(progress: VerifyProgress, findings: readonly RegisterFinding[]): VerifyProgress {
  const rowKey = (f: RegisterFinding) => `${f.id}\u0000${f.row}`;
  const rows = new Set(findings.map(rowKey));
  const keptRows = new Set(progress.kept.map(rowKey));
  const kept = [...progress.kept];
  for (const f of findings) {
    if (!keptRows.has(rowKey(f)) && keptRows.size >= PUT_BACK_ROWS_PER_RUN) continue;
    keptRows.add(rowKey(f));
    kept.push(f);
  }
  return {
    ...progress,
    values: progress.values + findings.length,
    rows: progress.rows + rows.size,
    orders: progress.orders + new Set(findings.map((f) => f.id)).size,
    kept,
  };
}
