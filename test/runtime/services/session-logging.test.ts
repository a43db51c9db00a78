import { LocalAppsScript, Scope } from '../../../runtime';

/**
 * Session (developers.google.com/apps-script/reference/base/session) and Logger/console
 * (…/base/logger, …/guides/logging): the active and effective users, the script time zone;
 * Logger.log with Java format arguments and getLog(); console levels. Logging needs no scope.
 */
const source = `
function who() {
  return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(),
    Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey()];
}
function printed() {
  return [String(Session.getActiveUser()), '' + Session.getEffectiveUser(), Session.getActiveUser().toString(),
    String(SpreadsheetApp.getActiveSpreadsheet().getOwner()), String(SpreadsheetApp.getActiveSpreadsheet())];
}
function logs() {
  Logger.log('plain');
  Logger.log('%s has %s open', 'Ann', 3);
  Logger.log({ a: 1 });
  Logger.log(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
  console.log('log %s', 'x', 42);
  console.info('info');
  console.warn('warn');
  console.error('error', { code: 7 });
  return Logger.getLog();
}
function cleared() {
  Logger.log('gone');
  Logger.clear();
  Logger.log('kept');
  return Logger.getLog();
}
`;

describe('Session', () => {
  const rt = LocalAppsScript.fromSource(source, {
    oauthScopes: [Scope.userInfoEmail, Scope.spreadsheets],
    timeZone: 'Europe/Paris',
  });
  afterAll(() => rt.close());

  test('active vs effective user; script time zone; locale; a stable temporary key', async () => {
    const r = await rt.run('who', {
      user: 'editor@example.com',
      effectiveUser: 'owner@example.com',
      kind: 'installable-trigger',
      spreadsheetId: 'doc1',
    });
    const [active, effective, tz, locale, key] = r.value as string[];
    expect([active, effective, tz, locale]).toEqual([
      'editor@example.com',
      'owner@example.com',
      'Europe/Paris',
      'en',
    ]);
    expect(key).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(key).not.toContain('editor');
    const again = await rt.run('who', { user: 'editor@example.com', spreadsheetId: 'doc1' });
    expect((again.value as string[])[4]).toBe(key);
  });

  // gas-fakes test/testsession.js, run on live Apps Script: Session.getActiveUser().toString() is the email.
  test('a User prints as its email; other objects as their class', async () => {
    const ssId = rt.createSpreadsheet('Printed', 'owner@example.com');
    const r = await rt.run('printed', {
      user: 'editor@example.com',
      effectiveUser: 'owner@example.com',
      kind: 'installable-trigger',
      spreadsheetId: ssId,
    });
    expect(r.value).toEqual([
      'editor@example.com',
      'owner@example.com',
      'editor@example.com',
      'owner@example.com',
      'Spreadsheet',
    ]);
  });

  test('getActiveUser needs the userinfo.email scope', async () => {
    const noScope = LocalAppsScript.fromSource(source);
    try {
      const r = await noScope.run('who', { user: 'a@example.com', spreadsheetId: 'doc1' });
      expect(r.error?.message).toMatch(/^You do not have permission to call Session.getActiveUser/);
    } finally {
      await noScope.close();
    }
  });
});

describe('Logger and console', () => {
  const rt = LocalAppsScript.fromSource(source, { timeZone: 'Europe/Paris' });
  afterAll(() => rt.close());

  test('Logger.log formats like String.format; getLog prints timestamped lines; console has levels', async () => {
    rt.world.clock.set(new Date(Date.UTC(2024, 6, 1, 12, 0, 0)));
    const r = await rt.run('logs', { user: 'a@example.com', spreadsheetId: 'doc1', kind: 'simple-trigger' });
    expect(r.ok).toBe(true);
    const entries = rt.world.logs.forExecution(r.executionId);
    expect(entries.map((e) => [e.source, e.level, e.message])).toEqual([
      ['Logger', 'info', 'plain'],
      ['Logger', 'info', 'Ann has 3 open'],
      ['Logger', 'info', '{"a":1}'],
      ['Logger', 'info', 'Tue Jan 02 2024 04:04:05 GMT+0100 (Central European Standard Time)'],
      ['console', 'log', 'log x 42'],
      ['console', 'info', 'info'],
      ['console', 'warn', 'warn'],
      ['console', 'error', 'error {"code":7}'],
    ]);
    const lines = (r.value as string).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\[24-07-01 14:00:0\d:\d{3} CEST\] plain$/);
  });

  test('Logger.clear() empties the transcript', async () => {
    const r = await rt.run('cleared', { user: 'a@example.com', spreadsheetId: 'doc1' });
    expect(r.value).toMatch(/^\[[^\]]+\] kept\n$/);
  });
});
