import { composeDigest } from '../../../src/core/notifications';
import { makeOrder } from './fixtures';

const now = new Date('2026-03-10T08:00:00Z');
const base = { now, timeZone: 'Europe/Paris', to: ['Sam@example.com'], organizationName: 'Acme' };

describe('composeDigest', () => {
  it('summarizes what needs attention, most urgent first', () => {
    const orders = [
      makeOrder({ id: 'REQ-000001', requestedAt: new Date('2026-03-09T08:00:00Z'), description: 'Door' }),
      makeOrder({
        id: 'REQ-000002',
        woNumber: 'WO-2026-00002',
        status: 'In Progress',
        assignee: 'tom@example.com',
        due: new Date('2026-03-09T09:00:00Z'),
        description: 'Boiler',
      }),
      makeOrder({
        id: 'REQ-000003',
        woNumber: 'WO-2026-00003',
        status: 'On Hold',
        due: new Date('2026-03-08T09:00:00Z'),
        reason: 'Parts',
        description: 'Light',
      }),
      makeOrder({
        id: 'REQ-000004',
        woNumber: 'WO-2026-00004',
        status: 'Approved',
        priority: 'P2 Urgent',
        description: 'Sink',
      }),
      makeOrder({ id: 'REQ-000005', woNumber: 'WO-2026-00005', status: 'Completed', description: 'Roof' }),
      makeOrder({ id: 'REQ-000006', woNumber: 'WO-2026-00006', status: 'Closed', description: 'Old' }),
    ];
    const mail = composeDigest({ ...base, orders });
    expect(mail.to).toEqual(['sam@example.com']);
    // WO-2026-00003 is On Hold: its SLA clock is stopped, so it is not overdue (only on hold).
    expect(mail.subject).toBe('[Acme] Daily digest: 5 open, 1 overdue');
    expect(mail.body).toContain(
      [
        'Overdue (1):',
        '- WO-2026-00002 — Boiler (due 2026-03-09 10:00, tom@example.com)',
        '',
        'Waiting for a decision (1):',
        '- REQ-000001 — Door (submitted 24 h ago)',
        '',
        'Approved, not assigned (1):',
        '- WO-2026-00004 — Sink (P2 Urgent)',
        '',
        'On hold (1):',
        '- WO-2026-00003 — Light (Parts)',
        '',
        'Completed, waiting to be closed (1):',
        '- WO-2026-00005 — Roof',
      ].join('\n'),
    );
    expect(mail.body).not.toContain('Old');
    expect(mail.htmlBody).toContain('<h3>Overdue (1)</h3>');
  });
  it('caps long sections and says when nothing needs attention', () => {
    const many = Array.from({ length: 7 }, (_, i) => makeOrder({ id: `REQ-00000${i}` }));
    expect(composeDigest({ ...base, orders: many, maxPerSection: 5 }).body).toContain('- … and 2 more');
    const quiet = composeDigest({ ...base, orders: [] });
    expect(quiet.body).toContain('Nothing needs your attention today.');
    expect(quiet.subject).toBe('[Acme] Daily digest: 0 open, 0 overdue');
  });
  it('escapes user text in HTML', () => {
    const mail = composeDigest({ ...base, orders: [makeOrder({ description: '<b>x</b>' })] });
    expect(mail.htmlBody).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>x');
  });
});
