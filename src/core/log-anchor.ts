/**
 * The daily anchor as administrators carry it: one line, `WO-ANCHOR <chain position> <MAC>`, emailed
 * by the hourly job and pasted back into Verify audit log. Outside the spreadsheet, no editor of it
 * can change it: a log that no longer holds that MAC at that position was cut short, rewritten and
 * chained again, or signed with a replaced secret — even if the add-on's own record was reset too.
 */
export const ANCHOR_WORD = 'WO-ANCHOR';

export interface LogAnchor {
  /** Chain position (keyed rows from the first) of the anchored row. */
  seq: number;
  /** That row's MAC (64 hexadecimal characters). */
  mac: string;
}

export function formatAnchor(anchor: LogAnchor): string {
  return `${ANCHOR_WORD} ${anchor.seq} ${anchor.mac}`;
}

const WHAT_TO_PASTE = `Paste the whole line that starts with ${ANCHOR_WORD} from a daily anchor email (for example "${ANCHOR_WORD} 1234 9f86d081…", the MAC being 64 characters 0-9 and a-f), or leave the box empty to verify against the add-on's own record only.`;

/** The anchor typed, null when nothing was typed, or why it is not one (and what to paste). */
export function parseAnchor(text: string): LogAnchor | null | { problem: string } {
  const typed = text.trim();
  if (typed === '') return null;
  const parts = typed.split(/\s+/);
  const problem = (why: string): { problem: string } => ({ problem: `${why} ${WHAT_TO_PASTE}` });
  if (parts[0]?.toUpperCase() !== ANCHOR_WORD)
    return problem(`"${typed.slice(0, 40)}" is not an anchor: it does not start with ${ANCHOR_WORD}.`);
  if (parts.length !== 3) return problem(`An anchor has three parts (${ANCHOR_WORD}, position, MAC).`);
  const [, position = '', mac = ''] = parts;
  if (!/^\d{1,15}$/.test(position) || Number(position) < 1)
    return problem(`The chain position "${position.slice(0, 20)}" is not a whole number from 1.`);
  if (!/^[0-9a-fA-F]{64}$/.test(mac))
    return problem(
      `The MAC has ${mac.length} characters; it must be 64 characters 0-9 and a-f (was it cut?).`,
    );
  return { seq: Number(position), mac: mac.toLowerCase() };
}
