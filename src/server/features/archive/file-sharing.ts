/**
 * Who reaches the archive spreadsheets, kept in step with Staff: administrators edit them, supervisors
 * read them (Find), and someone who left the role is taken off the access the add-on gave them
 * (core/access-grants.ts planArchiveSharing). Each file's record of whom it was shared with is kept in
 * the list of archive files (document properties). Nothing is called for a file whose record already
 * matches Staff; a file that cannot be opened, or a refusal, is reported and tried again by the next run.
 */
import { archiveSharingSettled, planArchiveSharing, type ArchiveSharing } from '../../../core/access-grants';
import { openSpreadsheetOrNull } from '../../adapters/spreadsheet-files';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { listArchiveFiles, saveArchiveFiles, type ArchiveFile } from './files';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What one run changed and could not change, in words, for its summary. */
export interface SharingNotes {
  changes: string[];
  problems: string[];
}

/** Shares `file` (open as `ss`) as Staff wants it and records it; returns the file as recorded. */
export function shareArchiveFile(
  ss: Spreadsheet,
  file: ArchiveFile,
  sharing: ArchiveSharing,
  me: string,
  notes: SharingNotes,
): ArchiveFile {
  const plan = planArchiveSharing(file.shared ?? [], sharing, me);
  if (archiveSharingSettled(plan)) return file;
  const record = [...plan.kept];
  const attempt = (
    people: string[],
    act: (email: string) => unknown,
    onFail: (email: string) => void,
  ): void => {
    for (const email of people) {
      try {
        act(email);
      } catch (error) {
        onFail(email);
        notes.problems.push(
          `"${file.name}" could not be unshared from ${email}: ${reason(error)}. Remove them in its Share dialog`,
        );
      }
    }
  };
  // Removals first: an administrator who became a supervisor is taken off the editors, then added back as a viewer.
  const taken: string[] = [];
  attempt(
    plan.removeEditors,
    (e) => (ss.removeEditor(e), taken.push(e)),
    (e) => record.push(`edit:${e}`),
  );
  attempt(
    plan.removeViewers,
    (e) => (ss.removeViewer(e), taken.push(e)),
    (e) => record.push(`view:${e}`),
  );
  if (taken.length > 0)
    notes.changes.push(
      `Took ${taken.join(', ')} off "${file.name}" (no longer an active administrator or supervisor on Staff).`,
    );
  const add = (people: string[], share: (list: string[]) => unknown, prefix: string): void => {
    if (people.length === 0) return;
    try {
      share(people);
      record.push(...people.map((e) => `${prefix}:${e}`));
    } catch (error) {
      notes.problems.push(
        `"${file.name}" could not be shared with ${people.join(', ')}: ${reason(error)}. Share it by hand if they need it`,
      );
    }
  };
  add(plan.addEditors, (l) => ss.addEditors(l), 'edit');
  add(plan.addViewers, (l) => ss.addViewers(l), 'view');
  const updated = { ...file, shared: record };
  saveArchiveFiles([...listArchiveFiles().filter((f) => f.year !== file.year), updated]);
  return updated;
}

/**
 * Every listed archive file whose record differs from Staff, opened and shared as Staff wants (the
 * years this run did not write to, whose files it did not open): after someone leaves a role, the
 * next archive run takes back what the add-on gave them on every file. Each file under a hold of
 * `locked`, its record read again there, as the list is written under the locks by every run.
 */
export function settleArchiveSharing(
  sharing: ArchiveSharing,
  me: string,
  notes: SharingNotes,
  locked: (body: () => void) => void,
  openedThisRun: (year: number) => boolean,
): void {
  const settled = (file: ArchiveFile): boolean =>
    archiveSharingSettled(planArchiveSharing(file.shared ?? [], sharing, me));
  for (const listed of listArchiveFiles()) {
    // A file this run opened was shared then; what failed there is reported and left to the next run.
    if (openedThisRun(listed.year) || settled(listed)) continue;
    locked(() => {
      const file = listArchiveFiles().find((f) => f.year === listed.year);
      if (!file || settled(file)) return;
      const ss = openSpreadsheetOrNull(file.id);
      if (ss) shareArchiveFile(ss, file, sharing, me, notes);
      else
        notes.problems.push(
          `"${file.name}" (${file.url}) could not be opened to bring its sharing in step with Staff (deleted, or not shared with you): open it and change its sharing by hand`,
        );
    });
  }
}
