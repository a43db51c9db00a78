/**
 * MACs over rows the change log vouches for outside itself: an archived work order (its Archive row,
 * recorded by the "Archived" log row), a form response (its answers, recorded by the "Created" log
 * row), and each Time and Parts Used row (its seal, core/labour.ts, recorded by the row that logged
 * the work). Keyed with the add-on's secret, so a hand edit of any of them cannot be made to match.
 */
import { hmacSha256Hex, type HmacKey } from './sha256';
import { isValidDate } from './time';

export const ARCHIVE_MAC_HEADER = 'Archive MAC';
export const ARCHIVE_MAC_FIELD = 'Archive MAC';
export const RESPONSE_DIGEST_FIELD = 'Response Digest';
/** A request's response edited after intake (features/intake/edited-response): logged, not applied. */
export const RESPONSE_EDITED_FIELD = 'Response Edited';

/** How a "Response Edited" line names the answers the row then held: their digest's first characters. */
export function responseEditMark(digest: string): string {
  return `answers ${digest.slice(0, 12)}`;
}

const EDITED_TEXT =
  ' edited by the requestor after it was taken in; not applied, the work order keeps the first answers';

/** A "Response Edited" line's value: the response row, what happened, the mark of the answers. */
export function responseEditedValue(ref: string, mark: string): string {
  return `${ref}${EDITED_TEXT} (${mark})`;
}

/** The response row and mark a "Response Edited" value names, or null. */
export function readResponseEdited(value: string): { ref: string; mark: string } | null {
  const at = value.indexOf(EDITED_TEXT);
  const mark = /\((answers [0-9a-f]+)\)$/.exec(value)?.[1];
  return at > 0 && mark ? { ref: value.slice(0, at), mark } : null;
}
/** Log fields naming the seal of the Time or Parts Used row a record wrote (one line per row). */
export const TIME_SEAL_FIELD = 'Time Seal';
export const PARTS_SEAL_FIELD = 'Parts Seal';

/**
 * The "Archived" line's new value: where the order went (`already`: it was copied there by an earlier,
 * interrupted run), which Verify reads back with archivedTo to know which archive file to open.
 */
export function archivedLineValue(archiveName: string, already: boolean): string {
  return already ? `Removed from the register (already in ${archiveName})` : `Moved to ${archiveName}`;
}

/** The archive an "Archived" line's value names (archivedLineValue), or null when it names none. */
export function archivedTo(value: string): string | null {
  const m = /^Moved to (.+)$/.exec(value) ?? /\(already in (.+)\)$/.exec(value);
  return m ? (m[1] as string) : null;
}

/** A cell as it reads back: a written text's leading apostrophe is Sheets' text marker, not content. */
function canonicalCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return 's:';
  if (isValidDate(value)) return `d:${value.toISOString()}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value}:${String(value)}`;
  const text = String(value);
  return `s:${text.startsWith("'") ? text.slice(1) : text}`;
}

/** The MAC of an Archive row: every column but the MAC's own, by header. */
export function archiveRowMac(key: HmacKey, header: readonly unknown[], row: readonly unknown[]): string {
  const pairs: string[][] = [];
  header.forEach((h, i) => {
    const name = String(h ?? '').trim();
    if (name === '' || name === ARCHIVE_MAC_HEADER) return;
    pairs.push([name, canonicalCell(row[i])]);
  });
  return hmacSha256Hex(key, 'archive\n', JSON.stringify(pairs));
}

/** The digest of a form response's answers (the Timestamp column left out), by question title. */
export function responseDigest(
  key: HmacKey,
  namedValues: Record<string, readonly string[] | undefined>,
): string {
  const pairs = Object.entries(namedValues)
    .filter(([title]) => title.trim() !== '' && title.trim().toLowerCase() !== 'timestamp')
    .map(([title, values]) => [title.trim(), (values ?? []).join('\n')])
    .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  return hmacSha256Hex(key, 'response\n', JSON.stringify(pairs));
}
