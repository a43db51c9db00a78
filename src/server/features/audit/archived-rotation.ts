/**
 * Which of the change log's archived parts a run of Verify audit log reads. Each archived year adds
 * about 30 s of reading at 100 requests a day, so reading every part every run would take a run past
 * Google's 6-minute limit after a few years. A run reads every part while they total at most
 * ARCHIVED_ROWS_PER_RUN rows; past that, the parts verified longest ago (never first) up to that many
 * rows, and always the part holding the anchor given. Each part is verified from where the one before
 * it ends (the checkpoint records every part's end), so a part is verified whole on its own, and the
 * runs take turns over the older years. When each part was last verified is kept in document properties
 * (the add-on's own): a run that skips a part says so, and when it was last verified.
 */
import type { ArchivedPart } from '../../../core/keyed-chain';
import type { LogAnchor } from '../../../core/log-anchor';
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';

/** About 80 s of reading and MACs on the cost model (79.1 s measured over a million rows). */
export const ARCHIVED_ROWS_PER_RUN = 1_000_000;

// Built on first use, not when the bundle loads (core/validator.ts).
const VerifiedSchema = z.lazySchema(() => z.record(z.string(), z.number()));

/** Year → when its part last verified (ms since the epoch). An unreadable record counts as none. */
export function readPartsVerified(): Record<string, number> {
  const text = documentProperties().getProperty(PROPERTY_KEYS.verifyArchivedParts);
  return (text && z.parseStoredJson(VerifiedSchema, text)) || {};
}

export function recordPartsVerified(
  earlier: Readonly<Record<string, number>>,
  years: readonly number[],
  at: number,
): void {
  if (years.length === 0) return;
  const next: Record<string, number> = { ...earlier };
  for (const year of years) next[String(year)] = at;
  documentProperties().setProperty(PROPERTY_KEYS.verifyArchivedParts, JSON.stringify(next));
}

/** Archived rows a run reads at most: ARCHIVED_ROWS_PER_RUN, or what the add-on's properties set (tests). */
export function archivedRowsPerRun(): number {
  const set = Number(documentProperties().getProperty(PROPERTY_KEYS.verifyArchivedRowsPerRun));
  return Number.isInteger(set) && set > 0 ? set : ARCHIVED_ROWS_PER_RUN;
}

/** The years whose parts this run reads. Pure. */
export function partsToRead(
  parts: readonly ArchivedPart[],
  verifiedAt: Readonly<Record<string, number>>,
  budgetRows: number,
  anchor: LogAnchor | null,
): Set<number> {
  const total = parts.reduce((n, p) => n + p.rows, 0);
  if (total <= budgetRows) return new Set(parts.map((p) => p.year));
  const chosen = new Set<number>();
  let rows = 0;
  const take = (part: ArchivedPart): void => {
    chosen.add(part.year);
    rows += part.rows;
  };
  // The anchor's part: the anchor is checked where its position is.
  let after = 0;
  for (const part of parts) {
    if (anchor && anchor.seq > after && anchor.seq <= part.seq) take(part);
    after = part.seq;
  }
  const byAge = [...parts].sort(
    (a, b) => (verifiedAt[String(a.year)] ?? 0) - (verifiedAt[String(b.year)] ?? 0) || a.year - b.year,
  );
  for (const part of byAge) {
    if (chosen.has(part.year)) continue;
    if (chosen.size > 0 && rows + part.rows > budgetRows) break;
    take(part);
  }
  return chosen;
}
