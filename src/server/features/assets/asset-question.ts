/**
 * The intake form's asset question follows the Assets tab: its choices are the active assets
 * ("PUMP-01 — Boiler feed pump (Plant room)"), and with none it is not asked. Setup keeps it so, and so
 * does every accepted edit of the Assets tab (through the same ensureIntakeForm).
 */
import { activeAssets, assetChoice, type Asset } from '../../../core/assets';
import type { Settings } from '../../../core/settings';
import { ensureIntakeForm } from '../setup/intake-form';
import { SetupReport } from '../setup/report';
import { readAssets } from './assets-tab';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function assetChoices(assets: readonly Asset[]): string[] {
  return activeAssets(assets).map(assetChoice);
}

/**
 * After an accepted Settings edit that changed the locations: the form's Location question offers
 * the new list (and the asset question drops the assets whose location is no longer on it), so a
 * requestor is not offered a location the register no longer accepts. One read of the Assets tab
 * and the form's calls, only when the list changed. A form that cannot be reached does not undo the
 * edit: the next setup puts the questions in line.
 */
export function followLocations(ss: Spreadsheet, before: Settings, after: Settings): void {
  const key = (s: Settings): string => JSON.stringify(s.locations);
  if (key(before) === key(after)) return;
  try {
    syncAssetQuestion(ss, after, readAssets(ss, after).assets);
  } catch (error) {
    console.error(`The request form's Location question could not follow Settings: ${String(error)}`);
  }
}

/** After an accepted Assets edit: the form's asset question as the tab now says. */
export function syncAssetQuestion(ss: Spreadsheet, settings: Settings, assets: readonly Asset[]): void {
  ensureIntakeForm(ss, settings, new SetupReport(), assetChoices(assets));
}
