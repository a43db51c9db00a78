/**
 * Argument checks for the Forms classes. Live Apps Script names a Forms class with its service in a
 * signature error, as it does SpreadsheetApp's: "The parameters (FormApp.MultipleChoiceItem,number)
 * don't match the method signature for FormApp.Form.moveItem." (quoted in scripts that hit it).
 */
import {
  enumArg as checkEnumArg,
  overload as checkOverload,
  signatureError as mismatch,
  type ArgKind,
} from '../args';
import type { GasEnum } from '../gas-enum';
import type { GasError } from '../gas-object';

export function overload(
  gasClass: string,
  method: string,
  args: ArrayLike<unknown>,
  ...overloads: ArgKind[][]
): number {
  return checkOverload(`FormApp.${gasClass}`, method, args, ...overloads);
}

export function signatureError(gasClass: string, method: string, args: ArrayLike<unknown>): GasError {
  return mismatch(`FormApp.${gasClass}`, method, args);
}

/** An enum argument's name (../args.ts enumArg), the class named with its service as above. */
export function enumArg<N extends string>(
  gasClass: string,
  method: string,
  args: ArrayLike<unknown>,
  enumType: GasEnum<N>,
  value: unknown,
): N {
  return checkEnumArg(`FormApp.${gasClass}`, method, args, enumType, value);
}
