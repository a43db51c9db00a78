import { GasError, GasObject, describeArg } from './gas-object';
import { GasEnumValue } from './gas-enum';
import type { GasEnum } from './gas-enum';

/**
 * Apps Script checks a call's arguments against the method's Java signature before doing anything,
 * and reports a mismatch as "The parameters (String,number) don't match the method signature for
 * Class.method." These helpers let each service make the same check in one line.
 */
export function signatureError(gasClass: string, method: string, args: ArrayLike<unknown>): GasError {
  return new GasError(
    `The parameters (${Array.from(args, describeArg).join(',')}) don't match the method signature for ${gasClass}.${method}.`,
  );
}

export type ArgKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'array'
  | 'array2d'
  | 'object'
  | 'gas'
  | 'enum'
  | 'nullable'
  | 'any';

function matches(kind: ArgKind, value: unknown): boolean {
  switch (kind) {
    case 'any':
      return true;
    case 'nullable':
      return value === null || value === undefined;
    case 'date':
      return value instanceof Date;
    case 'array':
      return Array.isArray(value);
    case 'array2d':
      return Array.isArray(value) && value.every((row) => Array.isArray(row));
    case 'gas':
      return value instanceof GasObject;
    case 'enum':
      return value instanceof GasEnumValue;
    case 'object':
      return value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value);
    default:
      return typeof value === kind;
  }
}

/**
 * Checks `args` against the method's overloads (each a list of argument kinds); returns the index of
 * the first overload that matches, or throws Google's signature message. `gasClass` is the name Google
 * prints: Spreadsheet classes are qualified ("SpreadsheetApp.Range").
 */
export function overload(
  gasClass: string,
  method: string,
  args: ArrayLike<unknown>,
  ...overloads: ArgKind[][]
): number {
  for (let i = 0; i < overloads.length; i++) {
    const kinds = overloads[i]!;
    if (kinds.length !== args.length) continue;
    if (kinds.every((kind, j) => matches(kind, args[j]))) return i;
  }
  throw signatureError(gasClass, method, args);
}

/**
 * The name of an argument the reference declares as `enumType` (ScriptApp.AuthMode…). Google checks
 * it with the signature: a value of another enum, or the name as a plain string ("FULL"), is refused
 * with "The parameters (String) don't match the method signature…", as a script that passed a string
 * finds on live Apps Script (gas-fakes' notes on Charts enums).
 */
export function enumArg<N extends string>(
  gasClass: string,
  method: string,
  args: ArrayLike<unknown>,
  enumType: GasEnum<N>,
  value: unknown,
): N {
  const name = enumType.nameOf(value);
  if (name === null) throw signatureError(gasClass, method, args);
  return name;
}

/**
 * A JavaScript number passed where the reference declares an `Integer` (a row, a column, a count).
 * Apps Script hands it to Java, whose narrowing conversion drops the fraction toward zero
 * (`(int) 2.7 == 2`, JLS §5.1.3), so `getRange(2.7, 1)` is A2, never a range at "row 2.7"; scripts
 * that compute a row as `n / 2` rely on it. The same conversion makes NaN 0 and clamps the
 * infinities to the int range.
 */
export function javaInt(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(-2147483648, Math.min(2147483647, Math.trunc(value)));
}

/** Apps Script converts a scalar passed where a String is expected with Java's toString. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'null';
  return String(value);
}

/** UTF-8 size, which is what Google's KB limits (properties, cache, mail body) measure. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The argument checks of one service's classes: Apps Script names a class with its service in a
 * signature error ("… don't match the method signature for SpreadsheetApp.Range.setValues.",
 * "… for FormApp.Form.moveItem."), so each service's classes check through these with its prefix.
 */
export function serviceArgs(service: string) {
  const named = (gasClass: string): string => `${service}.${gasClass}`;
  return {
    overload: (
      gasClass: string,
      method: string,
      args: ArrayLike<unknown>,
      ...overloads: ArgKind[][]
    ): number => overload(named(gasClass), method, args, ...overloads),
    signatureError: (gasClass: string, method: string, args: ArrayLike<unknown>): GasError =>
      signatureError(named(gasClass), method, args),
    enumArg: <N extends string>(
      gasClass: string,
      method: string,
      args: ArrayLike<unknown>,
      enumType: GasEnum<N>,
      value: unknown,
    ): N => enumArg(named(gasClass), method, args, enumType, value),
  };
}
