/**
 * The Outbox's state as the drain trusts it. The Outbox tab is writable by every sidebar user (their
 * actions queue mail as them), so a row's Status says nothing the drain can rely on. Each row the
 * add-on queues carries a sequence number bound into its MAC (./outbox-mac.ts), and the installation
 * owner's state keeps this ledger of the numbers the drain and the digest have settled: per series, a
 * low-water mark (every number up to it settled), the numbers settled above it (emergencies overtake,
 * held notices wait for the day's digest), the ones that failed for good (an administrator may set such
 * a row back to Queued to retry it), and the highest number known issued. Against it:
 * - a row whose number is not settled is owed, whatever its Status says (typed Sent over Queued);
 * - a row whose number is settled is never sent again (typed Queued over Sent), its Status put back;
 * - rows sharing a number (pasted copies) send at most one, the others are refused;
 * - a number issued but neither settled nor in the sheet (a row deleted) is reported once, then settled.
 * Two series: numbers the document issues ("17", under the document lock) and numbers the owner's own
 * executions without a document issue ("H3": the hourly job, and rows queued before rows were numbered).
 */
export type Series = 'd' | 'h';
export interface Seq {
  series: Series;
  n: number;
}

/** Why the drain refuses a row the add-on did not write as it stands. */
export const REFUSED_MESSAGE =
  'Not sent: Work Orders did not write this row as it is now (typed or edited by hand), so its MAC does not verify';

const SEQ = /^(H?)([1-9][0-9]{0,14})$/;

export function parseSeq(text: string): Seq | null {
  const m = SEQ.exec(text.trim());
  return m ? { series: m[1] === 'H' ? 'h' : 'd', n: Number(m[2]) } : null;
}

/** As the Seq cell holds it (a document number is written as a number, so it reads back as digits). */
export function seqText(seq: Seq): string {
  return seq.series === 'h' ? `H${seq.n}` : String(seq.n);
}

export interface SeriesLedger {
  /** Every number up to this one is settled; null until a number of the series is first seen. */
  low: number | null;
  /** The highest number known issued. */
  top: number;
  /** Numbers above `low` settled for good (sent, digested, reported removed), as sorted runs. */
  done: [number, number][];
  /** Numbers that failed for good: settled, but a row set back to Queued is sent once more. */
  failed: number[];
  /** Numbers found missing by the last drain: reported when the next finds them missing too. */
  missing: number[];
}

export interface OutboxLedger {
  /**
   * A drain has read the sheet into this ledger. Until then (no ledger, an unreadable one, or only the
   * numbers the owner issued before any drain ran) the first drain trusts the statuses it finds, once.
   */
  started: boolean;
  /** Rows queued before rows were numbered have been given numbers (once, by the first drain). */
  migrated: boolean;
  d: SeriesLedger;
  h: SeriesLedger;
}

export type SeqState = 'open' | 'done' | 'failed';

const emptySeries = (): SeriesLedger => ({ low: null, top: 0, done: [], failed: [], missing: [] });

export function emptyLedger(): OutboxLedger {
  return { started: false, migrated: false, d: emptySeries(), h: emptySeries() };
}

export function seqState(ledger: OutboxLedger, seq: Seq): SeqState {
  const s = ledger[seq.series];
  if (s.failed.includes(seq.n)) return 'failed';
  if (s.low !== null && seq.n <= s.low) return 'done';
  return s.done.some(([a, b]) => seq.n >= a && seq.n <= b) ? 'done' : 'open';
}

/**
 * Records a number settled: sent, digested or reported removed ('done'), or failed for good. Before
 * a drain has started the ledger the mark is left unset (the first drain sets it from the sheet).
 */
export function settle(ledger: OutboxLedger, seq: Seq, outcome: 'done' | 'failed'): void {
  const s = ledger[seq.series];
  if (s.low === null && ledger.started) s.low = seq.n - 1;
  s.top = Math.max(s.top, seq.n);
  s.missing = s.missing.filter((n) => n !== seq.n);
  if (outcome === 'failed') {
    if (!s.failed.includes(seq.n)) s.failed.push(seq.n);
  } else {
    s.failed = s.failed.filter((n) => n !== seq.n);
    if (s.low === null || seq.n > s.low) addToRuns(s.done, seq.n);
  }
  advance(s);
}

/** Moves the mark over the runs settled just above it, and over failed numbers (they stay listed, so their retry still works). */
export function advance(s: SeriesLedger): void {
  if (s.low === null) return;
  for (;;) {
    const next: number = s.low + 1;
    const first = s.done[0];
    if (first && first[0] <= next) {
      s.low = Math.max(s.low, first[1]);
      s.done.shift();
    } else if (s.failed.includes(next)) s.low = next;
    else break;
  }
}

function addToRuns(runs: [number, number][], n: number): void {
  let i = 0;
  while (i < runs.length && (runs[i] as [number, number])[1] < n - 1) i++;
  const run = runs[i];
  if (!run || run[0] > n + 1) {
    runs.splice(i, 0, [n, n]);
    return;
  }
  run[0] = Math.min(run[0], n);
  run[1] = Math.max(run[1], n);
  const after = runs[i + 1];
  if (after && after[0] <= run[1] + 1) {
    run[1] = Math.max(run[1], after[1]);
    runs.splice(i + 1, 1);
  }
}

/** Takes the owner's next number for a row queued without a document (the caller stores the ledger). */
export function issueOwnerSeq(ledger: OutboxLedger): Seq {
  const s = ledger.h;
  s.top += 1;
  if (s.low === null && ledger.started) s.low = s.top - 1;
  return { series: 'h', n: s.top };
}

type Runs = [number, number][];
interface StoredSeries {
  l: number | null;
  t: number;
  r: Runs;
  f: number[];
  x: number[];
}

export function serializeLedger(ledger: OutboxLedger): string {
  const s = (x: SeriesLedger): StoredSeries => ({ l: x.low, t: x.top, r: x.done, f: x.failed, x: x.missing });
  return JSON.stringify({
    v: 1,
    s: ledger.started ? 1 : 0,
    m: ledger.migrated ? 1 : 0,
    d: s(ledger.d),
    h: s(ledger.h),
  });
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Null when absent or unreadable: the drain then starts a ledger from the sheet (./outbox-plan.ts). */
export function parseLedger(text: string | null): OutboxLedger | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { v?: unknown; s?: unknown; m?: unknown; d?: unknown; h?: unknown };
    if (raw.v !== 1) return null;
    const series = (v: unknown): SeriesLedger | null => {
      const x = v as Partial<StoredSeries> | null;
      if (!x || typeof x !== 'object') return null;
      const low = x.l === null ? null : isCount(x.l) ? x.l : undefined;
      const runsOk =
        Array.isArray(x.r) &&
        x.r.every((r) => Array.isArray(r) && isCount(r[0]) && isCount(r[1]) && r[0] <= r[1]);
      const listOk = (l: unknown): l is number[] => Array.isArray(l) && l.every(isCount);
      if (low === undefined || !isCount(x.t) || !runsOk || !listOk(x.f) || !listOk(x.x)) return null;
      return { low, top: x.t, done: x.r as Runs, failed: x.f, missing: x.x };
    };
    const d = series(raw.d);
    const h = series(raw.h);
    return d && h ? { started: raw.s === 1, migrated: raw.m === 1, d, h } : null;
  } catch {
    return null;
  }
}
