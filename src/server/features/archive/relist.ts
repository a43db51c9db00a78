/**
 * The list of archive spreadsheets made again when it cannot be read (./files). Only the add-on's code
 * writes it, so that is a fault of the add-on's, yet without the list no archive run, Verify nor Find
 * reaches an archived order. What survives is the note the add-on keeps on the Settings tab (Value of
 * retentionDays), one line and link per file. Any editor can change a note, so a file it links is
 * listed only when it is named as the add-on names them ("Work Orders Archive 2026") and its Archive
 * tab holds a row whose Archive MAC verifies with the add-on's key, which no editor holds. Nothing is
 * listed unless every link passes (a forged or mistyped link is named, to be taken out of the note), and
 * the unreadable text is kept under a key of its own, never simply overwritten.
 */
import { archiveRowMac, ARCHIVE_MAC_HEADER } from '../../../core/covered-rows';
import type { HmacKey } from '../../../core/keyed-chain';
import { documentKey } from '../../adapters/addon-secret';
import { readArchiveFileHead, readNoteOnSetting } from '../../adapters/archive-tab';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import { openSpreadsheetOrNull } from '../../adapters/spreadsheet-files';
import { UserFacingError } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { archiveFileName, saveArchiveFiles, storedArchiveFiles, type ArchiveFile } from './files';

/** Links read from the note at most: a note pasted full of links must not open hundreds of files. */
const MAX_LINKS = 40;
/** Rows of a linked file's Archive tab read for a sealed one: a year's file can hold tens of thousands. */
const ROWS_LOOKED_AT = 50;
const LINK = /https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)[^\s]*/g;
const NAMED = /^Work Orders Archive (\d{4})$/;

/** Whether some row of an archive tab's `values` carries the Archive MAC the add-on's key gives it. */
function holdsSealedRow(values: readonly unknown[][], key: HmacKey): boolean {
  const [header = [], ...rows] = values;
  const macAt = header.findIndex((h) => String(h).trim() === ARCHIVE_MAC_HEADER);
  if (macAt < 0) return false;
  return rows.some(
    (row) => String(row[macAt] ?? '') !== '' && archiveRowMac(key, header, row) === row[macAt],
  );
}

/** The linked file, checked; or why it is not an archive spreadsheet of this add-on's. */
function checked(id: string, url: string, key: HmacKey | null): ArchiveFile | string {
  const ss = openSpreadsheetOrNull(id);
  if (!ss) return `${url} cannot be opened (deleted, or not shared with you)`;
  const name = ss.getName();
  const year = Number(NAMED.exec(name)?.[1] ?? NaN);
  if (!Number.isInteger(year))
    return `${url} is "${name}", not named as Work Orders names its archive spreadsheets`;
  const values = readArchiveFileHead(ss, ROWS_LOOKED_AT);
  if (!key || !values || !holdsSealedRow(values, key))
    return `"${name}" (${url}) has no archived work order sealed by this add-on in the first rows of its Archive tab`;
  return { year, id, name: archiveFileName(year), url: ss.getUrl() };
}

/** The files the note links, checked, and what was wrong with the others. */
function fromNote(live: Spreadsheet): { files: ArchiveFile[]; wrong: string[] } {
  const key = documentKey();
  const ids = new Map<string, string>();
  for (const m of readNoteOnSetting(live, 'retentionDays').matchAll(LINK))
    if (ids.size < MAX_LINKS && !ids.has(m[1] as string)) ids.set(m[1] as string, m[0]);
  const files: ArchiveFile[] = [];
  const wrong: string[] = [];
  for (const [id, url] of ids) {
    const file = checked(id, url, key);
    if (typeof file === 'string') wrong.push(file);
    else if (files.some((f) => f.year === file.year))
      wrong.push(`${url} is a second "${file.name}" (the note links another one before it)`);
    else files.push(file);
  }
  return { files: files.sort((a, b) => a.year - b.year), wrong };
}

/**
 * When the list cannot be read: lists again the files the Settings note links (opening each once),
 * and says so in a sentence for the run's summary; null when the list reads. Refuses, with what to do,
 * when the note links none or a link does not pass.
 */
export function relistIfUnreadable(live: Spreadsheet): string | null {
  if (storedArchiveFiles().files) return null;
  const { files, wrong } = fromNote(live);
  if (files.length === 0 || wrong.length > 0)
    throw new UserFacingError(
      "Work Orders' list of its archive spreadsheets cannot be read, and it could not be made again from the note " +
        `on the Settings tab (Value of retentionDays): ${wrong.length > 0 ? wrong.join('; ') : 'the note links no archive spreadsheet'}. ` +
        'Find the spreadsheets named "Work Orders Archive" and a year in Google Drive, put the link of each in that note, ' +
        'one a line, with no other link, and run Archive closed work orders again. Nothing was moved.',
    );
  const listed = withOwnerAndDocumentLocks(() => {
    const stored = storedArchiveFiles();
    if (stored.files) return false; // another run listed them meanwhile
    const props = documentProperties();
    props.setProperty(PROPERTY_KEYS.archiveFilesUnreadable, stored.text);
    saveArchiveFiles(files);
    return true;
  });
  if (!listed) return null;
  return (
    "Work Orders' list of its archive spreadsheets could not be read, so it was made again from the links in the note " +
    `on the Settings tab, each checked to hold work orders this add-on archived: ${files.map((f) => `"${f.name}"`).join(', ')}.`
  );
}
