import { ownerKey, ownerProperties } from '../../adapters/owner-state';

/** A property value may hold 9 KB; pieces stay well under it (characters, not bytes: state is ASCII). */
const CHUNK = 8_000;
const CHUNKED = /^#chunks:(\d+)$/;

/**
 * Owner state that may outgrow one property (the reminder state of a large register): stored as
 * `name` = "#chunks:N" and `name.0` … `name.N-1`, or plainly in `name` when it fits.
 */
export function readChunkedState(spreadsheetId: string, name: string): string | null {
  const props = ownerProperties();
  const head = props.getProperty(ownerKey(spreadsheetId, name));
  const m = head === null ? null : CHUNKED.exec(head);
  if (!m) return head;
  const pieces: string[] = [];
  for (let i = 0; i < Number(m[1]); i++)
    pieces.push(props.getProperty(ownerKey(spreadsheetId, `${name}.${i}`)) ?? '');
  return pieces.join('');
}

export function writeChunkedState(spreadsheetId: string, name: string, value: string): void {
  const props = ownerProperties();
  const key = ownerKey(spreadsheetId, name);
  const previous = CHUNKED.exec(props.getProperty(key) ?? '');
  const before = previous ? Number(previous[1]) : 0;
  let count = 0;
  if (value.length <= CHUNK) props.setProperty(key, value);
  else {
    const update: Record<string, string> = {};
    for (let at = 0; at < value.length; at += CHUNK)
      update[ownerKey(spreadsheetId, `${name}.${count++}`)] = value.slice(at, at + CHUNK);
    // The pieces first, then the head that points to them: a reader never sees a head without its pieces.
    props.setProperties(update);
    props.setProperty(key, `#chunks:${count}`);
  }
  for (let i = count; i < before; i++) props.deleteProperty(ownerKey(spreadsheetId, `${name}.${i}`));
}
