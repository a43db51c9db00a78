import { forgetChunked, readChunkedFrom, writeChunked } from './chunked-property';
import { documentPropertiesOrNull } from './service-handles';

/**
 * A small JSON snapshot kept in document properties: durable, unlike the document cache (whose
 * entries expire within six hours, so the first execution after a quiet night would pay the full
 * reads again). Stored as a chunked value (./chunked-property) whose head says when it was saved: a
 * small one is read with one getProperty call. Null outside a document (the hourly job).
 */
export function readSnapshot(key: string, maxAgeMs: number, now: number): string | null {
  const props = documentPropertiesOrNull();
  if (!props) return null;
  const stored = readChunkedFrom(props, key);
  if (stored.kind !== 'ok') return null;
  const savedAt = stored.meta.savedAt;
  return typeof savedAt === 'number' && now - savedAt <= maxAgeMs ? stored.text : null;
}

/** One setProperties call, whatever the number of pieces. */
export function writeSnapshot(key: string, text: string, now: number): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  try {
    writeChunked(props, key, text, { meta: { savedAt: now } });
  } catch (error) {
    // Not replaced (the 500 KB store full, say), the older copy would stand for the tab as accepted now:
    // a later refused edit would put back cells from it. No copy is the safe state (judged against the
    // sheet, nothing put back from a stale grid); the failure is still the caller's to report.
    try {
      forgetChunked(props, key);
    } catch {
      // Nothing more can be done here: the error below says what failed.
    }
    throw error;
  }
}

/** Forgets the snapshot: removing its head is enough (pieces are overwritten by the next write). */
export function forgetSnapshot(key: string): void {
  const props = documentPropertiesOrNull();
  if (props) forgetChunked(props, key);
}
