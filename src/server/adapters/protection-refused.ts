/**
 * Google's refusal of a write to protected cells, told apart from other failures.
 *
 * Apps Script throws a plain Exception whose only mark is its text ("You are trying to edit a protected
 * cell or object. Please contact the spreadsheet owner to remove protection if you need to edit."):
 * there is no error class or code to test. The text is Google's, so it is matched here, in the adapter,
 * loosely (its start only), so a change in the closing sentence does not hide it.
 */
const PROTECTED = /trying to edit a protected cell or object/i;

/** Whether `error` is Sheets refusing a write because a protection does not list the effective user. */
export function isProtectionRefusal(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return PROTECTED.test(message);
}
