/**
 * JavaScript's local time in a script is the project's time zone (appsscript.json `timeZone`), as on
 * live Apps Script, whatever zone the machine running the runtime is in (runtime/host/local-time-zone.ts):
 * the local Date constructor, its getters, toString and Date.parse of a date-time without an offset.
 */
import { LocalAppsScript } from '../../runtime';
import { localZoneFor } from '../../runtime/host/local-time-zone';

const SOURCE = `
function localTime() {
  var noon = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
  return {
    newYear: new Date(2026, 0, 1).getTime(),
    hours: noon.getHours(),
    offset: noon.getTimezoneOffset(),
    shown: noon.toString(),
    parsed: Date.parse('2026-07-02T10:00:00'),
    zone: Session.getScriptTimeZone(),
  };
}
`;
const USER = 'owner@example.com';

async function localTimeIn(timeZone: string): Promise<Record<string, unknown>> {
  const rt = LocalAppsScript.fromSource(SOURCE, { timeZone });
  try {
    const result = await rt.run('localTime', { user: USER, spreadsheetId: null });
    expect(result.error).toBeUndefined();
    return result.value as Record<string, unknown>;
  } finally {
    await rt.close();
  }
}

test('a project in New York sees New York local time, DST included', async () => {
  const seen = await localTimeIn('America/New_York');
  expect(seen).toMatchObject({
    newYear: Date.UTC(2026, 0, 1, 5),
    hours: 7,
    offset: 300,
    // July: EDT, four hours behind UTC.
    parsed: Date.UTC(2026, 6, 2, 14),
    zone: 'America/New_York',
  });
  expect(String(seen.shown)).toMatch(/^Thu Jan 15 2026 07:00:00 GMT-0500/);
});

test('projects in other zones, one after the other, each see their own', async () => {
  expect(await localTimeIn('Asia/Tokyo')).toMatchObject({ newYear: Date.UTC(2025, 11, 31, 15), hours: 21 });
  expect(await localTimeIn('Etc/UTC')).toMatchObject({ newYear: Date.UTC(2026, 0, 1), hours: 12, offset: 0 });
  expect(await localTimeIn('America/New_York')).toMatchObject({ hours: 7 });
});

test("Java's custom and unknown ids: whole-hour offsets, GMT for an id Java does not know", () => {
  expect(localZoneFor('GMT+5')).toBe('Etc/GMT-5');
  expect(localZoneFor('GMT-03:00')).toBe('Etc/GMT+3');
  expect(localZoneFor('Not/AZone')).toBe('Etc/UTC');
  expect(() => localZoneFor('GMT+5:30')).toThrow(/custom offset with minutes.*IANA id/);
});
