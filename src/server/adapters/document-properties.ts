import { documentPropertiesOrNull } from './service-handles';

/**
 * Document properties: per spreadsheet (an add-on's script properties are shared by every spreadsheet
 * that installed it, so nothing document-specific may go there). Every key the add-on uses is declared
 * here, once. State the hourly job needs lives in the trigger owner's properties instead
 * (./owner-state), since a time-driven trigger has no document.
 */
export const PROPERTY_KEYS = {
  /** Work-order numbers per year ({"2026": 42}), taken when an order is approved. */
  woCounters: 'wo.counter.workOrder',
  /** The intake form setup made for this spreadsheet. */
  formId: 'wo.form.id',
  /** The per-order update form (setup/update-form.ts) and its pre-filled link with a placeholder id. */
  updateFormId: 'wo.updateForm.id',
  updateFormPrefill: 'wo.updateForm.prefill',
  /** The supervisor review queue (./review-queue), a chunked value (pieces `wo.review.index.<n>`). */
  reviewIndex: 'wo.review.index',
  /** Snapshot of the Settings and Staff tabs (./reference-data), a chunked value. */
  referenceSnapshot: 'wo.reference.v2',
  /** Questions put to requestors and not answered yet (features/review/questions.ts). */
  reviewQuestions: 'wo.review.questions',
  /** The requestors' reply form (features/review/reply-form.ts) and its link, pre-filled with a placeholder. */
  replyFormId: 'wo.replyForm.id',
  replyFormLink: 'wo.replyForm.link',
  /**
   * Per form id, the administrators whose access to the add-on's forms comes with the role
   * (core/access-grants.ts, features/setup/form-sharing.ts): taken back when they leave it.
   */
  formGrants: 'wo.forms.granted',
  /** The add-on's secret (./addon-secret): keys the change log's MAC chain and the Outbox rows. */
  addonSecret: 'wo.addon.secret',
  /**
   * The change log's checkpoint (./change-log-tail). Mail intents (./change-log-mail) live beside it
   * as `wo.mail.intent.<chain position>`, only between a change and its emails.
   */
  changeLogCheckpoint: 'wo.changeLog.checkpoint',
  /** The account whose installable triggers serve this spreadsheet (features/setup/installation.ts). */
  installationOwner: 'wo.installation.owner',
  /** The Staff and Settings tabs as last accepted (features/edits/reference-edit.ts); never a cache. */
  acceptedStaff: 'wo.accepted.staff',
  acceptedSettings: 'wo.accepted.settings',
  /** The Checklists tab as last accepted (features/checklists/tab-edit.ts); never a cache. */
  acceptedChecklists: 'wo.accepted.checklists',
  /** Set once a checklist is first copied onto an order: until then no completion reads the copies. */
  checklistsInUse: 'wo.checklists.inUse',
  /**
   * The latest orders approved with no checklist copy made (features/checklists/tabs.ts), so that
   * looking up their checklist reads nothing; any copy made later takes its order out first.
   */
  checklistsNone: 'wo.checklists.none',
  /**
   * The checklist items the add-on unticked and has not ticked since (features/checklists/unticked.ts),
   * a chunked value: a ticked row of one of them is a copy pasted back.
   */
  checklistUnticks: 'wo.checklists.unticked',
  /** A floor under the request counter kept in the installation owner's properties (never restarted below it). */
  requestCounter: 'wo.counter.request',
  /** The archive spreadsheets the add-on created, one per year of closure (features/archive/files.ts). */
  archiveFiles: 'wo.archive.files',
  /** That list's text as it was when it could not be read, kept when it was made again (features/archive/relist.ts). */
  archiveFilesUnreadable: 'wo.archive.files.unreadable',
  /** The archive chunk in progress, a chunked value (features/archive/progress.ts); absent between chunks. */
  archiveProgress: 'wo.archive.progress',
  /**
   * Work-record rows copied to an archive file and not yet deleted from the live tab (features/archive
   * /progress.ts); absent between chunks.
   */
  archiveRecordsProgress: 'wo.archive.records',
  /** A Verify audit log that compares the register over several runs (features/audit/progress.ts); a chunked value. */
  verifyProgress: 'wo.verify.progress',
  /** Register rows Verify compares per run, when set (features/audit/progress.ts); tests lower it. */
  verifyRowsPerRun: 'wo.verify.rowsPerRun',
  /** When Verify last verified each archived part of the change log (features/audit/archived-rotation.ts). */
  verifyArchivedParts: 'wo.verify.archivedParts',
  /** Archived change-log rows Verify reads per run, when set (features/audit/archived-rotation.ts); tests lower it. */
  verifyArchivedRowsPerRun: 'wo.verify.archivedRowsPerRun',
  /**
   * The sheet ids of the report tabs Build reports has protected (features/reports/entry.ts): a tab of
   * a report's name that is not among them was made by someone else, and is protected when next built.
   */
  reportTabIds: 'wo.reports.tabIds',
  /** The Assets and Schedules tabs as last accepted (features/assets/catalog-edit.ts), to put back a refused paste. */
  acceptedAssets: 'wo.accepted.assets',
  acceptedSchedules: 'wo.accepted.schedules',
  /** The setup run under way, or the last one (features/setup/setup-run.ts): one setup at a time. */
  setupRun: 'wo.setup.run',
  /** When an edit last looked for change-log entries the hourly job handed off (features/edits/edit-locks.ts). */
  handOffLookedAt: 'wo.handOff.lookedAt',
  /** The register's sheet id: an edit on the register renamed is still judged (features/edits/register-identity.ts). */
  registerSheetId: 'wo.register.sheetId',
  /** The Change Log's sheet id: setup names it again when renamed (features/edits/register-identity.ts). */
  changeLogSheetId: 'wo.changeLog.sheetId',
  /**
   * The last sequence number given to an Outbox row queued with a document (./outbox-numbers.ts),
   * taken under the document lock in the section that appends the row.
   */
  outboxSeq: 'wo.outbox.seq',
  /** "1" once setup trimmed the add-on's tabs to what they hold (features/setup/tab-sizing.ts). */
  tabsSized: 'wo.setup.tabsSized',
  /**
   * When setup sealed every register row's record (./row-state-seal): from then on a record without
   * the add-on's seal is no record. Never removed.
   */
  rowStatesSealed: 'wo.rowState.sealed',
  /**
   * Where the next Set up work orders goes on giving rows their record, while one run was not enough
   * (./row-state-backfill-runs); absent otherwise.
   */
  rowStateBackfill: 'wo.rowState.backfill',
  /** Register rows setup records per run, when set (./row-state-backfill-runs); tests lower it. */
  rowStateBackfillRowsPerRun: 'wo.rowState.backfillRowsPerRun',
  /**
   * The sheet id of the KPI History tab the hourly job keeps weeks on, copied from the installation
   * owner's state by intake (features/kpi-history/keep.ts): a new owner's take-over finds it here.
   */
  kpiHistoryTab: 'wo.kpiHistory.tab',
  /**
   * The spreadsheet's time zone as setup found it (./spreadsheet-zone): every date cell is a wall clock
   * in it, so the zone is put back when someone changes it in File › Settings.
   */
  spreadsheetTimeZone: 'wo.spreadsheet.timeZone',
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

/** Several properties in one call: all of them are written, or none. */
export function setProperties(values: Partial<Record<PropertyKey, string>>): void {
  documentProperties().setProperties(values as Record<string, string>);
}
