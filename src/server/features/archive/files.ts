/**
 * The archive spreadsheets: one file per year of closure ("Work Orders Archive 2026"), created by the
 * add-on on first use, listed in document properties (only the add-on's code can change that list, so
 * a sheet edit cannot point Verify or Find at another file) and shown on the Settings tab.
 *
 * Each file holds one tab, Archive: the register's header plus Archived At and Archive MAC. The ids it
 * already holds are read once per execution (one read of one column) and kept up to date as rows are
 * appended, so a resumed chunk never copies a row twice.
 */
import * as z from '../../../core/validator';
import { normalizeHeader } from '../../../core/headers';
import { registerLayout } from '../../../core/columns';
import { SHEET_NAMES } from '../../../core/model';
import {
  appendArchiveHeaders,
  archiveTab,
  noArchiveTab,
  noteOnSetting,
  readArchiveFileValues,
  readArchiveIds,
} from '../../adapters/archive-tab';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import { createSpreadsheetFile, openSpreadsheetOrNull } from '../../adapters/spreadsheet-files';
import { UserFacingError, readHeaderRow, readTabValues } from '../../adapters/workbook';
import { firstTab, gridRows, lastUsedRow, renameTab } from '../../adapters/tabs';
import { archiveHeader } from './plan';
import { shareArchiveFile } from './file-sharing';
import type { ArchiveSharing } from '../../../core/access-grants';

import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

const ArchiveFileSchema = z.lazySchema(() =>
  z.object({
    year: z.int(),
    id: z.string().check(z.minLength(1)),
    name: z.string(),
    url: z.string(),
    /** Who the add-on has shared it with ("edit:<email>", "view:<email>"): shared again only when this grows. */
    shared: z.optional(z.array(z.string())),
  }),
);
const ArchiveFilesSchema = z.lazySchema(() => z.array(ArchiveFileSchema));
export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

export const archiveFileName = (year: number): string => `Work Orders Archive ${year}`;

/** The list as stored, `files` null when it cannot be read (`text` as it is, kept by ./relist). */
export function storedArchiveFiles(): { text: string; files: ArchiveFile[] | null } {
  const text = documentProperties().getProperty(PROPERTY_KEYS.archiveFiles) ?? '';
  return { text, files: text === '' ? [] : z.parseStoredJson(ArchiveFilesSchema, text) };
}

/**
 * Only the add-on's code writes the list, so an unreadable one is its own fault, not an editor's; the
 * files are intact, and the archive run lists them again (./relist). Find shows this to a supervisor.
 */
export const ARCHIVE_LIST_UNREADABLE =
  "Work Orders' list of its archive spreadsheets cannot be read, so the work orders archived in them " +
  'cannot be reached. Nothing was changed, and the spreadsheets themselves are intact: ' +
  'an administrator can run Archive closed work orders, which lists them again from the links in the ' +
  'note on the Settings tab (Value of retentionDays) and then goes on as usual.';

/** The archive files this spreadsheet's add-on created, oldest year first. */
export function listArchiveFiles(): ArchiveFile[] {
  const { files } = storedArchiveFiles();
  if (!files) throw new UserFacingError(ARCHIVE_LIST_UNREADABLE);
  return [...files].sort((a, b) => a.year - b.year);
}

export function saveArchiveFiles(files: readonly ArchiveFile[]): void {
  documentProperties().setProperty(PROPERTY_KEYS.archiveFiles, JSON.stringify(files));
}

/**
 * What to do about an archive file one cannot open: after a take-over the administrator who made it
 * may have left, and nobody here knows who owns it; Google's own request for access reaches its owner.
 */
const ASK_ACCESS =
  'Open that link and ask for edit access (Google sends the request to the file’s owner, the administrator who ' +
  'ran the archive that made it), or have an administrator who can open it run Archive closed work orders, ' +
  'which shares it with every active administrator';

/** Why Verify could not read archive file `file`, and what to do before `then`. */
export function cannotOpen(file: ArchiveFile, then: string): string {
  return `${file.url} cannot be opened (deleted, or not shared with you). ${ASK_ACCESS}, then ${then}`;
}

export function openArchiveFile(file: ArchiveFile): Spreadsheet {
  const ss = openSpreadsheetOrNull(file.id);
  if (!ss)
    throw new UserFacingError(
      `The archive spreadsheet "${file.name}" (${file.url}) cannot be opened: it was deleted, or it is not ` +
        `shared with you. ${ASK_ACCESS}, then run this again. Nothing was moved to it.`,
    );
  return ss;
}

export interface ArchiveTarget {
  file: ArchiveFile;
  /** The archive spreadsheet, and its Archive tab. */
  book: Spreadsheet;
  sheet: Sheet;
  header: string[];
  /** Request id → its row in the archive tab. */
  rows: Map<string, number>;
  /** The last row holding data, and how many rows the tab has. */
  lastRow: number;
  maxRows: number;
}

export type { ArchiveSharing };

/** The archive targets of one execution, by year: opened (or created) once, their ids read once. */
export class ArchiveTargets {
  private readonly open = new Map<number, ArchiveTarget>();
  /** What could not be shared, and whose access was taken back, in words, for the run's summary. */
  readonly problems: string[] = [];
  readonly changes: string[] = [];

  constructor(
    private readonly registerHeader: readonly string[],
    private readonly sharing: ArchiveSharing,
    private readonly me: string,
  ) {}

  /** Whether `year`'s archive file was opened (or made) by this run already. */
  isOpen(year: number): boolean {
    return this.open.has(year);
  }

  target(year: number): ArchiveTarget {
    const cached = this.open.get(year);
    if (cached) return cached;
    const known = listArchiveFiles().find((f) => f.year === year);
    const target = known ? this.opened(known) : this.created(year);
    this.open.set(year, target);
    return target;
  }

  /** Shares the file as Staff wants it, taking back what the add-on gave someone who left the role (./file-sharing). */
  private share(ss: Spreadsheet, file: ArchiveFile): ArchiveFile {
    return shareArchiveFile(ss, file, this.sharing, this.me, {
      changes: this.changes,
      problems: this.problems,
    });
  }

  private opened(listed: ArchiveFile): ArchiveTarget {
    const ss = openArchiveFile(listed);
    const file = this.share(ss, listed);
    const sheet = archiveTab(ss);
    if (!sheet)
      throw new UserFacingError(
        `The archive spreadsheet "${file.name}" (${file.url}) ${noArchiveTab('run this again. Nothing was moved to it.')}`,
      );
    // A run stopped right after creating the file left its tab as Google made it.
    if (sheet.getName() !== SHEET_NAMES.archive) renameTab(sheet, SHEET_NAMES.archive);
    const existing = readHeaderRow(sheet);
    const header = this.completeHeader(sheet, existing);
    const idAt = idColumn(header, this.registerHeader);
    const lastRow = lastUsedRow(sheet);
    const rows = readArchiveIds(sheet, idAt, lastRow);
    return { file, book: ss, sheet, header, rows, lastRow: Math.max(1, lastRow), maxRows: gridRows(sheet) };
  }

  /**
   * A new file for `year`, recorded in the list before anything is written to it, so a run stopped
   * here finds and reuses it.
   */
  private created(year: number): ArchiveTarget {
    const name = archiveFileName(year);
    const ss = createSpreadsheetFile(name);
    const file: ArchiveFile = { year, id: ss.getId(), name, url: ss.getUrl() };
    const files = [...listArchiveFiles().filter((f) => f.year !== year), file];
    saveArchiveFiles(files);
    this.share(ss, file);
    const sheet = firstTab(ss);
    if (!sheet) throw new Error(`The new spreadsheet "${name}" has no tab.`);
    renameTab(sheet, SHEET_NAMES.archive);
    const header = this.completeHeader(sheet, []);
    return { file, book: ss, sheet, header, rows: new Map(), lastRow: 1, maxRows: gridRows(sheet) };
  }

  /** The archive header, with any register column it lacks added (one write when one is missing). */
  private completeHeader(sheet: Sheet, existing: readonly string[]): string[] {
    const { header, added } = archiveHeader(existing, this.registerHeader);
    appendArchiveHeaders(sheet, existing, added, header.length);
    return header;
  }
}

/** The archive header's column of the register's Request ID. */
export function idColumn(header: readonly string[], registerHeader: readonly string[]): number {
  const idHeader = registerHeader[registerLayout(registerHeader).indexOf.id] ?? 'Request ID';
  return header.findIndex((h) => normalizeHeader(h) === normalizeHeader(idHeader));
}

/**
 * Lists the archive files in a note on the retention setting's Value cell of the Settings tab (a note
 * is not a value: the Settings parser and the edit checks never see it), after each run that wrote to
 * an archive file, outside the locks. The list in document properties is what the add-on trusts.
 */
export function showOnSettings(live: Spreadsheet, files: readonly ArchiveFile[]): void {
  const lines = files.map((f) => `${f.name}: ${f.url}`);
  noteOnSetting(
    live,
    'retentionDays',
    `Archive spreadsheets (made by Archive closed work orders):\n${lines.join('\n')}`,
  );
}

/** Archived rows as Verify reads them: a tab's values (header first), or why it could not be read. */
export interface ArchivedRows {
  /** How Verify names it: "Archive" (the old in-spreadsheet tab) or an archive file's name. */
  label: string;
  values: unknown[][];
  unreadable?: string;
}

/**
 * Every place archived rows are kept: the Archive tab of this spreadsheet (archives made before the
 * archive files), then each archive file (one open and one read each); only those named in `wanted`
 * when given.
 */
export function archivedRowSources(
  live: Spreadsheet,
  wanted: ReadonlySet<string> | null = null,
): ArchivedRows[] {
  const sources: ArchivedRows[] = [];
  const tab = !wanted || wanted.has(SHEET_NAMES.archive) ? readTabValues(live, SHEET_NAMES.archive) : null;
  if (tab) sources.push({ label: SHEET_NAMES.archive, values: tab });
  return [...sources, ...fromEachFile(readArchiveFileValues, wanted)];
}

/**
 * The tab `name` (Checklist Items, Time, Parts Used) of each archive file, where archived orders' work
 * records go (records.ts): one open and one read each; a file without that tab gives no rows.
 */
export function archivedTabSources(name: string): ArchivedRows[] {
  return fromEachFile((ss) => readTabValues(ss, name) ?? []);
}

function fromEachFile(
  read: (ss: Spreadsheet) => unknown[][] | null,
  wanted: ReadonlySet<string> | null = null,
): ArchivedRows[] {
  const files = listArchiveFiles().filter((file) => !wanted || wanted.has(file.name));
  return files.map((file) => {
    const ss = openSpreadsheetOrNull(file.id);
    const values = ss ? read(ss) : null;
    if (values) return { label: file.name, values };
    const unreadable = ss
      ? `${file.url} ${noArchiveTab('run Verify audit log again')}`
      : cannotOpen(file, 'run Verify audit log again');
    return { label: file.name, values: [], unreadable };
  });
}
