import { transitionFor } from '../../../src/core/lifecycle';
import {
  EMAIL_KINDS,
  cleanRecipients,
  composeEmail,
  defaultRecipients,
  recipientsFor,
  type EmailExtra,
} from '../../../src/core/notifications';
import { STAFF, makeOrder } from './fixtures';

const tz = 'Europe/Paris';
const extra: EmailExtra = {
  timeZone: tz,
  organizationName: 'Acme Facilities',
  supervisors: ['sam@example.com', 'sue@example.com'],
  previousAssignee: 'tina@example.com',
  link: 'https://docs.google.com/spreadsheets/d/abc/edit',
  now: new Date('2026-03-10T12:00:00Z'),
  question: 'Which floor?',
};
const approved = makeOrder({
  woNumber: 'WO-2026-00042',
  status: 'Assigned',
  category: 'Plumbing',
  priority: 'P3 Routine',
  assignee: 'tom@example.com',
  due: new Date('2026-03-09T09:00:00Z'),
  reason: 'Waiting for parts',
  results: 'Fixed',
  actions: 'Replaced washer',
});

describe('composeEmail', () => {
  it('puts the request id in the subject before there is a number', () => {
    const mail = composeEmail('acknowledgment', makeOrder(), extra);
    expect(mail.to).toEqual(['rita@example.com']);
    expect(mail.subject).toBe('[REQ-000123] Request received: Leaking tap in the kitchen');
    expect(mail.body).toContain('Its reference is REQ-000123');
    expect(mail.body).not.toContain('https://'); // requestors may have no access to the spreadsheet
    expect(mail.body.endsWith('— Acme Facilities')).toBe(true);
  });
  it('puts the work-order number in the subject once approved', () => {
    const mail = composeEmail('approved', approved, extra);
    expect(mail.subject).toBe('[WO-2026-00042] Approved: Leaking tap in the kitchen');
    expect(mail.body).toContain('Your request REQ-000123 was approved as work order WO-2026-00042.');
    expect(mail.body).toContain('Due: 2026-03-09 10:00 (Europe/Paris)');
  });
  it('sends each kind to its usual recipients', () => {
    const to = (kind: (typeof EMAIL_KINDS)[number]): string[] => composeEmail(kind, approved, extra).to;
    expect(to('rejected')).toEqual(['rita@example.com']);
    expect(to('clarification')).toEqual(['rita@example.com']);
    expect(to('closed')).toEqual(['rita@example.com']);
    expect(to('assigned')).toEqual(['tom@example.com']);
    expect(to('returned')).toEqual(['tom@example.com']);
    expect(to('workReopened')).toEqual(['rita@example.com']);
    expect(to('overdueReminder')).toEqual(['tom@example.com']);
    expect(to('dueSoon')).toEqual(['tom@example.com']);
    expect(to('unassigned')).toEqual(['tina@example.com']);
    expect(to('onHold')).toEqual(['rita@example.com', 'sam@example.com', 'sue@example.com']);
    expect(to('completed')).toEqual(['sam@example.com', 'sue@example.com']);
    expect(to('escalation')).toEqual(['sam@example.com', 'sue@example.com']);
    expect(to('cancelled')).toEqual(['rita@example.com', 'tom@example.com']);
    expect(defaultRecipients('unassigned', approved, { timeZone: tz })).toEqual([]);
  });
  it('includes reasons, questions, results and the escalation age', () => {
    expect(composeEmail('rejected', approved, extra).body).toContain('Reason: Waiting for parts');
    expect(composeEmail('onHold', approved, extra).body).toContain('is on hold, which delays it.');
    expect(composeEmail('onHold', approved, extra).body).toContain(
      'The due date below moves later by the working time it spends on hold, once work resumes.',
    );
    expect(composeEmail('clarification', approved, extra).body).toContain('Which floor?');
    expect(composeEmail('completed', approved, extra).body).toContain('Actions taken: Replaced washer');
    expect(composeEmail('escalation', approved, extra).body).toContain('has been overdue for 27 hours.');
    expect(composeEmail('assigned', approved, extra).body).toContain(
      'Open the register: https://docs.google.com/spreadsheets/d/abc/edit',
    );
  });
  it('lets the caller choose recipients, cleaning them', () => {
    const mail = composeEmail('assigned', approved, {
      ...extra,
      to: [' TOM@example.com', 'tom@example.com', 'bad, x@y.z', ''],
    });
    expect(mail.to).toEqual(['tom@example.com']);
  });
  it('keeps subjects on one line and escapes every bit of user text in HTML', () => {
    const evil = makeOrder({
      description: 'Broken <script>alert(1)</script>\r\nBcc: victim@example.com',
      location: '"><img src=x onerror=alert(1)>',
      reason: "O'Brien & co",
    });
    for (const kind of EMAIL_KINDS) {
      const mail = composeEmail(kind, evil, { ...extra, link: 'javascript:alert(1)', question: '<b>?</b>' });
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject.startsWith('[REQ-000123] ')).toBe(true);
      expect(mail.htmlBody).not.toContain('<script>');
      expect(mail.htmlBody).not.toContain('<img');
      expect(mail.htmlBody).not.toContain('<b>?');
      expect(mail.htmlBody).not.toContain('javascript:');
      expect(mail.body).not.toContain('javascript:');
    }
    const mail = composeEmail('cancelled', evil, extra);
    expect(mail.subject).toBe(
      '[REQ-000123] Cancelled: Broken <script>alert(1)</script> Bcc: victim@example.com',
    );
    expect(mail.htmlBody).toContain(
      'Broken &lt;script&gt;alert(1)&lt;/script&gt;<br>Bcc: victim@example.com',
    );
    expect(mail.htmlBody).toContain('O&#39;Brien &amp; co');
  });
  it('caps long descriptions in the subject', () => {
    const mail = composeEmail(
      'approved',
      makeOrder({ woNumber: 'WO-2026-00001', description: 'x'.repeat(500) }),
      extra,
    );
    expect(mail.subject).toBe(`[WO-2026-00001] Approved: ${'x'.repeat(59)}…`);
  });
});

describe('recipientsFor', () => {
  const after = { ...approved, assignee: 'tom@example.com' };
  it('follows the notify column of the lifecycle table', () => {
    expect(recipientsFor(transitionFor('approve'), after, STAFF, '')).toEqual([
      { kind: 'approved', to: ['rita@example.com'] },
    ]);
    // The requestor's email is their own, never shared with staff.
    expect(recipientsFor(transitionFor('hold'), after, STAFF, '')).toEqual([
      { kind: 'onHold', to: ['sam@example.com', 'sue@example.com'] },
      { kind: 'onHold', to: ['rita@example.com'] },
    ]);
    // The requestor hears that the work is done, in words of their own (with the results).
    expect(recipientsFor(transitionFor('complete'), after, STAFF, '')).toEqual([
      { kind: 'completed', to: ['sam@example.com', 'sue@example.com'] },
      { kind: 'workDone', to: ['rita@example.com'] },
    ]);
    expect(recipientsFor(transitionFor('cancel'), after, STAFF, '')).toEqual([
      { kind: 'cancelled', to: ['tom@example.com'] },
      { kind: 'cancelled', to: ['rita@example.com'] },
    ]);
    // Told the work was done, the requestor hears it was sent back, in words of their own.
    expect(recipientsFor(transitionFor('return'), after, STAFF, '')).toEqual([
      { kind: 'returned', to: ['tom@example.com'] },
      { kind: 'workReopened', to: ['rita@example.com'] },
    ]);
    expect(recipientsFor(transitionFor('start'), after, STAFF, '')).toEqual([]);
    expect(recipientsFor(transitionFor('resume'), after, STAFF, '')).toEqual([]);
  });
  it('tells the new and the previous assignee on reassignment', () => {
    expect(recipientsFor(transitionFor('reassign'), after, STAFF, 'Tina@example.com')).toEqual([
      { kind: 'assigned', to: ['tom@example.com'] },
      { kind: 'unassigned', to: ['tina@example.com'] },
    ]);
  });
  it('honours the Settings switches', () => {
    const off = { notifyRequestor: false, notifyAssignee: true, notifySupervisors: false };
    expect(recipientsFor(transitionFor('hold'), after, STAFF, '', { switches: off })).toEqual([]);
    expect(recipientsFor(transitionFor('return'), after, STAFF, '', { switches: off })).toEqual([
      { kind: 'returned', to: ['tom@example.com'] },
    ]);
    expect(recipientsFor(transitionFor('cancel'), after, STAFF, '', { switches: off })).toEqual([
      { kind: 'cancelled', to: ['tom@example.com'] },
    ]);
    const noAssignee = { notifyRequestor: true, notifyAssignee: false, notifySupervisors: true };
    expect(
      recipientsFor(transitionFor('reassign'), after, STAFF, 'tina@example.com', { switches: noAssignee }),
    ).toEqual([]);
  });
  it('does not email the person who made the change', () => {
    expect(
      recipientsFor(transitionFor('complete'), after, STAFF, '', { actorEmail: 'SAM@example.com' }),
    ).toEqual([
      { kind: 'completed', to: ['sue@example.com'] },
      { kind: 'workDone', to: ['rita@example.com'] },
    ]);
  });
  it('falls back to administrators when there are no active supervisors', () => {
    const staff = STAFF.filter((m) => m.role !== 'Supervisor');
    expect(recipientsFor(transitionFor('complete'), after, staff, '')).toEqual([
      { kind: 'completed', to: ['ada@example.com'] },
      { kind: 'workDone', to: ['rita@example.com'] },
    ]);
  });
  it('emails a requestor who is also staff once, as the requestor', () => {
    const own = { ...after, requesterEmail: 'Sue@example.com' };
    expect(recipientsFor(transitionFor('hold'), own, STAFF, '')).toEqual([
      { kind: 'onHold', to: ['sam@example.com'] },
      { kind: 'onHold', to: ['sue@example.com'] },
    ]);
  });
  it('skips a cancelled request without assignee', () => {
    expect(recipientsFor(transitionFor('cancel'), makeOrder(), STAFF, '')).toEqual([
      { kind: 'cancelled', to: ['rita@example.com'] },
    ]);
  });
});

describe('cleanRecipients', () => {
  it('keeps valid unique lower-case addresses', () => {
    expect(
      cleanRecipients(['A@B.co', 'a@b.co', 'no', 'x@y', 'a@b.co\nBcc: c@d.e', 'ok@example.org']),
    ).toEqual(['a@b.co', 'ok@example.org']);
  });
});
