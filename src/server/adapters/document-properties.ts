import { documentPropertiesOrNull } from './service-handles';

/**
 * Document properties: per spreadsheet (an add-on's script properties are shared by every spreadsheet
 * that installed it, so nothing document-specific may go there). Keys are declared here, once.
 */
export const PROPERTY_KEYS = {
  requestCounter: 'wo.counter.request',
  woCounters: 'wo.counter.workOrder',
  intakeLedger: 'wo.intake.ledger',
  formId: 'wo.form.id',
  setupVersion: 'wo.setup.version',
  notifiedErrors: 'wo.errors.notified',
  escalations: 'wo.hourly.escalations',
  lastDigest: 'wo.hourly.lastDigest',
  /** The supervisor review queue (adapters/review-queue.ts); its chunks are `wo.review.index.<n>`. */
  reviewIndex: 'wo.review.index',
  /** The account whose installable triggers serve this spreadsheet (features/setup/installation.ts). */
  installationOwner: 'wo.installation.owner',
  /** The Staff and Settings tabs as last accepted (features/edits/reference-edit.ts); never a cache. */
  acceptedStaff: 'wo.accepted.staff',
  acceptedSettings: 'wo.accepted.settings',
} as const;
export type PropertyKey = (typeof PROPERTY_KEYS)[keyof typeof PROPERTY_KEYS];

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  const props = documentPropertiesOrNull();
  if (!props) throw new Error('Document properties are not available outside a spreadsheet.');
  return props;
}

export function getProperty(key: PropertyKey): string | null {
  return documentProperties().getProperty(key);
}

export function setProperty(key: PropertyKey, value: string): void {
  documentProperties().setProperty(key, value);
}
