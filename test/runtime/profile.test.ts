/**
 * The sandbox's CPU profiles (runtime/sandbox/worker.ts): with WO_PROFILE_DIR set, each execution of
 * the entry point WO_PROFILE_ENTRY names writes a V8 CPU profile of its run, and no other does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalAppsScript, Scope } from '../../runtime';

const source = `
function busy() {
  var x = 0;
  for (var i = 0; i < 5000000; i++) x = (x + i * 7) % 1000003;
  return x;
}
function idle() {
  return 1;
}
`;

interface Profile {
  nodes: Array<{ callFrame: { functionName: string; url: string } }>;
  samples: number[];
}

test('an execution of the named entry point leaves a CPU profile naming its functions; others leave none', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wo-profile-'));
  const saved = { dir: process.env.WO_PROFILE_DIR, entry: process.env.WO_PROFILE_ENTRY };
  // Read by each sandbox worker when it starts, so set before the runtime starts any.
  process.env.WO_PROFILE_DIR = dir;
  process.env.WO_PROFILE_ENTRY = 'busy';
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
  try {
    const ssId = rt.createSpreadsheet('Profiled', 'a@example.com');
    const busy = await rt.run('busy', { user: 'a@example.com', spreadsheetId: ssId });
    expect(busy.ok).toBe(true);
    expect((await rt.run('idle', { user: 'a@example.com', spreadsheetId: ssId })).ok).toBe(true);
    const files = fs.readdirSync(dir);
    expect(files).toEqual([expect.stringMatching(/^busy-\d+\.cpuprofile$/)]);
    const profile = JSON.parse(fs.readFileSync(path.join(dir, files[0]!), 'utf8')) as Profile;
    expect(profile.samples.length).toBeGreaterThan(0);
    const frames = profile.nodes.map(({ callFrame: { functionName, url } }) => ({ functionName, url }));
    expect(frames).toContainEqual({ functionName: 'busy', url: 'Code.js' });
  } finally {
    await rt.close();
    process.env.WO_PROFILE_DIR = saved.dir;
    process.env.WO_PROFILE_ENTRY = saved.entry;
    if (saved.dir === undefined) delete process.env.WO_PROFILE_DIR;
    if (saved.entry === undefined) delete process.env.WO_PROFILE_ENTRY;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
