/**
 * ScriptApp: installable triggers (newTrigger, getProjectTriggers, getUserTriggers, deleteTrigger),
 * the script id and authorization info. The builders are in ./trigger-builders, the Trigger objects in
 * ./trigger-object, and the stored triggers in ./trigger-registry.
 */
import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { AUTH_MODE } from '../auth';
import { enumArg, overload, signatureError } from '../args';
import { gasEnum } from '../gas-enum';
import type { GasEnumValue } from '../gas-enum';
import { EVENT_TYPE, TRIGGER_SOURCE, WEEK_DAY } from './trigger-registry';
import { Trigger, documentId } from './trigger-object';
import { TriggerBuilder } from './trigger-builders';

export {
  TriggerRegistry,
  EventType,
  TriggerSource,
  WeekDay,
  nextRun,
  MAX_TRIGGERS_PER_USER,
} from './trigger-registry';
export type {
  TriggerRecord,
  ClockSchedule,
  EventTypeName,
  TriggerSourceName,
  WeekDayName,
} from './trigger-registry';
export { ADDON_CLOCK_TOO_FREQUENT } from './trigger-builders';

export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const AUTHORIZATION_STATUS = gasEnum('ScriptApp.AuthorizationStatus', AuthorizationStatus);

/** The local project's script id (Apps Script ids are 57-character strings). */
export const LOCAL_SCRIPT_ID = '1LocalAppsScriptProjectWorkOrdersForGoogleSheets0000000000';

class ScriptAppService extends GasObject {
  readonly gasClass = 'ScriptApp';
  readonly gasService = 'Script' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return {
      AuthMode: AUTH_MODE,
      AuthorizationStatus: AUTHORIZATION_STATUS,
      EventType: EVENT_TYPE,
      TriggerSource: TRIGGER_SOURCE,
      WeekDay: WEEK_DAY,
    };
  }

  newTrigger(functionName: string): TriggerBuilder {
    overload(this.gasClass, 'newTrigger', arguments, ['string']);
    return new TriggerBuilder(this.ctx, functionName);
  }

  /** Reference: the installable triggers "associated with the current project and current user". */
  getProjectTriggers(): Trigger[] {
    overload(this.gasClass, 'getProjectTriggers', arguments, []);
    return this.ctx.world.triggers.forOwner(this.ctx.effectiveUserEmail).map((t) => new Trigger(t));
  }

  /** Reference: the triggers "owned by this user in the given spreadsheet [or form]". */
  getUserTriggers(document: unknown): Trigger[] {
    const id = arguments.length === 1 ? documentId(document) : null;
    if (id === null || typeof document === 'string')
      throw signatureError(this.gasClass, 'getUserTriggers', arguments);
    return this.ctx.world.triggers
      .forOwner(this.ctx.effectiveUserEmail)
      .filter((t) => t.documentId === id || t.sourceId === id)
      .map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: Trigger): void {
    if (arguments.length !== 1 || !(trigger instanceof Trigger))
      throw signatureError(this.gasClass, 'deleteTrigger', arguments);
    const record = this.ctx.world.triggers.byUid(trigger.getUniqueId());
    // A user can neither see nor delete another user's triggers.
    if (record && record.owner === this.ctx.effectiveUserEmail) this.ctx.world.triggers.remove(record.uid);
  }

  getScriptId(): string {
    return LOCAL_SCRIPT_ID;
  }

  getOAuthToken(): string {
    return `ya29.local-${this.ctx.executionId}`;
  }

  /**
   * The local runtime has no consent screen: a user who can run the add-on has authorized the
   * manifest's scopes, so the status is always NOT_REQUIRED.
   */
  getAuthorizationInfo(authMode: unknown): AuthorizationInfo {
    overload(this.gasClass, 'getAuthorizationInfo', arguments, ['enum'], ['enum', 'any']);
    enumArg(this.gasClass, 'getAuthorizationInfo', arguments, AUTH_MODE, authMode);
    return new AuthorizationInfo([...this.ctx.oauthScopes]);
  }
}

class AuthorizationInfo extends GasObject {
  readonly gasClass = 'AuthorizationInfo';
  readonly gasService = 'Script' as const;
  constructor(private readonly scopes: string[]) {
    super();
  }
  getAuthorizationStatus(): GasEnumValue {
    return AUTHORIZATION_STATUS.value('NOT_REQUIRED');
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return [...this.scopes];
  }
}

export function createScriptApp(ctx: ExecutionContext): GasObject {
  return new ScriptAppService(ctx);
}
