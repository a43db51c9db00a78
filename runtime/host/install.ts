/**
 * A user gets the add-on from the Marketplace while using a spreadsheet (editor add-on authorization
 * lifecycle guide): it is installed for them and enabled in that document, so later opens run onOpen
 * in AuthMode.LIMITED; and "When an add-on is installed, onInstall() runs in AuthMode.FULL", its event
 * holding only authMode (events guide, "Install"). onInstall is a simple trigger, so it has the simple
 * triggers' 30-second limit and the identity a simple trigger reveals.
 */
import { AUTH_MODE } from './auth';
import type { AuthMode } from './auth';
import type { ExecutionRecord, LocalAppsScript } from '../index';

export async function installAddon(
  rt: LocalAppsScript,
  spreadsheetId: string,
  user: string,
): Promise<ExecutionRecord | null> {
  rt.world.spreadsheets.require(spreadsheetId);
  rt.world.addonEnabledIn.add(spreadsheetId);
  if (!rt.definesFunction('onInstall')) return null;
  const authMode: AuthMode = 'FULL';
  return rt.run('onInstall', {
    user,
    kind: 'simple-trigger',
    authMode,
    spreadsheetId,
    args: [{ authMode: AUTH_MODE.value(authMode) }],
  });
}
