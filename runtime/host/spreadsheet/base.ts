/** Common ground of the script-visible spreadsheet classes. */
import { GasError, GasObject, describeArg } from '../gas-object';
import type { ExecutionContext } from '../execution';

export abstract class SpreadsheetGasObject extends GasObject {
  readonly gasService = 'Spreadsheet' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
}

export type ArgKind =
  'string' | 'number' | 'boolean' | 'date' | 'array' | 'array2d' | 'object' | 'gas' | 'nullable' | 'any';

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
    case 'object':
      return value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value);
    default:
      return typeof value === kind;
  }
}

/**
 * Apps Script checks arguments against the Java signatures before doing anything. Returns the index
 * of the first matching overload, or throws Google's message, e.g. "The parameters (String) don't
 * match the method signature for SpreadsheetApp.Range.setValues."
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
  throw new GasError(
    `The parameters (${Array.from(args, describeArg).join(',')}) don't match the method signature for SpreadsheetApp.${gasClass}.${method}.`,
  );
}

/** Java's toString of a scalar passed where a String is expected. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}
