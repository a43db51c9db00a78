/**
 * The "Changes" cell of a change-log row: one line per field an action changed,
 *
 *   Status: Submitted → Approved
 *   Priority: "" → P3 Routine
 *   Results: "" → "Fixed: replaced the washer"
 *
 * A row records one action on one record (who, when, from where), and its lines record every field
 * that action changed, with the old and the new value. One row per action rather than per field keeps
 * the log at about a third of the rows (approve-and-assign alone changes nine fields), which is what
 * lets 100,000 work orders and their history fit under Google's 10-million-cell limit.
 *
 * A part is written bare when that cannot be misread, and as a JSON string otherwise: when it is
 * empty, starts with a quote, holds a line break, an arrow or ": ", or starts or ends with whitespace.
 * So every line parses back to exactly the strings that were logged.
 */

export interface FieldLine {
  field: string;
  oldValue: string;
  newValue: string;
}

const ARROW = ' → ';
const LABEL_END = ': ';

function needsQuotes(part: string): boolean {
  if (part === '') return true;
  const first = part.charCodeAt(0);
  const last = part.charCodeAt(part.length - 1);
  // Leading or trailing whitespace (space, tab) would be invisible and could be trimmed by a reader.
  if (first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09) return true;
  return (
    part[0] === '"' ||
    part.includes('\n') ||
    part.includes('\r') ||
    part.includes('→') ||
    part.includes(LABEL_END)
  );
}

function formatPart(part: string): string {
  return needsQuotes(part) ? JSON.stringify(part) : part;
}

export function formatFieldLine(line: FieldLine): string {
  return `${formatPart(line.field)}${LABEL_END}${formatPart(line.oldValue)}${ARROW}${formatPart(line.newValue)}`;
}

/** The cell text for these changes, one line each, in the order given. */
export function formatChanges(lines: readonly FieldLine[]): string {
  return lines.map(formatFieldLine).join('\n');
}

/** End (exclusive) of the JSON string starting at `start`, or -1 when it does not close. */
function jsonStringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c)
      i++; // backslash: skip the escaped character
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** One part starting at `start`, ended by `terminator` (or the line's end when null). */
function readPart(
  line: string,
  start: number,
  terminator: string | null,
): { value: string; next: number } | null {
  if (line[start] === '"') {
    const end = jsonStringEnd(line, start);
    if (end < 0) return null;
    let value: unknown;
    try {
      value = JSON.parse(line.slice(start, end));
    } catch {
      return null;
    }
    if (typeof value !== 'string') return null;
    if (terminator === null) return end === line.length ? { value, next: end } : null;
    return line.startsWith(terminator, end) ? { value, next: end + terminator.length } : null;
  }
  if (terminator === null) return { value: line.slice(start), next: line.length };
  const at = line.indexOf(terminator, start);
  return at < 0 ? null : { value: line.slice(start, at), next: at + terminator.length };
}

/** One line back into its field and values, or null when it is not in the format (edited by hand). */
export function parseFieldLine(line: string): FieldLine | null {
  const field = readPart(line, 0, LABEL_END);
  if (!field) return null;
  const oldValue = readPart(line, field.next, ARROW);
  if (!oldValue) return null;
  const newValue = readPart(line, oldValue.next, null);
  if (!newValue) return null;
  return { field: field.value, oldValue: oldValue.value, newValue: newValue.value };
}

/**
 * Every line of a Changes cell that parses. A line that does not (a cell cut at the 50,000-character
 * limit, or typed over by hand, which the hash chain reports anyway) is skipped.
 */
export function parseChanges(text: string): FieldLine[] {
  const lines: FieldLine[] = [];
  if (text === '') return lines;
  for (const raw of text.split('\n')) {
    const line = parseFieldLine(raw);
    if (line) lines.push(line);
  }
  return lines;
}
