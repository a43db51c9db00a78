import { AuthMode, Scope } from './auth';
import { GasError } from './gas-object';
import type { GasObject, ServiceName } from './gas-object';
import type { ExecutionContext } from './execution';

/**
 * Which OAuth scopes a call needs (any one of them is enough), from the "Authorization" section of
 * each method in Google's Apps Script reference. Methods not listed need none.
 */
const SPREADSHEET_ANY = [Scope.spreadsheetsCurrentOnly, Scope.spreadsheets];
const FORM_ANY = [Scope.formsCurrentOnly, Scope.forms];

const byMethod: Record<string, readonly string[]> = {
  'SpreadsheetApp.openById': [Scope.spreadsheets],
  'SpreadsheetApp.openByUrl': [Scope.spreadsheets],
  'SpreadsheetApp.open': [Scope.spreadsheets],
  'SpreadsheetApp.create': [Scope.spreadsheets],
  'FormApp.create': [Scope.forms],
  'FormApp.openById': [Scope.forms],
  'FormApp.openByUrl': [Scope.forms],
  'Form.setDestination': [Scope.forms],
  'Ui.showSidebar': [Scope.containerUi],
  'Ui.showModalDialog': [Scope.containerUi],
  'Ui.showModelessDialog': [Scope.containerUi],
  'Session.getActiveUser': [Scope.userInfoEmail],
  'Session.getEffectiveUser': [Scope.userInfoEmail],
};

const byService: Partial<Record<ServiceName, readonly string[]>> = {
  Spreadsheet: SPREADSHEET_ANY,
  Form: FORM_ANY,
  Mail: [Scope.sendMail],
  Script: [Scope.scriptApp],
};

/** Classes whose calls need no scope even though their family does (enum holders, builders of menus). */
const scopeFree = new Set(['SpreadsheetApp.getUi', 'ScriptApp.getAuthorizationInfo']);

/**
 * What each mode reaches, from the "Authorization modes" table of Google's editor add-on authorization
 * guide (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): in NONE, of the
 * user's data only the locale, no document, of the user interface only menu items, no properties, and
 * of other services only Logger and Utilities; in LIMITED, the current document and properties, still
 * only menu items of the interface, and any service that touches none of the user's other data.
 */
const allowedInNone = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
  'Session.getActiveUserLocale',
]);
const servicesInNone: ReadonlySet<ServiceName> = new Set<ServiceName>(['Logging', 'Utilities']);

/** Services a simple trigger (AuthMode.LIMITED) cannot use: they need the user's authorization. */
const forbiddenInLimited: ReadonlySet<ServiceName> = new Set<ServiceName>(['Mail', 'Script', 'Form']);
/** …except asking whether authorization is needed, which is what an add-on's onOpen does. */
const allowedInLimited = new Set(['ScriptApp.getAuthorizationInfo']);
/**
 * Other files, and any interface beyond menu items: a simple onOpen's showSidebar fails on Apps Script
 * with "You do not have permission to call Ui.showSidebar. Required permissions: …script.container.ui"
 * even with that scope in the manifest (reported by scripts that tried it).
 */
const forbiddenMethodsInLimited = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'SpreadsheetApp.open',
  'SpreadsheetApp.create',
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
]);

export function requiredScopes(object: GasObject, method: string): readonly string[] {
  const key = `${object.gasClass}.${method}`;
  if (scopeFree.has(key)) return [];
  if (object.gasService === 'Ui' && !byMethod[key]) return [];
  return byMethod[key] ?? byService[object.gasService] ?? [];
}

export function checkAuthorization(ctx: ExecutionContext, object: GasObject, method: string): void {
  const key = `${object.gasClass}.${method}`;
  if (object.gasService === 'Logging') return;
  const needed = requiredScopes(object, method);
  // Google's refusal names the call and, when it needs scopes, them; a call that needs none (a
  // property read in NONE) is refused as "You do not have permission to call …" alone.
  const permissionError = () =>
    new GasError(
      `You do not have permission to call ${key}` +
        (needed.length > 0 ? `. Required permissions: ${needed.join(' || ')}` : ''),
    );
  if (ctx.authMode === AuthMode.NONE && !allowedInNone.has(key) && !servicesInNone.has(object.gasService)) {
    throw permissionError();
  }
  if (
    ctx.authMode === AuthMode.LIMITED &&
    !allowedInLimited.has(key) &&
    (forbiddenInLimited.has(object.gasService) || forbiddenMethodsInLimited.has(key))
  ) {
    throw permissionError();
  }
  if (needed.length > 0 && !needed.some((scope) => ctx.oauthScopes.includes(scope))) {
    throw permissionError();
  }
}
