/** Common ground of the script-visible spreadsheet classes. */
import { GasObject } from '../gas-object';
import { serviceArgs } from '../args';
import type { ExecutionContext } from '../execution';

export abstract class SpreadsheetGasObject extends GasObject {
  readonly gasService = 'Spreadsheet' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}

export type { ArgKind } from '../args';
export { javaInt } from '../args';

/**
 * Apps Script checks arguments against the Java signatures before doing anything; for spreadsheet
 * classes its message names the class with its service, e.g. "The parameters (String) don't match the
 * method signature for SpreadsheetApp.Range.setValues." (../args.ts serviceArgs).
 */
export const { overload, enumArg } = serviceArgs('SpreadsheetApp');

/** Java's toString of a scalar passed where a String is expected. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Java's Double.toString of a number: always a fractional part ("25.0"), and the E notation outside
 * 10^-3 … 10^7 ("1.0E7"). What a number becomes where Apps Script hands it to Java as a double.
 */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(n);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
