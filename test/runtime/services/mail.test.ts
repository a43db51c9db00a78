import { LocalAppsScript, Scope } from '../../../runtime';

/**
 * MailApp conformance (developers.google.com/apps-script/reference/mail/mail-app and the quotas
 * page): recipients (to + cc + bcc) count against a per-account daily quota; past it sendEmail
 * throws "Service invoked too many times for one day: email."; bad addresses throw
 * "Invalid email: x"; the call needs the script.send_mail scope and full authorization.
 */
const source = `
function send(to, n) {
  for (var i = 0; i < (n || 1); i++) MailApp.sendEmail(to, 'Subject ' + i, 'Body ' + i);
  return MailApp.getRemainingDailyQuota();
}
function sendForms() {
  MailApp.sendEmail({ to: 'x@example.com', subject: 'Obj', htmlBody: '<b>hi</b>', name: 'Work Orders', cc: 'y@example.com', bcc: 'z@example.com,w@example.com' });
  MailApp.sendEmail('x@example.com', 'reply@example.com', 'Four args', 'body four');
  MailApp.sendEmail('Ann Example <ann@example.com>', 'Opts', 'plain', { replyTo: 'sup@example.com', noReply: true,
    attachments: [Utilities.newBlob('a,b', 'text/csv', 'report.csv')] });
  return MailApp.getRemainingDailyQuota();
}
function sendTo(to) { MailApp.sendEmail(to, 's', 'b'); }
function sendMany(count) {
  var list = [];
  for (var i = 0; i < count; i++) list.push('u' + i + '@example.com');
  MailApp.sendEmail(list.join(','), 's', 'b');
}
function quota() { return MailApp.getRemainingDailyQuota(); }
`;

describe('MailApp', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.sendMail] }, { mailDailyQuota: 5 });
  afterAll(() => rt.close());
  beforeEach(() => {
    rt.world.mail.clear();
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 1, 10, 0, 0)));
  });
  const run = (entry: string, args: unknown[] = [], user = 'a@example.com') =>
    rt.run(entry, { user, spreadsheetId: 'doc1', args });

  test('records messages and counts every recipient against the daily quota', async () => {
    const r = await run('sendForms');
    // 4 recipients in the first message, 1 each in the others: 6 > 5 fails the third.
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Service invoked too many times for one day: email.');
    expect(rt.world.mail.sent).toHaveLength(2);
    const [first, second] = rt.world.mail.sent;
    expect(first).toMatchObject({
      to: ['x@example.com'],
      cc: ['y@example.com'],
      bcc: ['z@example.com', 'w@example.com'],
      subject: 'Obj',
      htmlBody: '<b>hi</b>',
      name: 'Work Orders',
      from: 'a@example.com',
      executionId: r.executionId,
    });
    expect(second).toMatchObject({
      to: ['x@example.com'],
      replyTo: 'reply@example.com',
      subject: 'Four args',
      body: 'body four',
    });
    expect(r.stats.emailsSent).toBe(2);
    expect(r.stats.emailRecipients).toBe(5);
  });

  test('options form with attachments and a display-name address', async () => {
    const r = await run('sendForms', [], 'big@example.com');
    rt.world.mail.dailyQuota = 100;
    const again = await run('sendForms', [], 'other@example.com');
    rt.world.mail.dailyQuota = 5;
    expect(r.ok).toBe(false);
    expect(again.ok).toBe(true);
    expect(again.value).toBe(100 - 6);
    const third = rt.world.mail.sent.at(-1)!;
    expect(third).toMatchObject({
      to: ['Ann Example <ann@example.com>'],
      replyTo: 'sup@example.com',
      noReply: true,
    });
    expect(third.attachments).toEqual([{ name: 'report.csv', contentType: 'text/csv', size: 3 }]);
    expect(rt.world.mail.receivedBy('ann@example.com')).toHaveLength(1);
  });

  test('the quota error, per user, and its reset 24 hours after the first message, not at midnight', async () => {
    // Quotas page: "Quotas are per user and reset 24 hours after the first request."
    expect((await run('send', ['b@example.com', 5])).value).toBe(0);
    const over = await run('send', ['b@example.com', 1]);
    expect(over.error?.message).toBe('Service invoked too many times for one day: email.');
    expect((await run('quota', [], 'c@example.com')).value).toBe(5);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 1, 23, 59, 0)));
    expect((await run('quota')).value).toBe(0);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 2, 0, 0, 1)));
    expect((await run('quota')).value).toBe(0);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 2, 9, 59, 59)));
    expect((await run('quota')).value).toBe(0);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 2, 10, 0, 5)));
    expect((await run('quota')).value).toBe(5);
    // The next message opens a new window from its own time.
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 2, 15, 0, 0)));
    expect((await run('send', ['b@example.com', 2])).value).toBe(3);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 3, 14, 59, 0)));
    expect((await run('quota')).value).toBe(3);
    rt.world.clock.set(new Date(Date.UTC(2024, 4, 3, 15, 0, 5)));
    expect((await run('quota')).value).toBe(5);
  });

  test('invalid addresses, no recipient, more than 50 recipients', async () => {
    expect((await run('sendTo', ['not-an-address'])).error?.message).toBe('Invalid email: not-an-address');
    expect((await run('sendTo', [''])).error?.message).toBe('Failed to send email: no recipient');
    rt.world.mail.dailyQuota = 100;
    expect((await run('sendMany', [51])).error?.message).toBe(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    rt.world.mail.dailyQuota = 5;
    expect(rt.world.mail.sent).toHaveLength(0);
  });

  test('a manifest without script.send_mail cannot send', async () => {
    const noScope = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
    try {
      const r = await noScope.run('sendTo', {
        user: 'a@example.com',
        spreadsheetId: 'doc1',
        args: ['x@example.com'],
      });
      expect(r.error?.message).toBe(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
      expect(noScope.world.mail.sent).toHaveLength(0);
    } finally {
      await noScope.close();
    }
  });

  test('a simple trigger (AuthMode.LIMITED) cannot send mail', async () => {
    const r = await rt.run('sendTo', {
      user: 'a@example.com',
      spreadsheetId: 'doc1',
      kind: 'simple-trigger',
      args: ['x@example.com'],
    });
    expect(r.error?.message).toMatch(/^You do not have permission to call MailApp.sendEmail/);
  });

  test('an installable trigger sends as its owner (the effective user)', async () => {
    await rt.run('sendTo', {
      user: 'someone@example.com',
      effectiveUser: 'owner@example.com',
      spreadsheetId: 'doc1',
      kind: 'installable-trigger',
      args: ['x@example.com'],
    });
    expect(rt.world.mail.sent[0]!.from).toBe('owner@example.com');
    expect(rt.world.mail.usedToday('owner@example.com')).toBe(1);
  });
});

test("each account's daily quota follows its kind: 1,500 on Workspace, 100 on a consumer account", async () => {
  // Quotas page, "Email recipients per day": 100 for consumer (gmail.com) accounts, 1,500 for Google
  // Workspace accounts.
  const rt = LocalAppsScript.fromSource(
    source,
    { oauthScopes: [Scope.sendMail] },
    { accounts: { kind: 'mixed', workspaceDomains: ['example.com'] } },
  );
  try {
    const quotaOf = async (user: string) =>
      (await rt.run('quota', { user, spreadsheetId: 'doc1', args: [] })).value;
    expect(await quotaOf('staff@example.com')).toBe(1500);
    expect(await quotaOf('someone@gmail.com')).toBe(100);
    rt.world.mail.dailyQuota = 7;
    expect(await quotaOf('staff@example.com')).toBe(7);
  } finally {
    await rt.close();
  }
});
