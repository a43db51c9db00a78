/**
 * A set-up workbook in the local runtime, for feature tests: the real dist/Code.js, setup run by the
 * administrator through its menu item, staff of every role on the Staff tab. Helpers read the sheets
 * back through the host model (what a person would see), never through the add-on's own code.
 */
import { LocalAppsScript } from '../../runtime';
import type { Accounts, ExecutionRecord } from '../../runtime';
import { fireFormSubmit } from '../../runtime/host/events';
import { parseRegisterRow, registerLayout } from '../../src/core/columns';
import {
  SHEET_NAMES,
  type ChangeLogEntry,
  type Role,
  type StaffMember,
  type WorkOrder,
} from '../../src/core/model';
import { entriesOfRows } from '../../src/core/change-log-row';
import { FORM_QUESTIONS } from '../../src/core/intake';
import { forgetRememberedState } from './caches';

export const ADMIN = 'admin@example.com';
export const SUPERVISOR = 'sam.supervisor@example.com';
export const TECH = 'tina.tech@example.com';
export const TECH2 = 'theo.tech@example.com';
export const MANAGER = 'mia.manager@example.com';
export const REQUESTOR = 'rita.requestor@example.com';
export const STRANGER = 'stranger@example.net';
/**
 * A Tuesday, 10:00 in New York (the manifest's time zone): inside business hours, so a test that lets
 * the SLA clock run sees it count. Pass it as `startAt` where the outcome depends on the time of day.
 */
export const MID_MORNING = new Date('2026-11-10T15:00:00Z');

export const STAFF_ROWS: readonly (readonly [string, string, string, boolean])[] = [
  [SUPERVISOR, 'Sam Supervisor', 'Supervisor', true],
  [TECH, 'Tina Tech', 'Technician', true],
  [TECH2, 'Theo Tech', 'Technician', true],
  [MANAGER, 'Mia Manager', 'Manager', true],
];

/** STAFF_ROWS as the permission table reads them (core/permissions areaEditors and the like). */
export const STAFF_MEMBERS: readonly StaffMember[] = STAFF_ROWS.map(([email, name, role, active]) => ({
  email,
  name,
  role: role as Role,
  active,
}));

export interface Answers {
  requesterName?: string;
  description?: string;
  location?: string;
  urgency?: string;
  resources?: string;
}

export const DEFAULT_ANSWERS: Required<Answers> = {
  requesterName: 'Rita Requestor',
  description: 'The hallway light on floor 2 flickers',
  location: 'Main Building',
  urgency: 'Routine',
  resources: 'Ladder',
};

export class TestWorkbook {
  constructor(
    readonly rt: LocalAppsScript,
    readonly ssId: string,
    readonly formId: string,
  ) {}

  get model() {
    return this.rt.world.spreadsheets.require(this.ssId);
  }

  sheet(name: string) {
    return this.model.requireSheet(name);
  }

  /** All values of a sheet (row 1 included), as getValues would return them. */
  values(name: string): unknown[][] {
    const sheet = this.sheet(name);
    return sheet.readValues(1, 1, Math.max(sheet.lastRow(), 1), Math.max(sheet.lastColumn(), 1));
  }

  /** The register as work orders, with their sheet rows. Fails the test on a row that does not parse. */
  register(): { row: number; order: WorkOrder }[] {
    const [header = [], ...rows] = this.values(SHEET_NAMES.register);
    const layout = registerLayout(header);
    return rows.flatMap((cells, i) => {
      if (cells.every((c) => c === '')) return [];
      const parsed = parseRegisterRow(cells, layout, i + 2);
      if (!parsed.ok) throw new Error(parsed.error);
      return [{ row: i + 2, order: parsed.order }];
    });
  }

  order(id: string): WorkOrder {
    const found = this.register().find((r) => r.order.id === id);
    if (!found) throw new Error(`no register row for ${id}`);
    return found.order;
  }

  /** Change-log rows (header excluded). */
  changeLog(): unknown[][] {
    return this.values(SHEET_NAMES.changeLog).slice(1);
  }

  /** The change log's field-level entries, as readers of the sheet get them back (entriesOfRow). */
  changeLogEntries(): ChangeLogEntry[] {
    return entriesOfRows(this.changeLog());
  }

  /** The form's answers by question title, with defaults for what is not given. */
  answers(answers: Answers = {}): Record<string, string> {
    const merged = { ...DEFAULT_ANSWERS, ...answers };
    return Object.fromEntries(FORM_QUESTIONS.map((q) => [q.title, merged[q.key]]));
  }

  /** A requestor submits the form; returns the form-submit executions. */
  async submit(answers: Answers = {}, respondentEmail = REQUESTOR) {
    return this.rt.submitForm(this.formId, { respondentEmail, answers: this.answers(answers) });
  }

  /**
   * `count` respondents press Submit at once: Google appends every response, then runs one
   * form-submit execution each; the executions interleave at every service call.
   */
  async submitAtOnce(count: number): Promise<ExecutionRecord[]> {
    const trigger = this.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', this.ssId)[0];
    if (!trigger) throw new Error('no form-submit trigger');
    const responses = Array.from({ length: count }, (_, i) =>
      this.rt.world.forms.submit(this.formId, {
        respondentEmail: `person${i}@example.com`,
        answers: this.answers({ description: `Request ${i}` }),
      }),
    );
    return this.rt.interleaved(() =>
      Promise.all(
        responses.map((r) =>
          fireFormSubmit(this.rt, trigger, this.ssId, {
            sheetName: r.sheetName!,
            row: r.row!,
            values: r.values,
            namedValues: r.namedValues,
          }),
        ),
      ),
    );
  }

  /** A sidebar (google.script.run) call by `user`. */
  call(user: string, fn: string, ...args: unknown[]): Promise<ExecutionRecord> {
    return this.rt.run(fn, { user, spreadsheetId: this.ssId, kind: 'script-run', args });
  }

  menu(user: string, fn: string): Promise<ExecutionRecord> {
    return this.rt.runMenuItem(this.ssId, user, fn);
  }

  edit(user: string, sheetName: string, row: number, column: number, values: string[][]) {
    return this.rt.editCells({ spreadsheetId: this.ssId, sheetName, row, column, values, user });
  }

  /** Column number (1-based) of a register header. */
  registerColumn(header: string): number {
    const index = (this.values(SHEET_NAMES.register)[0] ?? []).indexOf(header);
    if (index < 0) throw new Error(`no register column ${header}`);
    return index + 1;
  }

  close(): Promise<void> {
    return this.rt.close();
  }
}

export function expectOk(record: ExecutionRecord | null): ExecutionRecord {
  // Null: nothing ran (rt.openSpreadsheet in a project without onOpen).
  if (!record) throw new Error('expected an execution, and none ran');
  if (!record.ok)
    throw new Error(`${record.entry} failed: ${record.error?.message}\n${record.error?.stack ?? ''}`);
  return record;
}

/** Loads dist/ (built by `npm test` before jest runs), creates the spreadsheet and runs setup. */
export async function setUpWorkbook(
  options: {
    mailDailyQuota?: number;
    staff?: boolean;
    distDir?: string;
    accounts?: Accounts;
    timeScale?: number;
    /** Where the world's clock starts (default: now). Tests that count per-day limits pin it. */
    startAt?: Date;
    /** The spreadsheet's time zone (default: the script's, America/New_York, as a new file gets it). */
    timeZone?: string;
  } = {},
): Promise<TestWorkbook> {
  // Set up at real speed: scaled, setup's few seconds on a busy machine would pass the 6-minute limit.
  const rt = LocalAppsScript.load({
    mailDailyQuota: options.mailDailyQuota,
    distDir: options.distDir,
    accounts: options.accounts,
  });
  if (options.startAt) rt.world.clock.set(options.startAt);
  const ssId = rt.createSpreadsheet('Maintenance work orders', ADMIN, options.timeZone);
  expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
  const form = rt.world.forms.linkedTo(ssId);
  if (!form) throw new Error('setup created no form linked to the spreadsheet');
  const workbook = new TestWorkbook(rt, ssId, form.id);
  if (options.staff !== false) {
    // Written as the administrator would type them, in one paste below the first row.
    const staff = workbook.sheet(SHEET_NAMES.staff);
    staff.writeValues(
      staff.lastRow() + 1,
      1,
      STAFF_ROWS.map((r) => [...r]),
    );
    // Staff and Settings are cached per document; a direct write like this one bypasses the edit trigger.
    forgetRememberedState(rt.world, ssId);
    // The edit trigger would also give the new staff their sheet protections: setup does it here.
    expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
    // …and leaves the caches cold, as the tests that count calls expect of a fresh workbook.
    forgetRememberedState(rt.world, ssId);
  }
  if (options.timeScale !== undefined) rt.world.clock.setScale(options.timeScale);
  return workbook;
}
