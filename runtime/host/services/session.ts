import crypto from 'node:crypto';
import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { overload } from '../args';

class SessionService extends GasObject {
  readonly gasClass = 'Session';
  readonly gasService = 'Session' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  /** The user at the keyboard; an empty email where Apps Script would not reveal it (identity.ts). */
  getActiveUser(): User {
    overload(this.gasClass, 'getActiveUser', arguments, []);
    return new User(this.ctx.session.activeEmail);
  }
  /** Whose authority the script runs with: a trigger's owner in an installable trigger. */
  getEffectiveUser(): User {
    overload(this.gasClass, 'getEffectiveUser', arguments, []);
    return new User(this.ctx.session.effectiveEmail);
  }
  getScriptTimeZone(): string {
    overload(this.gasClass, 'getScriptTimeZone', arguments, []);
    return this.ctx.world.timeZone;
  }
  getActiveUserLocale(): string {
    overload(this.gasClass, 'getActiveUserLocale', arguments, []);
    return 'en';
  }
  /**
   * Reference: a key unique to the active user and the script, that does not reveal the user.
   * Google rotates it every 30 days; here it is stable, which no caller can tell apart in one test.
   */
  getTemporaryActiveUserKey(): string {
    overload(this.gasClass, 'getTemporaryActiveUserKey', arguments, []);
    const digest = crypto
      .createHash('sha256')
      .update(`temporary-key:${this.ctx.activeUserEmail}`)
      .digest('base64');
    return digest.replace(/[^A-Za-z0-9]/g, '').slice(0, 43);
  }
}

/** Session.getActiveUser()'s answer, and `e.user` of trigger events. */
export class User extends GasObject {
  readonly gasClass = 'User';
  readonly gasService = 'Session' as const;
  constructor(protected readonly email: string) {
    super();
  }
  getEmail(): string {
    overload(this.gasClass, 'getEmail', arguments, []);
    return this.email;
  }
  /** Live Apps Script prints a User as its email (gas-fakes test/testsession.js, run on live Apps Script). */
  override toString(): string {
    return this.email;
  }
}

/**
 * An edit event's `e.user`: a User that also carries plain fields, as on live Apps Script, where
 * JSON.stringify(e) logs "user":{"nickname":"…","email":"…"} (the nickname is the address's local
 * part; both are "" when the editor's address is withheld). A User from Session has none.
 */
export class EventUser extends User {
  override _ownProperties(): Record<string, unknown> {
    return { nickname: this.email.split('@')[0] ?? '', email: this.email };
  }
}

export function createSession(ctx: ExecutionContext): GasObject {
  return new SessionService(ctx);
}
