import { LocalAppsScript, Scope } from '../../../runtime';

/**
 * MailApp's per-message limits, from the quotas page's "Current limitations"
 * (developers.google.com/apps-script/guides/services/quotas): a body of 200 KB on a consumer
 * (gmail.com) account but 400 KB on Google Workspace; 250 attachments and 25 MB of attachments on both.
 */
const source = `
function sendBody(kb) {
  try { MailApp.sendEmail('x@example.com', 's', new Array(kb * 1024 + 1).join('b')); return 'sent'; }
  catch (e) { return e.message; }
}
function sendSubject(chars) {
  try { MailApp.sendEmail('x@example.com', new Array(chars + 1).join('s'), 'b'); return 'sent'; }
  catch (e) { return e.message; }
}
function left() { return MailApp.getRemainingDailyQuota(); }
function sendAttachments(count, bytesEach) {
  var files = [];
  for (var i = 0; i < count; i++) files.push(Utilities.newBlob(new Array(bytesEach + 1).join('a'), 'text/plain', 'f' + i));
  try { MailApp.sendEmail('x@example.com', 's', 'b', { attachments: files }); return 'sent'; }
  catch (e) { return e.message; }
}
`;

const rt = LocalAppsScript.fromSource(
  source,
  { oauthScopes: [Scope.sendMail] },
  { accounts: { kind: 'mixed', workspaceDomains: ['example.com'] } },
);
afterAll(() => rt.close());
const run = async (entry: string, args: unknown[], user = 'staff@example.com') =>
  (await rt.run(entry, { user, spreadsheetId: 'doc1', args })).value;

test('a body past 200 KB is refused on a consumer account and sent from Workspace up to 400 KB', async () => {
  expect(await run('sendBody', [200], 'someone@gmail.com')).toBe('sent');
  expect(await run('sendBody', [201], 'someone@gmail.com')).toBe('Limit Exceeded: Email Body Size.');
  expect(await run('sendBody', [300])).toBe('sent');
  expect(await run('sendBody', [400])).toBe('sent');
  expect(await run('sendBody', [401])).toBe('Limit Exceeded: Email Body Size.');
});

test('more than 250 attachments, or more than 25 MB of them, are refused', async () => {
  expect(await run('sendAttachments', [250, 1])).toBe('sent');
  expect(await run('sendAttachments', [251, 1])).toBe('Limit Exceeded: Email Attachments Per Message.');
  expect(await run('sendAttachments', [5, 5 * 1024 * 1024])).toBe('sent');
  expect(await run('sendAttachments', [6, 5 * 1024 * 1024])).toBe(
    'Limit Exceeded: Email Total Attachments Size.',
  );
});

test('a subject of 250 characters is sent; a longer one is refused, and nothing counts against the quota', async () => {
  // Reported by scripts that met it: "Argument too large: subject" past 250 characters.
  const before = (await rt.run('left', { user: 'staff@example.com', spreadsheetId: 'doc1' })).value;
  expect(await run('sendSubject', [250])).toBe('sent');
  expect(await run('sendSubject', [251])).toBe('Argument too large: subject');
  expect((await rt.run('left', { user: 'staff@example.com', spreadsheetId: 'doc1' })).value).toBe(
    (before as number) - 1,
  );
});
