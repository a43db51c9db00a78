/**
 * The intake form's asset question follows the Assets tab: its choices are the active assets
 * ("PUMP-01 — Boiler feed pump (Plant room)"), and with none it is not asked. Setup keeps it so, and so
 * does every accepted edit of the Assets tab (through the same ensureIntakeForm).
 */
import { activeAssets, assetChoice, type Asset } from '../../../core/assets';
import type { Settings } from '../../../core/settings';
import { ensureIntakeForm } from '../setup/intake-form';
import { SetupReport } from '../setup/report';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function assetChoices(assets: readonly Asset[]): string[] {
  return activeAssets(assets).map(assetChoice);
}

/** After an accepted Assets edit: the form's asset question as the tab now says. */
export function syncAssetQuestion(ss: Spreadsheet, settings: Settings, assets: readonly Asset[]): void {
  ensureIntakeForm(ss, settings, new SetupReport(), assetChoices(assets));
}
