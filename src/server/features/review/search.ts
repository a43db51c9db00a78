/**
 * Free-text search over the open work orders the sidebar lists (the queue index: no register read):
 * every word typed must appear in the request id, WO number, description, location or requester's
 * name or email ("radiator", "66", "annex rita"). Emergencies and the oldest come first.
 */
import type { QueueEntry, ReviewIndex } from '../../adapters/review-queue-entries';

const FIELDS = ['id', 'woNumber', 'description', 'location', 'requesterName', 'requesterEmail'] as const;

function haystack(entry: QueueEntry): string {
  return FIELDS.map((f) => entry[f])
    .join(' ')
    .toLowerCase();
}

export function searchIndex(index: ReviewIndex, query: string): QueueEntry[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const found: QueueEntry[] = [];
  for (const entry of index.entries.values()) {
    const text = haystack(entry);
    if (words.every((w) => text.includes(w))) found.push(entry);
  }
  return found.sort((a, b) => (a.requestedAt ?? 0) - (b.requestedAt ?? 0) || (a.id < b.id ? -1 : 1));
}
