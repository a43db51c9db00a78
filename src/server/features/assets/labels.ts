/**
 * Labels: the menu item that opens the printable QR labels dialog (administrators, who keep the Assets
 * tab), and `labelsLoad`, which the dialog calls through google.script.run: one label per active asset
 * and per location, each carrying the intake form's link pre-filled with its location (and asset), so a
 * request made by scanning it arrives tagged. The codes are drawn in the dialog itself, by a library
 * bundled into the page: no link leaves for a third-party service.
 */
import { activeAssets, assetChoice } from '../../../core/assets';
import { ASSET_QUESTION, FORM_QUESTIONS } from '../../../core/intake';
import { buildLabels, prefillTemplate, type PrefillTemplate } from '../../../core/labels';
import type { LabelsLoadResponse } from '../../../shared/labels';
import { administratorOnly } from '../../adapters/administrators';
import { PROPERTY_KEYS, getProperty } from '../../adapters/document-properties';
import { isListItem, openFormOrNull } from '../../adapters/forms';
import { recordedInstallationOwner } from '../setup/installation';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { alertUser, showDialog } from '../../adapters/ui';
import { activeSpreadsheet, UserFacingError } from '../../adapters/workbook';
import { answer, refusal } from '../review/respond';
import { readAssets } from './assets-tab';
import type { Form, Item } from '../../adapters/apps-script-types';

export const LABELS_FILE = 'LabelsDialog';
export const LABELS_TITLE = 'Request labels';

/** Why `email` may not print labels (with whom to ask), or null. */
function mayPrint(reference: ReferenceData, email: string): string | null {
  return administratorOnly(reference, email, 'print request labels');
}

/** Menu: Print request labels. */
export function openLabelsDialog(): void {
  const ss = activeSpreadsheet();
  const refused = mayPrint(loadReferenceData(ss), currentUserEmail());
  if (refused) return alertUser(LABELS_TITLE, refused);
  showDialog(LABELS_FILE, LABELS_TITLE, 900, 640);
}

function itemTitled(form: Form, title: string): Item | null {
  const wanted = title.trim().toLowerCase();
  return form.getItems().find((item) => item.getTitle().trim().toLowerCase() === wanted) ?? null;
}

/**
 * One pre-filled link from the form, with a real location and asset choice (a list item refuses any
 * other answer), read for which entry answers which question.
 */
function templateOf(form: Form, location: string, assetAnswer: string | null): PrefillTemplate {
  const locationTitle = FORM_QUESTIONS.find((q) => q.key === 'location')?.title ?? 'Location';
  const locationItem = itemTitled(form, locationTitle);
  const assetItem = assetAnswer === null ? null : itemTitled(form, ASSET_QUESTION.title);
  let response = form.createResponse();
  if (locationItem) {
    const typed = isListItem(locationItem);
    response = response.withItemResponse(
      typed
        ? locationItem.asListItem().createResponse(location)
        : locationItem.asTextItem().createResponse(location),
    );
  }
  if (assetItem && assetAnswer !== null)
    response = response.withItemResponse(assetItem.asListItem().createResponse(assetAnswer));
  return prefillTemplate(response.toPrefilledUrl(), { location, asset: assetItem ? assetAnswer : null });
}

/** The dialog's call: every label, or a refusal to show. */
export function labelsLoad(): LabelsLoadResponse {
  return answer((): LabelsLoadResponse => {
    const ss = activeSpreadsheet();
    const reference = loadReferenceData(ss);
    const refused = mayPrint(reference, currentUserEmail());
    if (refused) return refusal(refused);
    const assets = activeAssets(readAssets(ss, reference.settings).assets);
    const locations = reference.settings.locations;
    const form = openFormOrNull(getProperty(PROPERTY_KEYS.formId) ?? '');
    if (!form) {
      // A form is private to the account that made it until setup shares it with the administrators.
      const owner = recordedInstallationOwner();
      const who =
        owner && owner !== currentUserEmail().toLowerCase()
          ? `ask the installation owner ${owner} to run Set up work orders (it shares the forms with the administrators)`
          : 'run Set up work orders (it makes a new one if it was deleted)';
      throw new UserFacingError(
        `The request form could not be opened: it was deleted, or it is not shared with you. To mend it, ${who}, then try again.`,
      );
    }
    const first = assets[0];
    const sampleLocation = first?.location || locations[0] || '';
    const template = templateOf(form, sampleLocation, first ? assetChoice(first) : null);
    return {
      ok: true,
      organizationName: reference.settings.organizationName,
      labels: buildLabels(template, assets, locations),
    };
  });
}
