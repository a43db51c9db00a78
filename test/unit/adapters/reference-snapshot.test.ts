/**
 * The Settings/Staff snapshot's shape check (src/server/adapters/reference-snapshot.ts): what the
 * add-on writes is read back as written; a snapshot of another shape (another version's settings, a
 * role or unit this version does not know, a torn or hand-made value) is refused, so the tabs are
 * read afresh.
 */
import { parseReferenceSnapshot } from '../../../src/server/adapters/reference-snapshot';
import { defaultSettings, parseSettings, settingsSheetRows } from '../../../src/core/settings';
import { SettingsSchema } from '../../../src/core/settings-model';
import type { ReferenceData } from '../../../src/server/adapters/reference-data';

function snapshot(): ReferenceData {
  // As readReferenceData builds it: the settings parsed from the tab the add-on lays out.
  const parsed = parseSettings(settingsSheetRows({ ...defaultSettings(), replyTo: 'desk@example.org' }));
  return {
    settings: parsed.settings,
    staff: [
      { email: 'sam@example.org', name: 'Sam', role: 'Supervisor', active: true },
      { email: 'tia@example.org', name: 'Tia', role: 'Technician', active: false },
    ],
    timeZone: 'Europe/London',
    problems: ['A problem found in the Staff tab'],
    installationOwner: 'owner@example.org',
  };
}

test('what the add-on writes is read back as written, and passes the Settings schema', () => {
  const data = snapshot();
  expect(parseReferenceSnapshot(JSON.stringify(data))).toEqual(data);
  expect(parseReferenceSnapshot(JSON.stringify({ ...data, installationOwner: null }))).not.toBeNull();
  // The values the check trusts are the schema's own: parsing the tab gave settings it accepts.
  expect(SettingsSchema.safeParse(data.settings).success).toBe(true);
});

test('a snapshot of another shape is refused (the tabs are then read afresh)', () => {
  const data = snapshot();
  const settings = data.settings as unknown as Record<string, unknown>;
  const { digestHour: _dropped, ...missing } = settings;
  const refused: unknown[] = [
    { ...data, settings: missing },
    { ...data, settings: { ...settings, aNewSetting: true } },
    { ...data, settings: { ...settings, digestHour: '7' } },
    { ...data, settings: { ...settings, notifyRequestor: 'TRUE' } },
    { ...data, settings: { ...settings, categories: [] } },
    { ...data, settings: { ...settings, locations: [''] } },
    {
      ...data,
      settings: { ...settings, priorities: [{ ...data.settings.priorities[0], completeUnit: 'weeks' }] },
    },
    {
      ...data,
      settings: { ...settings, priorities: [{ ...data.settings.priorities[0], respondHours: '1' }] },
    },
    { ...data, staff: [{ email: 'x@example.org', name: 'X', role: 'Janitor', active: true }] },
    { ...data, staff: [{ email: 'x@example.org', name: 'X', role: 'Technician' }] },
    { ...data, timeZone: '' },
    { ...data, problems: [1] },
    { ...data, installationOwner: 7 },
    { ...data, extra: 1 },
    [],
    null,
  ];
  for (const value of refused) expect(parseReferenceSnapshot(JSON.stringify(value))).toBeNull();
  expect(parseReferenceSnapshot('{"settings":')).toBeNull();
});
