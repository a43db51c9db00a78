/**
 * The bundle is exactly what clasp pushes: every declared entry point must be a real top-level function
 * of dist/Code.js, and nothing of the module system may be left in it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { LocalAppsScript } from '../../runtime';
import { ADDON_MENU } from '../../src/server/features/menu';
import { WANTED_TRIGGERS } from '../../src/server/features/setup/triggers';
import { entryPoints } from '../../src/server/entrypoints';

const dist = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const declared = Object.keys(entryPoints);

describe('dist/Code.js', () => {
  test('declares every entry point as a top-level function that Apps Script can find', () => {
    // Evaluate as Apps Script does (a script, not a module) in a bare context: only the bundle's globals.
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of declared) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  test('exposes no other function at the top level: internal helpers stay inside the bundle', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const functions = Object.keys(context).filter(
      (k) => vm.runInContext(`typeof ${k}`, context) === 'function',
    );
    expect(functions.sort()).toEqual([...declared].sort());
    // Besides the namespace, only zod's global configuration (an object: not callable by google.script.run).
    const others = Object.keys(context).filter((k) => !declared.includes(k));
    expect(others.sort()).toEqual(['WorkOrders', '__zod_globalConfig']);
  });

  test('has no import, export or require left', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  test('menu items and triggers name declared entry points', () => {
    for (const item of ADDON_MENU) if (item !== 'separator') expect(declared).toContain(item.handler);
    for (const trigger of WANTED_TRIGGERS) expect(declared).toContain(trigger.handler);
  });

  test('every entry point is callable through the local runtime', async () => {
    const rt = LocalAppsScript.load();
    try {
      // A function that does not exist fails the way Apps Script reports it…
      const missing = await rt.run('noSuchFunction', { user: 'a@example.com', spreadsheetId: null });
      expect(missing.error?.message).toBe('Script function not found: noSuchFunction');
      // …while every declared one is found (it may then refuse to work without a document).
      for (const name of declared) {
        const record = await rt.run(name, { user: 'a@example.com', spreadsheetId: null });
        expect(record.error?.message ?? '').not.toMatch(/Script function not found/);
      }
    } finally {
      await rt.close();
    }
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as {
    runtimeVersion: string;
    timeZone: string;
    oauthScopes: string[];
  };

  test('is V8 with a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/);
  });

  test('asks for exactly the least-privilege scopes we justify', () => {
    // Each scope and why it is needed; anything added to appsscript.json must be argued for here.
    const allowlist: Record<string, string> = {
      'https://www.googleapis.com/auth/spreadsheets':
        'the hourly job has no container document and must open the spreadsheet by id (currentonly cannot)',
      'https://www.googleapis.com/auth/forms': 'setup creates the intake form (FormApp.create)',
      'https://www.googleapis.com/auth/script.container.ui': 'sidebars and dialogs',
      'https://www.googleapis.com/auth/script.send_mail': 'notifications (MailApp, send only: no Gmail read)',
      'https://www.googleapis.com/auth/script.scriptapp': 'installable triggers',
      'https://www.googleapis.com/auth/userinfo.email': 'who is acting, for roles and the change log',
    };
    expect([...manifest.oauthScopes].sort()).toEqual(Object.keys(allowlist).sort());
  });
});

describe('clasp', () => {
  test('`clasp status` would push exactly dist/: the bundle, the manifest and the HTML pages', () => {
    const status = JSON.parse(
      execFileSync(path.resolve('node_modules/.bin/clasp'), ['status', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
      }),
    ) as { filesToPush: string[]; untrackedFiles: string[] };
    const built = fs
      .readdirSync('dist')
      .filter((f) => /\.(js|json|html)$/.test(f))
      .map((f) => `dist/${f}`);
    expect([...status.filesToPush].sort()).toEqual(built.sort());
    expect(status.untrackedFiles).toEqual([]);
  });
});
