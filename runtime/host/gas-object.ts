/**
 * The base of every object a script can hold a reference to (a Range, a Sheet, a Lock…).
 *
 * Objects live in the host (the Node main thread); the sandboxed script only ever holds a handle to
 * them. The dispatcher exposes every method on the prototype chain whose name does not start with `_`;
 * a name the class does not define throws `not implemented in the local runtime: Class.method`, so a
 * call we have not emulated can never silently do nothing.
 */
import { GasEnumValue } from './gas-enum';

export type ServiceName =
  | 'Spreadsheet'
  | 'Form'
  | 'Ui'
  | 'Html'
  | 'Script'
  | 'Mail'
  | 'Properties'
  | 'Lock'
  | 'Cache'
  | 'Session'
  | 'Utilities'
  | 'Logging';

export abstract class GasObject {
  /** The class name from Google's reference, e.g. `Range`. */
  abstract readonly gasClass: string;
  /** The service family, for call accounting (`Spreadsheet` covers Spreadsheet, Sheet, Range…). */
  abstract readonly gasService: ServiceName;
  /**
   * Static, script-visible properties (enums such as `ScriptApp.AuthMode`), sent once with the handle.
   * Values must be JSON data.
   */
  _staticProperties(): Record<string, unknown> {
    return {};
  }
  /**
   * Data fields this one object carries as its own enumerable properties, so that `Object.keys` and
   * `JSON.stringify` show them (an event's `e.range` and its rowStart…), sent with the handle; null for
   * the usual service object, which has none and stringifies as {}. Values must be JSON data.
   */
  _ownProperties(): Record<string, unknown> | null {
    return null;
  }
  toString(): string {
    return this.gasClass;
  }
}

/** Apps Script reports service failures as `Exception: …`; V8 scripts see `name === 'Exception'`. */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function notImplemented(gasClass: string, method: string): never {
  throw new GasError(`not implemented in the local runtime: ${gasClass}.${method}`);
}

/**
 * A service call whose answer is not ready yet (a lock another execution holds, Utilities.sleep).
 * The script stays blocked at that call; other executions keep running until the promise settles.
 */
export class Pending<T> {
  constructor(readonly promise: Promise<T>) {}
}

/**
 * How Google's signature error names an argument. An array is named by its elements' common type,
 * `Object` when they differ: setValues([1, 2, 3]) is "The parameters (number[]) don't match…" on live
 * Apps Script (reported by scripts that passed a one-dimensional row).
 */
export function describeArg(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) {
    const kinds = new Set(value.filter((v) => v !== null && v !== undefined).map(describeArg));
    return `${kinds.size === 1 ? [...kinds][0]! : 'Object'}[]`;
  }
  // A Forms object is named with its service ("FormApp.MultipleChoiceItem"), as live Apps Script does.
  if (value instanceof GasObject)
    return value.gasService === 'Form' && value.gasClass !== 'FormApp'
      ? `FormApp.${value.gasClass}`
      : value.gasClass;
  if (value instanceof GasEnumValue) return value.enumType.id;
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}
