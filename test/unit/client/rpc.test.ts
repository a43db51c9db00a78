/**
 * The sidebar checks every server reply with the shared schemas (src/shared/review.ts): a reply that
 * matches is handed over untouched, one that does not becomes a refusal the status line can show.
 */
import { callServer } from '../../../src/client/review-sidebar/rpc';
import { searchServer } from '../../../src/client/review-sidebar/live';
import type { ReviewItem, ReviewView } from '../../../src/shared/review';

type Outcome = { success: unknown } | { failure: Error };

/** google.script.run answering every call with `outcome`. */
function serverAnswers(outcome: Outcome): void {
  let success = (_value: unknown): void => undefined;
  let failure = (_error: Error): void => undefined;
  const call = () => ('success' in outcome ? success(outcome.success) : failure(outcome.failure));
  const runner = {
    withSuccessHandler(handler: (value: unknown) => void) {
      success = handler;
      return runner;
    },
    withFailureHandler(handler: (error: Error) => void) {
      failure = handler;
      return runner;
    },
    reviewLoad: call,
    reviewAct: call,
    reviewFind: call,
  };
  (globalThis as Record<string, unknown>).google = { script: { run: runner } };
}

const page = { total: 0, offset: 0, pageSize: 0, items: [] };
const view: ReviewView = {
  generatedAt: '2026-03-06T09:00:00.000Z',
  timeZone: 'Europe/Paris',
  user: { email: 'sam@example.com', name: 'Sam', role: 'Supervisor' },
  sections: { submitted: page, overdue: page, approved: page, working: page, completed: page },
  marker: '',
  technicians: [{ email: 'tia@example.com', name: 'Tia', openLoad: 2 }],
  categories: ['IT'],
  priorities: [{ name: 'P3 Routine', respondHours: 24, completeWithin: 5, completeUnit: 'business days' }],
  calendar: { workingDays: 'Mon-Fri', workingHours: '08:00-17:00', holidays: '' },
  notify: { requestor: true, assignee: true },
  notices: [],
};
const item: ReviewItem = {
  id: 'REQ-000001',
  status: 'Submitted',
  revision: 1,
  rowHint: 2,
  woNumber: '',
  requesterName: 'Rae',
  requesterEmail: 'rae@example.com',
  location: 'Annex',
  urgency: 'Soon',
  priority: '',
  category: '',
  assignee: '',
  requestedAt: '2026-03-06T08:00:00.000Z',
  due: null,
  completedAt: null,
  description: 'Leak',
  resources: '',
  results: '',
  actionsTaken: '',
  reviewFlag: '',
  notes: '',
  reason: '',
  startedAt: null,
  emergency: false,
  awaitingReply: '',
  truncated: false,
  plannedDue: false,
  available: ['approve', 'reject'],
};
const NOT_UNDERSTOOD = {
  ok: false,
  message: 'The server sent a reply the sidebar does not understand. Close and reopen the sidebar.',
};

afterEach(() => delete (globalThis as Record<string, unknown>).google);

describe('callServer', () => {
  test('hands over a reply that matches the contract, as sent', async () => {
    const reply = { ok: true, view };
    serverAnswers({ success: reply });
    expect(await callServer('reviewLoad', {})).toBe(reply);
    const acted = { ok: true, message: 'Approved.', item, view: null };
    serverAnswers({ success: acted });
    expect(await callServer('reviewAct', {})).toBe(acted);
  });

  test('hands over a refusal', async () => {
    serverAnswers({ success: { ok: false, message: 'Reload to see the latest.' } });
    expect(await callServer('reviewFind', {})).toEqual({ ok: false, message: 'Reload to see the latest.' });
  });

  test.each([
    ['nothing', undefined],
    ['a reply of another function', { ok: true, view }],
    ['an item with an unknown status', { ok: true, item: { ...item, status: 'Done' } }],
    ['an item whose date is not ISO-8601', { ok: true, item: { ...item, due: 'tomorrow' } }],
    ['an item whose instant is a bare date', { ok: true, item: { ...item, due: '2026-03-06' } }],
    ['an item missing a field', { ok: true, item: { ...item, description: undefined } }],
    ['a refusal without a message', { ok: false }],
  ])('turns %s into a refusal the page can show', async (_name, reply) => {
    serverAnswers({ success: reply });
    expect(await callServer('reviewFind', {})).toEqual(NOT_UNDERSTOOD);
  });

  test('a view whose time is not a real instant is not understood', async () => {
    serverAnswers({ success: { ok: true, view: { ...view, generatedAt: '2026-13-45T99:00:00Z' } } });
    expect(await callServer('reviewLoad', {})).toEqual(NOT_UNDERSTOOD);
  });

  test('a server exception becomes a refusal naming it', async () => {
    serverAnswers({ failure: new Error('Exceeded maximum execution time') });
    expect(await callServer('reviewLoad', {})).toEqual({
      ok: false,
      message:
        'Something went wrong on the server: Exceeded maximum execution time. Close this and open it again to see ' +
        'what was saved, then try once more; if it keeps failing, tell an administrator what it said.',
    });
  });
});

test.each([
  ['a thrown Error, without its "Error: "', 'Error: Sheet not found', 'Sheet not found'],
  ['a service exception, as named', 'Exception: Service unavailable', 'Exception: Service unavailable'],
  ['a thrown string, whole', 'Busy', 'Busy'],
])('the failure handler’s message of %s is shown', async (_name, thrown, shown) => {
  // Apps Script's failure handler gets what the server threw as a string (test/runtime/html-run-functions).
  serverAnswers({ failure: new Error(thrown) });
  const reply = await callServer('reviewLoad', {});
  expect(reply).toMatchObject({ ok: false });
  expect((reply as { message: string }).message).toMatch(
    new RegExp(`^Something went wrong on the server: ${shown}\\. Close this`),
  );
});

test('a call to a function google.script.run does not offer is refused at once, not left waiting', async () => {
  serverAnswers({ success: { ok: true, items: [], total: 0 } });
  // This runner offers reviewLoad, reviewAct and reviewFind only: the search asks for reviewSearch.
  await expect(searchServer('pump')).resolves.toEqual({
    ok: false,
    message: expect.stringMatching(/"reviewSearch", which this version does not offer: reload the sidebar/),
  });
});
