/** A User as spreadsheet methods return it (Protection.getEditors, Spreadsheet.getOwner). */
import type { ExecutionContext } from '../execution';
import { SpreadsheetGasObject } from './base';

export class SpreadsheetUser extends SpreadsheetGasObject {
  readonly gasClass = 'User';
  constructor(
    ctx: ExecutionContext,
    readonly _email: string,
  ) {
    super(ctx);
  }
  getEmail(): string {
    return this._email;
  }
  override toString(): string {
    return this._email;
  }
}

/** An email from a String or a User argument (Protection.addEditor accepts either). */
export function emailOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (value instanceof SpreadsheetUser) return value._email.toLowerCase();
  if (
    value !== null &&
    typeof value === 'object' &&
    'getEmail' in value &&
    typeof (value as { getEmail: unknown }).getEmail === 'function'
  ) {
    const email = (value as { getEmail: () => unknown }).getEmail();
    return typeof email === 'string' ? email.toLowerCase() : null;
  }
  return null;
}
