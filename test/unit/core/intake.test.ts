import {
  FORM_QUESTIONS,
  FormSubmitEventSchema,
  URGENCY_CHOICES,
  formQuestions,
  newWorkOrder,
  parseResponseRef,
  parseSubmission,
  responseRef,
  suggestedPriority,
} from '../../../src/core/intake';
import { DEFAULT_PRIORITIES } from '../../../src/core/settings';

const titles = Object.fromEntries(FORM_QUESTIONS.map((q) => [q.key, q.title]));
const locations = ['Main Building', 'Annex'];
const complete = (): Record<string, string[]> => ({
  Timestamp: ['3/6/2026 10:00:00'],
  'Email Address': [' Rita@Example.com '],
  [titles.requesterName as string]: ['Rita Requestor'],
  [titles.description as string]: ['Leaking tap\r\nin the kitchen\u0000'],
  [titles.location as string]: ['main building'],
  [titles.urgency as string]: ['Routine'],
  [titles.resources as string]: [''],
});

describe('FORM_QUESTIONS', () => {
  it('asks for the SOP’s details once, in order', () => {
    expect(FORM_QUESTIONS.map((q) => q.key)).toEqual([
      'requesterName',
      'description',
      'location',
      'urgency',
      'resources',
    ]);
    expect(URGENCY_CHOICES).toEqual([
      'Emergency (safety risk)',
      'Urgent (within 24 h)',
      'Routine',
      'Scheduled / planned',
    ]);
    expect(FORM_QUESTIONS.find((q) => q.key === 'resources')?.required).toBe(false);
  });
  it('fills the location choices from Settings, or asks for text when there are none', () => {
    expect(formQuestions(locations).find((q) => q.key === 'location')).toMatchObject({
      type: 'list',
      choices: locations,
    });
    expect(formQuestions([]).find((q) => q.key === 'location')?.type).toBe('text');
  });
});

describe('parseSubmission', () => {
  it('normalizes a complete response without problems', () => {
    expect(parseSubmission(complete(), locations)).toEqual({
      requesterEmail: 'rita@example.com',
      requesterName: 'Rita Requestor',
      description: 'Leaking tap\nin the kitchen',
      location: 'Main Building',
      urgency: 'Routine',
      resources: '',
      // No asset question answered (it is asked only while the Assets tab lists active assets).
      asset: '',
      problems: [],
    });
  });
  it('matches question titles ignoring case and spacing, and joins several answers', () => {
    const nv = complete();
    nv[`  ${(titles.resources as string).toUpperCase()} `] = ['Ladder', '', 'Wrench'];
    delete nv[titles.resources as string];
    expect(parseSubmission(nv, locations).resources).toBe('Ladder, Wrench');
  });
  it('never throws and lists every problem', () => {
    const nv: Record<string, string[]> = {
      'Email Address': ['not-an-email'],
      [titles.description as string]: ['   '],
      [titles.location as string]: ['Moon base'],
      [titles.urgency as string]: ['Whenever'],
    };
    const s = parseSubmission(nv, locations);
    expect(s).toMatchObject({
      requesterEmail: '',
      description: '',
      location: 'Moon base',
      urgency: 'Whenever',
    });
    expect(s.problems).toEqual([
      '"not-an-email" is not an email address',
      'The form has no "Your name" question',
      '"Description of the work needed" was left empty',
      'Location "Moon base" is not on the Settings list',
      'Urgency "Whenever" is not one of the form\'s choices',
      'The form has no "Required resources" question',
    ]);
    expect(parseSubmission({}, []).problems).toContain('No requester email was collected');
  });
  it('accepts any location when Settings lists none', () => {
    const nv = complete();
    nv[titles.location as string] = ['Shed 4'];
    expect(parseSubmission(nv, []).location).toBe('Shed 4');
    expect(parseSubmission(nv, []).problems).toEqual([]);
  });
  it('cuts an over-long answer to fit a cell and says so', () => {
    const nv = complete();
    nv[titles.description as string] = ['x'.repeat(60_000)];
    const s = parseSubmission(nv, locations);
    expect(s.description.length).toBe(50_000);
    expect(s.problems).toEqual(['"Description of the work needed" was cut to fit a cell (60000 characters)']);
  });
});

describe('FormSubmitEventSchema', () => {
  it('accepts the event the adapter hands over and rejects malformed ones', () => {
    const event = {
      namedValues: complete(),
      values: ['3/6/2026 10:00:00', 'rita@example.com'],
      range: { sheetName: 'Form Responses 1', row: 7, column: 1, numRows: 1, numColumns: 7 },
      triggerUid: '123',
    };
    expect(FormSubmitEventSchema.safeParse(event).success).toBe(true);
    expect(FormSubmitEventSchema.safeParse({ ...event, range: { ...event.range, row: 1 } }).success).toBe(
      false,
    );
    expect(FormSubmitEventSchema.safeParse({ ...event, namedValues: { a: 'b' } }).success).toBe(false);
  });
});

describe('response references and new work orders', () => {
  it('formats and parses response references', () => {
    expect(responseRef('Form Responses 1', 7)).toBe('Form Responses 1!A7');
    expect(parseResponseRef('Form Responses 1!A7')).toEqual({ sheetName: 'Form Responses 1', row: 7 });
    expect(parseResponseRef('A!B!A12')).toEqual({ sheetName: 'A!B', row: 12 });
    expect(parseResponseRef('nonsense')).toBeNull();
  });
  it('suggests the priority matching the urgency by position', () => {
    expect(suggestedPriority('Emergency (safety risk)', DEFAULT_PRIORITIES)).toBe('P1 Emergency');
    expect(suggestedPriority('scheduled / planned', DEFAULT_PRIORITIES)).toBe('P4 Scheduled');
    expect(suggestedPriority('Whenever', DEFAULT_PRIORITIES)).toBe('');
  });
  it('builds a Submitted row carrying the problems as its review flag', () => {
    const requestedAt = new Date('2026-03-06T09:00:00Z');
    const order = newWorkOrder(
      { ...parseSubmission(complete(), locations), problems: ['a', 'b'] },
      { id: 'REQ-000007', requestedAt, responseRef: 'Form Responses 1!A7' },
    );
    expect(order).toMatchObject({
      id: 'REQ-000007',
      status: 'Submitted',
      woNumber: '',
      requestedAt,
      requesterEmail: 'rita@example.com',
      reviewFlag: 'a; b',
      responseRef: 'Form Responses 1!A7',
      revision: 1,
    });
  });
});
