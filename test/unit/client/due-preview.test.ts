/**
 * The review sidebar's due-date preview against the due date approval stamps: both are core dueDate,
 * the page's on the view's priorities and the calendar the server sends (businessHoursFrom), so they
 * must agree whatever the working days, hours and holidays are.
 */
import { duePreview } from '../../../src/client/review-sidebar/format';
import { businessHoursFrom } from '../../../src/core/business-time';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { dueDate } from '../../../src/core/sla';
import { formatLocal } from '../../../src/core/time';
import { BusinessHoursSchema } from '../../../src/shared/review';

const NEW_YORK = 'America/New_York';
// Tuesday 10 November 2026, 10:00 in New York.
const TUESDAY = new Date('2026-11-10T15:00:00Z');

function previewAndStamp(settings: typeof DEFAULT_SETTINGS, priority: string, now: Date, timeZone: string) {
  const calendar = BusinessHoursSchema.parse(businessHoursFrom(settings, now, timeZone));
  const preview = duePreview(priority, { priorities: settings.priorities, calendar, timeZone }, now);
  const stamped = dueDate(priority, now, settings, timeZone);
  return {
    preview,
    stamped: stamped && `Due ${formatLocal(stamped, timeZone)} if approved now (from the SLA settings).`,
  };
}

test('Wednesday to Friday off: 5 business days from Tuesday 10:00 is the Friday after, as approval stamps', () => {
  const settings = { ...DEFAULT_SETTINGS, holidays: '2026-11-11, 2026-11-12, 2026-11-13' };
  const { preview, stamped } = previewAndStamp(settings, 'P3 Routine', TUESDAY, NEW_YORK);
  expect(preview).toBe('Due 2026-11-20 10:00 if approved now (from the SLA settings).');
  expect(preview).toBe(stamped);
});

test('the preview matches the stamp for every priority, on other working days, hours and zones', () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    priorities: [
      ...DEFAULT_SETTINGS.priorities,
      {
        name: 'P5 Office hours',
        respondHours: 8,
        completeWithin: 12,
        completeUnit: 'business hours' as const,
      },
    ],
    workingDays: 'Sun-Thu',
    workingHours: '09:30-18:00',
    holidays: '2025-12-25, 2026-03-29, 2026-03-30, 2026-12-24, 2026-12-27',
  };
  const instants = [
    '2026-03-27T16:00:00Z',
    '2026-03-28T23:30:00Z',
    '2026-12-23T17:45:00Z',
    TUESDAY.toISOString(),
  ];
  for (const timeZone of ['Europe/Paris', NEW_YORK, 'Asia/Dubai'])
    for (const at of instants)
      for (const { name } of settings.priorities) {
        const { preview, stamped } = previewAndStamp(settings, name, new Date(at), timeZone);
        expect({ timeZone, at, name, preview }).toEqual({ timeZone, at, name, preview: stamped });
      }
});

test('the view sends the holidays from the day before on, which are all a due date from then can meet', () => {
  const settings = { holidays: '2025-12-25, 2026-11-09 2026-11-08; 2026-11-11', workingDays: 'Mon-Fri' };
  expect(businessHoursFrom(settings, TUESDAY, NEW_YORK)).toEqual({
    workingDays: 'Mon-Fri',
    workingHours: '08:00-17:00',
    holidays: '2026-11-09, 2026-11-11',
  });
});

test('an unknown priority previews nothing, as approval leaves Due empty', () => {
  const calendar = businessHoursFrom(DEFAULT_SETTINGS, TUESDAY, NEW_YORK);
  const view = { priorities: DEFAULT_SETTINGS.priorities, calendar, timeZone: NEW_YORK };
  expect(duePreview('P9 Someday', view, TUESDAY)).toBe('');
});
