import { LocalAppsScript, Scope } from '../../../runtime';
import type { ExecutionRecord, RunOptions } from '../../../runtime';

export const OWNER = 'owner@example.com';

/** Every runtime project() made in this test file: each holds sandbox worker threads until closed. */
const opened: LocalAppsScript[] = [];

// Closed once the file's tests are done, so a test that makes a runtime inline needs no teardown of
// its own (closing one a test already closed does nothing).
afterAll(async () => {
  await Promise.all(opened.splice(0).map((rt) => rt.close()));
});

/** A project made of `source`, authorized for spreadsheets, with one spreadsheet owned by OWNER. */
export function project(source: string, timeZone = 'Etc/UTC'): { rt: LocalAppsScript; id: string } {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets], timeZone });
  opened.push(rt);
  const id = rt.world.spreadsheets.create('Test', OWNER).id;
  return { rt, id };
}

/** Runs `entry` and returns its value; a script exception fails with its message. */
export async function value(
  rt: LocalAppsScript,
  entry: string,
  id: string | null,
  options: Partial<RunOptions> = {},
): Promise<unknown> {
  const r = await rt.run(entry, { user: OWNER, spreadsheetId: id, ...options });
  if (!r.ok) throw new Error(`${entry} failed: ${r.error?.name}: ${r.error?.message}`);
  return r.value;
}

/** Runs `entry` expecting an Apps Script exception; returns its message. */
export async function errorOf(
  rt: LocalAppsScript,
  entry: string,
  id: string | null,
  options: Partial<RunOptions> = {},
): Promise<string> {
  const r: ExecutionRecord = await rt.run(entry, { user: OWNER, spreadsheetId: id, ...options });
  if (r.ok) throw new Error(`${entry} was expected to fail but returned ${JSON.stringify(r.value)}`);
  return r.error?.message ?? '';
}
