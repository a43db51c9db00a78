/** Common ground of the script-visible spreadsheet classes. */
import { GasObject } from '../gas-object';
import { overload as checkOverload, type ArgKind } from '../args';
import type { ExecutionContext } from '../execution';

export abstract class SpreadsheetGasObject extends GasObject {
  readonly gasService = 'Spreadsheet' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}

export type { ArgKind } from '../args';

/**
 * Apps Script checks arguments against the Java signatures before doing anything; for spreadsheet
 * classes its message names the class with its service, e.g. "The parameters (String) don't match the
 * method signature for SpreadsheetApp.Range.setValues."
 */
export function overload(
  gasClass: string,
  method: string,
  args: ArrayLike<unknown>,
  ...overloads: ArgKind[][]
): number {
  return checkOverload(`SpreadsheetApp.${gasClass}`, method, args, ...overloads);
}

/** Java's toString of a scalar passed where a String is expected. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}
