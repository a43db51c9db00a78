/**
 * A text box's limit, said instead of enforced by `maxlength`: a browser silently drops whatever a
 * paste puts past `maxlength`, so a long reason or note would be sent cut off without anyone seeing
 * where. The box keeps it all; the form refuses to send it and says by how much it is over.
 */

const count = (n: number): string => n.toLocaleString('en-US');

/** Why `text` (as the server measures it: trimmed) is too long for `max`, or null when it fits. */
export function tooLong(text: string, max: number): string | null {
  const length = text.trim().length;
  if (length <= max) return null;
  return `This is ${count(length)} characters; ${count(max)} at most are kept. Shorten it by ${count(length - max)}.`;
}
