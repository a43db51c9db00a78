/**
 * What the host-side model's tests (no sandbox) share: a world with one spreadsheet, its owner, and a
 * list rule.
 */
import { World } from '../../../runtime/host/world';
import type { ValidationRule } from '../../../runtime/host/spreadsheet/validation-rules';

export const OWNER = 'owner@example.com';
export const list = (
  items: string[],
  allowInvalid = false,
  helpText: string | null = null,
): ValidationRule => ({
  criteria: 'VALUE_IN_LIST',
  args: [items, true],
  allowInvalid,
  helpText,
});

export function setup(timeZone = 'Etc/UTC') {
  const world = new World({ timeZone, htmlFiles: {} });
  const ss = world.spreadsheets.create('Register', OWNER);
  const sheet = ss.sheetModels()[0]!;
  return { world, store: world.spreadsheets, ss, sheet };
}
